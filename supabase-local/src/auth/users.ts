// auth.users rows and their JSON form as GoTrue serialises a user (models/user.go): timestamps
// omitted when null, tokens and the password hash never included.
import { randomUUID } from 'node:crypto';
import type { Query } from '../types.ts';

export type UserRow = Record<string, unknown> & {
	id: string;
	email: string | null;
	encrypted_password: string | null;
	email_confirmed_at: unknown;
	banned_until: unknown;
	raw_app_meta_data: Record<string, unknown> | null;
	raw_user_meta_data: Record<string, unknown> | null;
	identities: Record<string, unknown>[];
};

/** A timestamp as GoTrue prints it (RFC 3339, UTC), or undefined when null. */
export function iso(value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (value instanceof Date) return value.toISOString();
	return new Date(String(value)).toISOString();
}

function withOptional(
	target: Record<string, unknown>,
	key: string,
	value: unknown
): Record<string, unknown> {
	if (value !== undefined && value !== null && value !== '') target[key] = value;
	return target;
}

function identityJson(row: Record<string, unknown>): Record<string, unknown> {
	return {
		identity_id: row.id,
		id: row.provider_id,
		user_id: row.user_id,
		identity_data: row.identity_data ?? {},
		provider: row.provider,
		last_sign_in_at: iso(row.last_sign_in_at),
		created_at: iso(row.created_at),
		updated_at: iso(row.updated_at),
		email: row.email ?? undefined
	};
}

/** The user object GoTrue returns from /user, /admin/users and inside sessions. */
export function userJson(row: UserRow): Record<string, unknown> {
	const user: Record<string, unknown> = {
		id: row.id,
		aud: row.aud ?? 'authenticated',
		role: row.role ?? 'authenticated',
		email: row.email ?? ''
	};
	withOptional(user, 'email_confirmed_at', iso(row.email_confirmed_at));
	withOptional(user, 'invited_at', iso(row.invited_at));
	user.phone = row.phone ?? '';
	withOptional(user, 'phone_confirmed_at', iso(row.phone_confirmed_at));
	withOptional(user, 'confirmation_sent_at', iso(row.confirmation_sent_at));
	withOptional(user, 'confirmed_at', iso(row.confirmed_at));
	withOptional(user, 'recovery_sent_at', iso(row.recovery_sent_at));
	withOptional(user, 'new_email', row.email_change);
	withOptional(user, 'email_change_sent_at', iso(row.email_change_sent_at));
	withOptional(user, 'last_sign_in_at', iso(row.last_sign_in_at));
	user.app_metadata = row.raw_app_meta_data ?? {};
	user.user_metadata = row.raw_user_meta_data ?? {};
	user.identities = row.identities.map(identityJson);
	user.created_at = iso(row.created_at);
	user.updated_at = iso(row.updated_at);
	withOptional(user, 'banned_until', iso(row.banned_until));
	withOptional(user, 'deleted_at', iso(row.deleted_at));
	user.is_anonymous = row.is_anonymous === true;
	return user;
}

async function attachIdentities(
	q: Query,
	row: Record<string, unknown> | undefined
): Promise<UserRow | null> {
	if (!row) return null;
	const identities = await q(
		'select * from auth.identities where user_id = $1 order by created_at, id',
		[row.id]
	);
	return { ...row, identities: identities.rows } as UserRow;
}

/** The user with this id (soft-deleted ones included), or null. */
export async function findUserById(q: Query, id: string): Promise<UserRow | null> {
	const result = await q('select * from auth.users where id = $1', [id]);
	return attachIdentities(q, result.rows[0]);
}

/** The (not soft-deleted, not SSO) user with this email address, compared lower-cased. */
export async function findUserByEmail(q: Query, email: string): Promise<UserRow | null> {
	const result = await q(
		`select * from auth.users
		 where lower(email) = lower($1) and is_sso_user = false and deleted_at is null
		 limit 1`,
		[email]
	);
	return attachIdentities(q, result.rows[0]);
}

export type NewUser = {
	email: string;
	password: string | null;
	userMetadata: Record<string, unknown>;
	appMetadata?: Record<string, unknown>;
	confirmed: boolean;
	invited?: boolean;
	role?: string;
	/** A chosen id, as the admin API allows (`id` in the body); a random one otherwise. */
	id?: string;
	bcryptCost: number;
};

