import { createServerClient } from '@supabase/ssr';
import { createClient, type User } from '@supabase/supabase-js';
import type { Cookies } from '@sveltejs/kit';
import { PUBLIC_SUPABASE_ANON_KEY, PUBLIC_SUPABASE_URL } from '$app/env/public';
import type { Db } from './db/client.ts';
import type { Database } from './db/database.types.ts';

/**
 * The per-request Supabase client: it acts as the signed-in user (session in cookies, as
 * @supabase/ssr keeps it) or as anonymous, so Row Level Security decides what each request may
 * read and write. The app never uses the service key.
 */
export function createRequestClient(cookies: Cookies): Db {
	if (!PUBLIC_SUPABASE_URL || !PUBLIC_SUPABASE_ANON_KEY) {
		throw new Error(
			'PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY are not set: start the app with `npm run dev`, or set them to a Supabase project'
		);
	}
	return createServerClient<Database>(PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY, {
		cookies: {
			getAll: () => cookies.getAll(),
			setAll: (cookiesToSet) => {
				for (const { name, value, options } of cookiesToSet) {
					cookies.set(name, value, { ...options, path: '/' });
				}
			}
		}
	});
}

/**
 * The signed-in user, validated by the auth server (never trusted from the cookie alone), or
 * null for anonymous visitors and expired or tampered sessions.
 */
export async function getValidatedUser(supabase: Db): Promise<User | null> {
	const { data, error } = await supabase.auth.getUser();
	if (error || !data.user) return null;
	return data.user;
}

let anonymous: Db | undefined;

/**
 * A client that is always anonymous, whoever is signed in: for open data (the HSDS API and
 * exports), where what leaves must be what anyone may read, decided by Row Level Security.
 * It keeps no session, so one client serves every request.
 */
export function anonymousClient(): Db {
	if (!PUBLIC_SUPABASE_URL || !PUBLIC_SUPABASE_ANON_KEY) {
		throw new Error('PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY are not set');
	}
	anonymous ??= createClient<Database>(PUBLIC_SUPABASE_URL, PUBLIC_SUPABASE_ANON_KEY, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
	return anonymous;
}
