// The admin API (auth.admin in supabase-js), open only to service_role tokens.
import type { Query } from '../types.ts';
import { isUuid, obj, requireEmail, str, type Ctx } from './context.ts';
import { AuthHttpError, validationFailed } from './errors.ts';
import { issueOtp, mailOtp, type EmailOtpKind } from './otp.ts';
import { changeEmail } from './user-routes.ts';
import {
	confirmEmail,
	createUser,
	findUserByEmail,
	findUserById,
	mergeMetadata,
	setPassword,
	userJson,
	type UserRow
} from './users.ts';

function emailExists(): AuthHttpError {
	return new AuthHttpError(
		422,
		'email_exists',
		'A user with this email address has already been registered'
	);
}

function userNotFound(): AuthHttpError {
	return new AuthHttpError(404, 'user_not_found', 'User not found');
}

const DURATION_UNITS: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };

/**
 * Parses GoTrue's `ban_duration`: `'none'` lifts a ban, otherwise a Go duration such as `'24h'`
 * or `'1h30m'`. Returns seconds, null for `'none'`.
 */
export function parseBanDuration(value: string): number | null {
	if (value === 'none') return null;
	const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
	if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value) {
		throw validationFailed(`invalid format for ban duration: ${value}`);
	}
	return parts.reduce((sum, p) => sum + Number(p[1]) * (DURATION_UNITS[p[2] ?? 's'] ?? 1), 0);
}

async function applyBan(q: Query, id: string, banDuration: unknown): Promise<void> {
	if (typeof banDuration !== 'string' || banDuration === '') return;
	const seconds = parseBanDuration(banDuration);
	await q(
		`update auth.users set banned_until = case when $2::float8 is null then null
			else now() + make_interval(secs => $2::float8) end, updated_at = now() where id = $1`,
		[id, seconds]
	);
}

async function requireUserById(q: Query, id: string): Promise<UserRow> {
	const user = isUuid(id) ? await findUserById(q, id) : null;
	if (!user) throw userNotFound();
	return user;
}

/** POST /admin/users. */
export async function adminCreateUser(ctx: Ctx): Promise<Response> {
	ctx.requireAdmin();
	const body = await ctx.body();
	const email = requireEmail(body.email, 'Unable to validate email address: invalid format');
	const password = str(body, 'password');
	if (password !== undefined) ctx.checkPassword(password);
	const user = await ctx.tx(async (q) => {
		if (await findUserByEmail(q, email)) throw emailExists();
		const id = str(body, 'id');
		if (id !== undefined && !isUuid(id)) {
			throw validationFailed('id must be a UUID');
		}
		if (id !== undefined && (await findUserById(q, id))) throw emailExists();
		const created = await createUser(q, {
			id,
			email,
			password: password ?? null,
			userMetadata: obj(body, 'user_metadata'),
			appMetadata: obj(body, 'app_metadata'),
			confirmed: body.email_confirm === true,
			role: str(body, 'role'),
			bcryptCost: ctx.settings.bcryptCost
		});
		await applyBan(q, created.id, body.ban_duration);
		return requireUserById(q, created.id);
	});
	return ctx.json(200, userJson(user));
}