/**
 * Creates a user with an `email` identity by plain SQL inserts, so triggers on auth.users fire
 * as on Supabase. GoTrue copies the identity claims (sub, email, email_verified,
 * phone_verified) into user_metadata; supplied metadata wins over them.
 */
export async function createUser(q: Query, input: NewUser): Promise<UserRow> {
	const appMetadata = { provider: 'email', providers: ['email'], ...(input.appMetadata ?? {}) };
	// The id is chosen here so the metadata can embed it in the insert itself: triggers on
	// auth.users (e.g. creating a profile from sign-up data) see the complete row.
	const id = input.id ?? randomUUID();
	const identityData = {
		sub: id,
		email: input.email,
		email_verified: input.confirmed,
		phone_verified: false
	};
	await q(
		`insert into auth.users (instance_id, id, aud, role, email, encrypted_password,
			email_confirmed_at, invited_at, raw_app_meta_data, raw_user_meta_data, is_super_admin,
			created_at, updated_at, confirmation_token, recovery_token, email_change_token_new,
			email_change)
		 values ('00000000-0000-0000-0000-000000000000', $9::uuid, 'authenticated', $1, $2,
			case when $3::text is null then null
				else extensions.crypt($3::text, extensions.gen_salt('bf', $8::int)) end,
			case when $4::boolean then now() end, case when $5::boolean then now() end,
			$6::jsonb, $7::jsonb, false, now(), now(), '', '', '', '')`,
		[
			input.role ?? 'authenticated',
			input.email,
			input.password,
			input.confirmed,
			input.invited === true,
			JSON.stringify(appMetadata),
			JSON.stringify({ ...identityData, ...input.userMetadata }),
			input.bcryptCost,
			id
		]
	);
	await q(
		`insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at,
			created_at, updated_at)
		 values ($1, $3::uuid, $2::jsonb, 'email', null, now(), now())`,
		[id, JSON.stringify(identityData), id]
	);
	const user = await findUserById(q, id);
	if (!user) throw new Error('created user not found');
	return user;
}

/** Marks the email confirmed, in the user and in its identity data (GoTrue's `email_verified`). */
export async function confirmEmail(q: Query, id: string): Promise<void> {
	await q(
		`update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()),
			raw_user_meta_data = case when raw_user_meta_data ? 'email_verified'
				then jsonb_set(raw_user_meta_data, '{email_verified}', 'true') else raw_user_meta_data end,
			updated_at = now()
		 where id = $1`,
		[id]
	);
	await q(
		`update auth.identities set identity_data = jsonb_set(identity_data, '{email_verified}', 'true'),
			updated_at = now()
		 where user_id = $1 and provider = 'email'`,
		[id]
	);
}

/** Whether `password` matches the stored bcrypt hash (checked by pgcrypto). */
export async function passwordMatches(q: Query, id: string, password: string): Promise<boolean> {
	const result = await q(
		`select encrypted_password is not null and encrypted_password <> ''
			and extensions.crypt($2, encrypted_password) = encrypted_password as ok
		 from auth.users where id = $1`,
		[id, password]
	);
	return result.rows[0]?.ok === true;
}

/** Replaces the password hash. */
export async function setPassword(
	q: Query,
	id: string,
	password: string,
	bcryptCost: number
): Promise<void> {
	await q(
		`update auth.users set encrypted_password = extensions.crypt($2, extensions.gen_salt('bf', $3::int)),
			updated_at = now() where id = $1`,
		[id, password, bcryptCost]
	);
}

/**
 * Merges metadata as GoTrue's UpdateUserMetaData does: keys are set, keys whose value is null
 * are removed.
 */
export function mergeMetadata(
	current: Record<string, unknown> | null,
	update: Record<string, unknown>
): Record<string, unknown> {
	const merged: Record<string, unknown> = { ...(current ?? {}) };
	for (const [key, value] of Object.entries(update)) {
		if (value === null) delete merged[key];
		else merged[key] = value;
	}
	return merged;
}

/** Whether the user is banned at this moment. */
export function isBanned(row: UserRow, now: Date = new Date()): boolean {
	const until = iso(row.banned_until);
	return until !== undefined && Date.parse(until) > now.getTime();
}
