// The language of the auth e-mails (sign-in link, confirmation, e-mail change, invitation).
// Supabase Auth renders them from supabase/templates/, which choose the language from the user's
// metadata key `locale`. A new user gets it from the page they sign up from; a later sign-in
// from another language updates it, so the next mail follows. The very mail asked for from a new
// language still uses the previous one: Supabase Auth ignores `data` for existing users, and
// only the signed-in user may change their metadata.
import type { User } from '@supabase/supabase-js';
import type { Db } from '#lib/server/db/client.ts';
import { z } from 'zod';
import type { Locale } from '#lib/paraglide/runtime.js';

const metadataSchema = z.object({ locale: z.string().optional() }).loose();

/**
 * The metadata a user created by this sign-in starts with: `locale` for the auth mails and
 * `email_language`, from which the database trigger sets the profile's notification language.
 */
export function newUserMetadata(locale: Locale): { locale: Locale; email_language: Locale } {
	return { locale, email_language: locale };
}

/**
 * After a successful sign-in from `locale`: records it in the user's metadata when it differs,
 * so the next auth mail is in that language. A failure is logged and never blocks the sign-in.
 */
export async function rememberAuthMailLocale(
	supabase: Db,
	user: Pick<User, 'user_metadata'> | null | undefined,
	locale: Locale
): Promise<void> {
	if (!user) return;
	const metadata = metadataSchema.safeParse(user.user_metadata ?? {});
	if (metadata.success && metadata.data.locale === locale) return;
	const { error } = await supabase.auth.updateUser({ data: { locale } });
	if (error) console.error(`[auth] could not record the mail language: ${error.message}`);
}
