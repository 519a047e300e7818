// Email one-time tokens: issued for signup confirmation, magic links, recovery, invites and
// email changes, mailed as a 6-digit code plus a /verify link, and verified by code or hash.
// GoTrue keeps the hash in the matching auth.users column and in auth.one_time_tokens.
import type { Query } from '../types.ts';
import { insertMail, escapeHtml } from '../mailbox.ts';
import { AuthHttpError, otpExpired } from './errors.ts';
import { renderMail, type MailTemplateName, type MailTemplates } from '../mail-templates.ts';
import { generateOtp, hashOtp, safeEqual } from './tokens.ts';
import { confirmEmail, findUserByEmail, findUserById, iso, type UserRow } from './users.ts';

/** What a one-time token is for; the `type` of GoTrue's /verify and of the mailed link. */
export type EmailOtpKind = 'signup' | 'invite' | 'magiclink' | 'recovery' | 'email_change';

/** The `type` values /verify accepts for email. */
export type VerifyType = EmailOtpKind | 'email';

const VERIFY_TYPES: readonly VerifyType[] = [
	'signup',
	'invite',
	'magiclink',
	'recovery',
	'email_change',
	'email'
];

/** Reads a /verify `type`, or null when it is not an email verification type. */
export function parseVerifyType(value: unknown): VerifyType | null {
	return VERIFY_TYPES.find((t) => t === value) ?? null;
}

type TokenColumn =
	'confirmation_token' | 'recovery_token' | 'email_change_token_new' | 'email_change_token_current';

type Slot = {
	column: TokenColumn;
	sentAt: 'confirmation_sent_at' | 'recovery_sent_at' | 'email_change_sent_at';
	tokenType: TokenColumn;
};

const CONFIRMATION: Slot = {
	column: 'confirmation_token',
	sentAt: 'confirmation_sent_at',
	tokenType: 'confirmation_token'
};
// Magic links share the recovery slot, as in GoTrue.
const RECOVERY: Slot = {
	column: 'recovery_token',
	sentAt: 'recovery_sent_at',
	tokenType: 'recovery_token'
};
const EMAIL_CHANGE: Slot = {
	column: 'email_change_token_new',
	sentAt: 'email_change_sent_at',
	tokenType: 'email_change_token_new'
};
// Secure email change: a second token, mailed to the current address.
const EMAIL_CHANGE_CURRENT: Slot = {
	column: 'email_change_token_current',
	sentAt: 'email_change_sent_at',
	tokenType: 'email_change_token_current'
};

function slotFor(kind: EmailOtpKind): Slot {
	if (kind === 'signup' || kind === 'invite') return CONFIRMATION;
	if (kind === 'email_change') return EMAIL_CHANGE;
	return RECOVERY;
}

function slotsFor(type: VerifyType): Slot[] {
	if (type === 'email') return [CONFIRMATION, RECOVERY];
	if (type === 'email_change') return [EMAIL_CHANGE, EMAIL_CHANGE_CURRENT];
	return [slotFor(type)];
}

/** The sign-in method GoTrue records (amr claim, PKCE flow state) for each verification. */
export function authenticationMethod(type: VerifyType): string {
	switch (type) {
		case 'signup':
			return 'email/signup';
		case 'email':
			return 'otp';
		default:
			return type;
	}
}

/** PKCE links carry the token hash with this prefix, so /verify knows to answer with a code. */
export const PKCE_PREFIX = 'pkce_';

export type IssuedOtp = { otp: string; tokenHash: string; linkToken: string };

/**
 * Refuses a new mail to this user within `maxFrequencySeconds` of the last one of the same kind
 * (GoTrue's SMTP max frequency), with 429 over_email_send_rate_limit.
 */
export function checkSendFrequency(
	user: UserRow,
	kind: EmailOtpKind,
	maxFrequencySeconds: number,
	now: Date = new Date()
): void {
	const sent = iso(user[slotFor(kind).sentAt]);
	if (sent === undefined) return;
	const waitMs = Date.parse(sent) + maxFrequencySeconds * 1000 - now.getTime();
	if (waitMs > 0) {
		throw new AuthHttpError(
			429,
			'over_email_send_rate_limit',
			`For security purposes, you can only request this after ${Math.ceil(waitMs / 1000)} seconds.`
		);
	}
}

/**
 * Issues a one-time token for `kind`, replacing any earlier one of the same slot. `email` is the
 * address the code is hashed with and mailed to. For an email change it is the new address, or
 * with `currentAddress` the current one (the second token of a secure email change).
 */
