// Organization members: who may edit an organization's entries.
import { z } from 'zod';
import type { Db } from './client.ts';
import { orThrow } from './errors.ts';

const memberRole = z.enum(['editor', 'owner']);

export type Membership = {
	organization_id: string;
	user_id: string;
	member_role: z.infer<typeof memberRole>;
};

/** The memberships of a user (RLS shows a user their own). */
export async function listForUser(supabase: Db, userId: string): Promise<Membership[]> {
	const rows =
		orThrow(
			await supabase
				.from('organization_members')
				.select('organization_id, user_id, member_role')
				.eq('user_id', userId)
		) ?? [];
	return rows.map((row) => ({ ...row, member_role: memberRole.parse(row.member_role) }));
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
	);
	if (!nonce) throw new Error('no invitation nonce returned');
	return nonce;
}

/** Accepts an invitation as the signed-in user; returns the organization id. */
export async function acceptInvite(supabase: Db, nonce: string): Promise<string> {
	const organizationId = orThrow(await supabase.rpc('accept_editor_invite', { p_nonce: nonce }));
	if (!organizationId) throw new Error('no organization returned');
	return organizationId;
}
