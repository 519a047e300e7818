// The Supabase client as the app uses it: typed by the schema generated from the migrations, so
// the compiler checks every table, column, view and function the data modules name.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from './database.types.ts';

/** A Supabase client typed by our schema; every function that takes a client takes this. */
export type Db = SupabaseClient<Database>;

/** A JSON object as a jsonb column takes it (e.g. a change request's `changes`). */
export type JsonObject = { [key: string]: Json | undefined };

/** A jsonb value the schema keeps an object (a check constraint or a default of `{}`), checked. */
export function jsonObject(value: Json, column: string): JsonObject {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new Error(`${column} is not a JSON object`);
	}
	return value;
}