export async function issueOtp(
	q: Query,
	input: {
		user: UserRow;
		kind: EmailOtpKind;
		email: string;
		pkce: boolean;
		currentAddress?: boolean;
	}
): Promise<IssuedOtp> {
	const otp = generateOtp();
	const tokenHash = hashOtp(input.email, otp);
	// A PKCE flow's hash is stored with its prefix, as GoTrue does, so that its link only matches
	// with the prefix, which /verify answers with a code that needs the flow's code verifier: the
	// bare hash taken from the link cannot be redeemed for a session instead.
	const stored = input.pkce ? PKCE_PREFIX + tokenHash : tokenHash;
	const slot = input.currentAddress === true ? EMAIL_CHANGE_CURRENT : slotFor(input.kind);
	const newEmail = slot === EMAIL_CHANGE ? input.email : null;
	await q(
		`update auth.users set ${slot.column} = $2, ${slot.sentAt} = now(),
			email_change = coalesce($3::text, email_change),
			email_change_confirm_status = case when $3::text is null
				then email_change_confirm_status else 0 end,
			updated_at = now()
		 where id = $1`,
		[input.user.id, stored, newEmail]
	);
	await q(
		`insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to)
		 values (gen_random_uuid(), $1, $2::auth.one_time_token_type, $3, $4)
		 on conflict (user_id, token_type) do update
		 set token_hash = excluded.token_hash, relates_to = excluded.relates_to, updated_at = now()`,
		[input.user.id, slot.tokenType, stored, input.email]
	);
	return { otp, tokenHash, linkToken: stored };
}

/**
 * The identity of what a verification proved, for the session or code that follows.
 * `pending` is the first of the two confirmations of a secure email change: nothing to sign in.
 */
export type Verified = { userId: string; type: VerifyType; pending: boolean };

/** GoTrue's answer to the first confirmation of a secure email change. */
export const SINGLE_CONFIRMATION_ACCEPTED =
	'Confirmation link accepted. Please proceed to confirm link sent to the other email';

/**
 * Verifies an email one-time token given either as `{ email, token }` (the 6-digit code) or as
 * `{ tokenHash }` (from a link), consumes it and applies its effect: confirming the address,
 * or switching to the new address for an email change. Any failure is 403 otp_expired, as in
 * GoTrue, so a caller learns nothing about which part was wrong.
 */
export async function verifyOtp(
	q: Query,
	input: { type: VerifyType; email?: string; token?: string; tokenHash?: string },
	otpExpirySeconds: number
): Promise<Verified> {
	const slots = slotsFor(input.type);
	let user: UserRow | null = null;
	let hash: string;
	// A link's hash must equal what was stored, PKCE prefix included; a typed code proves the
	// mail was read and is accepted for either flow, as GoTrue accepts it.
	const byLink = input.tokenHash !== undefined;
	if (input.tokenHash !== undefined) {
		hash = input.tokenHash;
		const where = slots.map((s) => `${s.column} = $1`).join(' or ');
		const found = await q(
			`select id from auth.users where (${where}) and deleted_at is null limit 1`,
			[hash]
		);
		const id = found.rows[0]?.id;
		if (typeof id === 'string') user = await findUserById(q, id);
	} else {
		const email = (input.email ?? '').trim().toLowerCase();
		hash = hashOtp(email, input.token ?? '');
		if (input.type === 'email_change') {
			// Either address of a pending change, each with its own code; several users may be
			// moving to one address, so the one holding this code is the match.
			const found = await q(
				`select id from auth.users
				 where (lower(email_change) = $1 or (lower(email) = $1 and email_change <> ''))
					and ($2 in (email_change_token_new, email_change_token_current)
						or ('${PKCE_PREFIX}' || $2) in (email_change_token_new, email_change_token_current))
					and deleted_at is null
				 limit 1`,
				[email, hash]
			);
			const id = found.rows[0]?.id;
			if (typeof id === 'string') user = await findUserById(q, id);
		} else {
			user = await findUserByEmail(q, email);
		}
	}
	if (!user) throw otpExpired();
	const now = Date.now();
	const slot = slots.find((s) => {
		const raw = user[s.column];
		const stored =
			typeof raw === 'string' && !byLink && raw.startsWith(PKCE_PREFIX)
				? raw.slice(PKCE_PREFIX.length)
				: raw;
		const sent = iso(user[s.sentAt]);
		return (
			typeof stored === 'string' &&
			stored !== '' &&
			safeEqual(hash, stored) &&
			sent !== undefined &&
			Date.parse(sent) + otpExpirySeconds * 1000 > now
		);
	});
	if (!slot) throw otpExpired();
	await q(`update auth.users set ${slot.column} = '', updated_at = now() where id = $1`, [user.id]);
	await q('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [
		user.id,
		slot.tokenType
	]);
	if (slot === EMAIL_CHANGE || slot === EMAIL_CHANGE_CURRENT) {
		const other = slot === EMAIL_CHANGE ? EMAIL_CHANGE_CURRENT : EMAIL_CHANGE;
		const otherToken = user[other.column];
		if (
			Number(user.email_change_confirm_status) === 0 &&
			typeof otherToken === 'string' &&
			otherToken !== ''
		) {
			await q('update auth.users set email_change_confirm_status = 1 where id = $1', [user.id]);
			return { userId: user.id, type: input.type, pending: true };
		}
		await q(
			`update auth.users set email = lower(email_change), email_change = '',
				email_change_token_new = '', email_change_token_current = '',
				email_change_confirm_status = 0,
				raw_user_meta_data = case when raw_user_meta_data ? 'email'
					then jsonb_set(raw_user_meta_data, '{email}', to_jsonb(lower(email_change)))
					else raw_user_meta_data end,
				updated_at = now()
			 where id = $1`,
			[user.id]
		);
		await q(
			`update auth.identities set identity_data = jsonb_set(identity_data, '{email}',
				to_jsonb((select email from auth.users where id = $1))), updated_at = now()
			 where user_id = $1 and provider = 'email'`,
			[user.id]
		);
	}
	await confirmEmail(q, user.id);
	return { userId: user.id, type: input.type, pending: false };
}

