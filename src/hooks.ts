import type { Reroute } from '@sveltejs/kit/hooks';
import { deLocalizePathname } from '#lib/i18n/href.ts';

// Routes are written without a locale; /fr/find, /nl/find and /en/find all reach src/routes/find.
export const reroute: Reroute = (request) => deLocalizePathname(request.url);
