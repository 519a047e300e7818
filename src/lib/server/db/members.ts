// Organization members: who may edit an organization's entries.
import type { Db } from './client.ts';
import { orThrow } from './errors.ts';

export type Membership = {
	organization_id: string;
	user_id: string;
	member_role: 'editor' | 'owner';
};

/** The memberships of a user (RLS shows a user their own). */
export async function listForUser(supabase: Db, userId: string): Promise<Membership[]> {
	return (
		orThrow(
			await supabase
				.from('organization_members')
				.select('organization_id, user_id, member_role')
				.eq('user_id', userId)
				.returns<Membership[]>()
		) ?? []
	);
}

/** Organization ids the user belongs to, with the role they have there. */
export async function organizationIdsOf(
	supabase: Db,
	userId: string
): Promise<Map<string, Membership['member_role']>> {
	const rows = await listForUser(supabase, userId);
	return new Map(rows.map((row) => [row.organization_id, row.member_role]));
}

/** Records an invitation to co-edit (owners only) and returns the secret nonce for the link. */
export async function invite(
	supabase: Db,
	input: { organization_id: string; email: string }
): Promise<string> {
	const nonce = orThrow(
		await supabase.rpc('create_editor_invite', {
			p_organization_id: input.organization_id,
			p_email: input.email
		})
	) as unknown;
	if (typeof nonce !== 'string') throw new Error('no invitation nonce returned');
	return nonce;
}

/** Accepts an invitation as the signed-in user; returns the organization id. */
export async function acceptInvite(supabase: Db, nonce: string): Promise<string> {
	return String(orThrow(await supabase.rpc('accept_editor_invite', { p_nonce: nonce })));
}
