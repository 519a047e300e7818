import { json } from '@sveltejs/kit';
import { version } from '$app/env';
import { databaseReachable } from '#lib/server/db/health.ts';
import type { RequestHandler } from './$types';

// For load balancers and uptime checks: 200 when the app is up and reaches its database through
// the Supabase API, else 503. No sign-in, never cached.
export const GET: RequestHandler = async ({ locals }) => {
	const up = await databaseReachable(() => locals.supabase);
	return json(
		{ status: up ? 'ok' : 'unavailable', database: up ? 'ok' : 'unreachable', version },
		{ status: up ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