/** GET /admin/users?page=&per_page=: `{ users, aud }` with X-Total-Count and Link headers. */
export async function adminListUsers(ctx: Ctx): Promise<Response> {
	ctx.requireAdmin();
	const page = Math.max(1, Number.parseInt(ctx.url.searchParams.get('page') ?? '', 10) || 1);
	const perPage = Math.max(
		1,
		Number.parseInt(ctx.url.searchParams.get('per_page') ?? '', 10) || 50
	);
	const { users, total } = await ctx.tx(async (q) => {
		const count = await q('select count(*)::int as n from auth.users');
		const ids = await q(
			'select id from auth.users order by created_at desc, id limit $1 offset $2',
			[perPage, (page - 1) * perPage]
		);
		const rows: UserRow[] = [];
		for (const row of ids.rows) rows.push(await requireUserById(q, String(row.id)));
		return { users: rows, total: Number(count.rows[0]?.n ?? 0) };
	});
	const totalPages = Math.ceil(total / perPage);
	const link = (p: number): string => {
		const params = new URLSearchParams({ page: String(p), per_page: String(perPage) });
		return `<${ctx.apiBase}/admin/users?${params.toString()}>`;
	};
	const links: string[] = [];
	if (page < totalPages) links.push(`${link(page + 1)}; rel="next"`);
	links.push(`${link(totalPages)}; rel="last"`);
	return ctx.json(
		200,
		{ users: users.map(userJson), aud: 'authenticated' },
		{ 'X-Total-Count': String(total), Link: links.join(', ') }
	);
}

/** GET /admin/users/:id. */
export async function adminGetUser(ctx: Ctx, id: string): Promise<Response> {
	ctx.requireAdmin();
	const user = await ctx.tx((q) => requireUserById(q, id));
	return ctx.json(200, userJson(user));
}

/** PUT /admin/users/:id: email, password, email_confirm, metadata (merged), role, ban. */
export async function adminUpdateUser(ctx: Ctx, id: string): Promise<Response> {
	ctx.requireAdmin();
	const body = await ctx.body();
	const password = str(body, 'password');
	if (password !== undefined) ctx.checkPassword(password);
	const email =
		body.email === undefined ? null : requireEmail(body.email, 'An email address is required');
	const user = await ctx.tx(async (q) => {
		const user = await requireUserById(q, id);
		if (email !== null && email !== user.email) {
			const taken = await findUserByEmail(q, email);
			if (taken && taken.id !== user.id) throw emailExists();
			await changeEmail(q, user.id, email);
		}
		if (password !== undefined) await setPassword(q, user.id, password, ctx.settings.bcryptCost);
		if (body.email_confirm === true) await confirmEmail(q, user.id);
		if (body.user_metadata !== undefined) {
			await q('update auth.users set raw_user_meta_data = $2::jsonb where id = $1', [
				user.id,
				JSON.stringify(mergeMetadata(user.raw_user_meta_data, obj(body, 'user_metadata')))
			]);
		}
		if (body.app_metadata !== undefined) {
			await q('update auth.users set raw_app_meta_data = $2::jsonb where id = $1', [
				user.id,
				JSON.stringify(mergeMetadata(user.raw_app_meta_data, obj(body, 'app_metadata')))
			]);
		}
		const role = str(body, 'role');
		if (role !== undefined)
			await q('update auth.users set role = $2 where id = $1', [user.id, role]);
		await applyBan(q, user.id, body.ban_duration);
		await q('update auth.users set updated_at = now() where id = $1', [user.id]);
		return requireUserById(q, user.id);
	});
	return ctx.json(200, userJson(user));
}

/**
 * DELETE /admin/users/:id: removes the user (sessions, identities and tokens cascade), or with
 * `should_soft_delete` keeps an anonymised row with `deleted_at` set, as GoTrue does.
 */
export async function adminDeleteUser(ctx: Ctx, id: string): Promise<Response> {
	ctx.requireAdmin();
	const body = await ctx.body();
	await ctx.tx(async (q) => {
		const user = await requireUserById(q, id);
		if (body.should_soft_delete === true) {
			await q('delete from auth.sessions where user_id = $1', [user.id]);
			await q('delete from auth.identities where user_id = $1', [user.id]);
			await q(
				`update auth.users set deleted_at = now(), updated_at = now(),
					email = case when email is null then null
						else encode(extensions.digest(email || id::text, 'sha256'), 'hex') || '@deleted.invalid' end,
					phone = null, encrypted_password = '', confirmation_token = '', recovery_token = '',
					email_change_token_new = '', email_change = '', raw_app_meta_data = '{}'::jsonb,
					raw_user_meta_data = '{}'::jsonb
				 where id = $1`,
				[user.id]
			);
		} else {
			await q('delete from auth.users where id = $1', [user.id]);
		}
	});
	return ctx.json(200, {});
}

