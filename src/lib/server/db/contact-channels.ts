// Contact channels: phone, e-mail, website, WhatsApp or a relay, each public or not.
import { z } from 'zod';
import type { Db } from './client.ts';
import { orThrow } from './errors.ts';

// The kinds the schema's check constraint allows (the column is text).
const channelKind = z.enum(['phone', 'email', 'website', 'whatsapp', 'relay']);

export type ChannelInput = {
	kind: z.infer<typeof channelKind>;
	value: string;
	public: boolean;
};

export type ContactChannel = ChannelInput & {
	id: string;
	organization_id: string;
	sort_order: number;
};

/** Adds channels to an organization, in the given order. */
export async function createMany(
	supabase: Db,
	organizationId: string,
	channels: ChannelInput[]
): Promise<void> {
	if (channels.length === 0) return;
	const rows = channels.map((c, i) => ({ ...c, organization_id: organizationId, sort_order: i }));
	orThrow(await supabase.from('contact_channels').insert(rows));
}

/** The channels of an organization the caller may read. */
export async function listForOrganization(
	supabase: Db,
	organizationId: string
): Promise<ContactChannel[]> {
	const rows =
		orThrow(
			await supabase
				.from('contact_channels')
				.select('id, organization_id, kind, value, public, sort_order')
				.eq('organization_id', organizationId)
				.order('sort_order')
		) ?? [];
	return rows.map((row) => ({ ...row, kind: channelKind.parse(row.kind) }));
}

/** Replaces all channels of an organization. */
export async function replaceAll(
	supabase: Db,
	organizationId: string,
	channels: ChannelInput[]
): Promise<void> {
	orThrow(await supabase.from('contact_channels').delete().eq('organization_id', organizationId));
	await createMany(supabase, organizationId, channels);
}
