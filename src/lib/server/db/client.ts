// The Supabase client as the app uses it: typed by the schema generated from the migrations, so
// the compiler checks every table, column, view and function the data modules name.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Json } from './database.types.ts';

/** A Supabase client typed by our schema; every function that takes a client takes this. */
export type Db = SupabaseClient<Database>;

/** A JSON object as a jsonb column takes it (e.g. a change request's `changes`). */
export type JsonObject = { [key: string]: Json | undefined };