const LINK_TYPES: Record<string, EmailOtpKind> = {
	signup: 'signup',
	invite: 'invite',
	magiclink: 'magiclink',
	recovery: 'recovery',
	email_change_new: 'email_change',
	email_change_current: 'email_change'
};

/**
 * POST /admin/generate_link: creates the one-time token a mail would carry and returns it with
 * the user instead of mailing it (`action_link`, `email_otp`, `hashed_token`, `redirect_to`,
 * `verification_type`).
 */
export async function adminGenerateLink(ctx: Ctx): Promise<Response> {
	ctx.requireAdmin();
	const body = await ctx.body();
	const type = str(body, 'type') ?? '';
	const kind = LINK_TYPES[type];
	if (!kind) throw validationFailed('Invalid email action link type requested');
	const email = requireEmail(body.email, 'Unable to validate email address: invalid format');
	const password = str(body, 'password');
	const newEmail =
		kind === 'email_change'
			? requireEmail(body.new_email, 'The new email address is required')
			: null;
	const target = ctx.redirectParam(body);
	const result = await ctx.tx(async (q) => {
		let user = await findUserByEmail(q, email);
		if (kind === 'signup' || kind === 'invite') {
			if (user?.email_confirmed_at) throw emailExists();
			if (kind === 'signup' && !user) {
				if (password === undefined || password === '') {
					throw validationFailed('Signup requires a valid password');
				}
				ctx.checkPassword(password);
			}
			user ??= await createUser(q, {
				email,
				password: kind === 'signup' ? (password ?? null) : null,
				userMetadata: obj(body, 'data'),
				confirmed: false,
				invited: kind === 'invite',
				bcryptCost: ctx.settings.bcryptCost
			});
		}
		if (!user) throw userNotFound();
		if (newEmail !== null) {
			const taken = await findUserByEmail(q, newEmail);
			if (taken && taken.id !== user.id) throw emailExists();
		}
		const issued = await issueOtp(q, { user, kind, email: newEmail ?? email, pkce: false });
		const actionLink =
			`${ctx.apiBase}/verify?token=${encodeURIComponent(issued.linkToken)}` +
			`&type=${kind}&redirect_to=${encodeURIComponent(target)}`;
		return {
			...userJson(await requireUserById(q, user.id)),
			action_link: actionLink,
			email_otp: issued.otp,
			hashed_token: issued.tokenHash,
			redirect_to: target,
			verification_type: kind
		};
	});
	return ctx.json(200, result);
}

/** POST /invite: creates (or re-invites) a user and mails an invite link and code. */
export async function invite(ctx: Ctx): Promise<Response> {
	ctx.requireAdmin();
	const body = await ctx.body();
	const email = requireEmail(body.email, 'An email address is required');
	const target = ctx.redirectParam(body);
	const user = await ctx.tx(async (q) => {
		let user = await findUserByEmail(q, email);
		if (user?.email_confirmed_at) throw emailExists();
		user ??= await createUser(q, {
			email,
			password: null,
			userMetadata: obj(body, 'data'),
			confirmed: false,
			invited: true,
			bcryptCost: ctx.settings.bcryptCost
		});
		await q('update auth.users set invited_at = now() where id = $1', [user.id]);
		const issued = await issueOtp(q, { user, kind: 'invite', email, pkce: false });
		await mailOtp(q, {
			to: email,
			kind: 'invite',
			issued,
			apiBase: ctx.apiBase,
			redirectTo: target,
			user,
			siteUrl: ctx.settings.siteUrl,
			templates: ctx.deps.mailTemplates ?? {}
		});
		return requireUserById(q, user.id);
	});
	return ctx.json(200, userJson(user));
}
