// Profiles: a user's display name, e-mail language and platform roles (read by the user only).
import { z } from 'zod';
import type { Db } from './client.ts';
import { orThrow } from './errors.ts';

// The languages the schema's check constraint allows (the column is text).
const emailLanguage = z.enum(['fr', 'nl', 'en']);
export type EmailLanguage = z.infer<typeof emailLanguage>;
export type Profile = {
	id: string;
	display_name: string | null;
	email_language: EmailLanguage;
	roles: string[];
};

/** The signed-in user's own profile, or null when it does not exist (yet). */
export async function get(supabase: Db, userId: string): Promise<Profile | null> {
	const row = orThrow(
		await supabase
			.from('profiles')
			.select('id, display_name, email_language, roles')
			.eq('id', userId)
			.maybeSingle()
	);
	return row && { ...row, email_language: emailLanguage.parse(row.email_language) };
}

/** Updates the user's display name (null clears it) and e-mail language. */
export async function update(
	supabase: Db,
	userId: string,
	patch: { display_name: string | null; email_language: EmailLanguage }
): Promise<void> {
	orThrow(await supabase.from('profiles').update(patch).eq('id', userId));
}

/** Gives the signed-in user the org_editor role (idempotent), so they can register entries. */
export async function becomeOrgEditor(supabase: Db): Promise<void> {
	orThrow(await supabase.rpc('become_org_editor'));
}

/**
 * Deletes the signed-in user's account and the never-published registrations only they
 * maintain; published entries stay with their history (moderators maintain those left without
 * an editor). Returns how many registrations went with the account.
 */
export async function deleteOwnAccount(supabase: Db): Promise<number> {
	return orThrow(await supabase.rpc('delete_my_account')) ?? 0;
}
