import type { Reroute } from '@sveltejs/kit/hooks';
import { deLocalizeUrl } from '#lib/paraglide/runtime.js';

// Routes are written without a locale; /fr/find, /nl/find and /en/find all reach src/routes/find.
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
