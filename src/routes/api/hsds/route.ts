// Wires an HSDS handler to a SvelteKit endpoint: always read as anonymous (so a signed-in
// visitor's rights never widen what the open API publishes), GET and HEAD, CORS preflight.
import type { RequestEvent } from '@sveltejs/kit';
import type { HsdsContext } from '#lib/server/hsds/api.ts';
import { preflight } from '#lib/server/hsds/http.ts';
import { anonymousClient } from '#lib/server/supabase.ts';

/** The GET and OPTIONS exports of one HSDS endpoint. */
export function hsdsEndpoint(handler: (context: HsdsContext) => Promise<Response>) {
	return {
		GET: ({ request, url, params }: RequestEvent) =>
			handler({ supabase: anonymousClient(), request, url, id: (params as { id?: string }).id }),
		OPTIONS: () => preflight()
	};
}