const SUBJECTS: Record<EmailOtpKind, string> = {
	signup: 'Confirm Your Signup',
	invite: 'You have been invited',
	magiclink: 'Your Magic Link',
	recovery: 'Reset Your Password',
	email_change: 'Confirm Email Change'
};

const INTROS: Record<EmailOtpKind, string> = {
	signup: 'Follow this link to confirm your user:',
	invite: 'You have been invited to create a user. Follow this link to accept the invite:',
	magiclink: 'Follow this link to log in:',
	recovery: 'Follow this link to reset the password for your user:',
	email_change: 'Follow this link to confirm the update of your email address:'
};

/** The config.toml template section of each kind of mail. */
const TEMPLATE_OF: Record<EmailOtpKind, MailTemplateName> = {
	signup: 'confirmation',
	invite: 'invite',
	magiclink: 'magic_link',
	recovery: 'recovery',
	email_change: 'email_change'
};

/**
 * Mails a one-time token: the /verify link (`<apiBase>/verify?token=…&type=…&redirect_to=…`)
 * and the 6-digit code, into the local mailbox within `q`'s transaction. With a template
 * configured for the kind (supabase/config.toml), the mail is that template rendered with the
 * variables Supabase Auth gives it; otherwise it is the built-in English mail.
 */
export async function mailOtp(
	q: Query,
	input: {
		to: string;
		kind: EmailOtpKind;
		issued: IssuedOtp;
		apiBase: string;
		redirectTo: string;
		user: UserRow;
		siteUrl: string;
		templates: MailTemplates;
		/** For an email change: the address being moved to. */
		newEmail?: string;
	}
): Promise<void> {
	const link =
		`${input.apiBase}/verify?token=${encodeURIComponent(input.issued.linkToken)}` +
		`&type=${input.kind}&redirect_to=${encodeURIComponent(input.redirectTo)}`;
	const rendered = renderMail(input.templates, TEMPLATE_OF[input.kind], {
		ConfirmationURL: link,
		Data: input.user.raw_user_meta_data ?? {},
		Email: input.user.email ?? input.to,
		NewEmail: input.newEmail ?? '',
		RedirectTo: input.redirectTo,
		SendingTo: input.to,
		SiteURL: input.siteUrl,
		Token: input.issued.otp,
		TokenHash: input.issued.linkToken
	});
	const subject = rendered?.subject ?? SUBJECTS[input.kind];
	if (rendered?.html != null && rendered.text != null) {
		await insertMail(q, { to: input.to, subject, text: rendered.text, html: rendered.html });
		return;
	}
	const intro = INTROS[input.kind];
	// The token hash is what Supabase templates expose as {{ .TokenHash }}, for apps whose
	// confirm route calls verifyOtp({ token_hash, type }) instead of following the link.
	const text =
		`${intro}\n\n${link}\n\nOr enter this code: ${input.issued.otp}\n\n` +
		`Token hash: ${input.issued.linkToken}\n`;
	const html =
		`<h2>${escapeHtml(subject)}</h2>\n<p>${escapeHtml(intro)}</p>\n` +
		`<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>\n` +
		`<p>Or enter this code: <strong>${input.issued.otp}</strong></p>\n`;
	await insertMail(q, { to: input.to, subject, text, html });
}
