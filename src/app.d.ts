import type { User } from '@supabase/supabase-js';
import type { Db } from '#lib/server/db/client.ts';

declare global {
	namespace App {
		interface Locals {
			/** Acts as the visitor: anonymous, or the signed-in user from the session cookies. */
			supabase: Db;
			/**
			 * For reads: the visitor's client when a session cookie came with the request, else
			 * one anonymous client shared by all requests (Row Level Security answers the same).
			 * Never for auth calls, which keep the session in the client.
			 */
			reader: Db;
			/** The signed-in user, validated server-side once per request; null when anonymous. */
			user: () => Promise<User | null>;
			/** This request's id in the server log (and its `x-request-id` response header). */
			requestId: string;
		}
		interface Error {
			message: string;
			/** Quoted by the user when reporting a problem; the same id is in the server log. */
			id?: string;
		}
	}
}

export {};
