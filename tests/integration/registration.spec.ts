// Registration, moderation and freshness against the local gateway, through supabase-js as each
// user (RLS applies) and the app's data modules; the service key is used only to set up roles.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as members from '../../src/lib/server/db/members.ts';
import * as moderation from '../../src/lib/server/db/moderation.ts';
import * as organizations from '../../src/lib/server/db/organizations.ts';
import * as profiles from '../../src/lib/server/db/profiles.ts';
import { registrationSchema } from '../../src/lib/domain/registration/schema.ts';
import { brusselsToday } from '../../src/lib/domain/schedule/brussels-time.ts';
import { startGateway, type Gateway } from '@nabij/supabase-local';
import { seed } from '../../supabase/seed/run.ts';
import { listMail } from '@nabij/supabase-local/mailbox';
import { LocalMailboxMailer } from '../../src/lib/server/mail/local.ts';
import { runLivenessJob } from '../../src/lib/server/mail/liveness-job.ts';
import { verifySignedToken } from '../../src/lib/server/signed-links.ts';
import { locateAddress } from '../../src/routes/register/locate.ts';

let gw: Gateway;
let admin: SupabaseClient;
let counter = 0;

function client(): SupabaseClient {
	return createClient(gw.url, gw.anonKey, {
		auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false }
	});
}

/** A new confirmed user, signed in, with the given platform roles. */
async function user(
	roles: string[] = []
): Promise<{ supabase: SupabaseClient; id: string; email: string }> {
	counter += 1;
	const email = `reg-${counter}@example.test`;
	const supabase = client();
	const { data, error } = await supabase.auth.signUp({ email, password: 'long enough password' });
	if (error || !data.user) throw error ?? new Error('no user');
	if (roles.length) {
		const { error: roleError } = await admin
			.from('profiles')
			.update({ roles })
			.eq('id', data.user.id);
		if (roleError) throw roleError;
	}
	return { supabase, id: data.user.id, email };
}

const registration = registrationSchema.parse({
	who: {
		name: 'Amicale des voisines 🌻',
		category: 'self_organisation',
		description_fr: 'Nous nous retrouvons pour parler et cuisiner ensemble.'
	},
	offer: {
		support_kinds: ['social_contact'],
		target_groups: [],
		languages: ['ar', 'fr'],
		cost: 'free',
		accepting_new: 'open'
	},
	when: { schedule_kind: 'hours', slots: [{ day: '2', from: '14:00', to: '17:00' }] },
	where: { place_kind: 'partner', mdrc: 1, partner_venue_name: 'Maison de quartier' },
	contact: { channels: [{ kind: 'phone', value: '0470 12 34 56', public: false }] }
});

beforeAll(async () => {
	// Users sign up with a password and get a session at once, without a confirmation mail.
	gw = await startGateway({ dataDir: null, port: 0, migrate: true, autoConfirm: true });
	await seed({ url: gw.url, serviceRoleKey: gw.serviceRoleKey, demo: 0, osm: false });
	admin = createClient(gw.url, gw.serviceRoleKey, {
		auth: { persistSession: false, autoRefreshToken: false }
	});
});

afterAll(async () => {
	await gw?.stop();
});

async function quartierPoint(supabase: SupabaseClient, mdrc: number) {
	const { data } = await supabase
		.from('quartiers')
		.select('point_lon, point_lat')
		.eq('mdrc', mdrc)
		.single();
	return { lon: Number(data?.point_lon), lat: Number(data?.point_lat) };
}

describe('self-registration', () => {
	it('a new user becomes org editor, registers a pending entry and owns it', async () => {
		const editor = await user();
		await profiles.becomeOrgEditor(editor.supabase);
		await profiles.becomeOrgEditor(editor.supabase);
		expect((await profiles.get(editor.supabase, editor.id))?.roles).toEqual(['org_editor']);

		const id = await organizations.register(editor.supabase, {
			registration,
			quartierPoint: await quartierPoint(editor.supabase, 1)
		});
		const org = await organizations.get(editor.supabase, id);
		expect(org).toMatchObject({ status: 'pending', trust_tier: 'self_declared' });
		expect((await members.organizationIdsOf(editor.supabase, editor.id)).get(id)).toBe('owner');
		// Not public while pending.
		const { data: anonymous } = await client()
			.from('resource_index')
			.select('id')
			.eq('organization_id', id);
		expect(anonymous).toEqual([]);
	});

	it('a moderator publishes and vouches, and the entry appears in resource_index at quartier level', async () => {
		const editor = await user(['org_editor']);
		const id = await organizations.register(editor.supabase, {
			registration,
			quartierPoint: { lon: 4.4, lat: 50.8 }
		});
		const moderator = await user(['moderator']);
		const centre = await organizations.register(moderator.supabase, {
			registration: { ...registration, who: { ...registration.who, name: 'Centre de services' } },
			quartierPoint: await quartierPoint(moderator.supabase, 1)
		});
		// The moderator registered the centre, so another moderator publishes it.
		const colleague = await user(['moderator']);
		await expect(organizations.setStatus(moderator.supabase, centre, 'active')).rejects.toThrow();
		await organizations.setStatus(colleague.supabase, centre, 'active');
		await organizations.setStatus(moderator.supabase, id, 'active');
		await organizations.vouch(moderator.supabase, id, centre);
		const contacts = await moderation.editorContacts(moderator.supabase, id);
		expect(contacts).toEqual([{ email: editor.email, email_language: 'fr', display_name: null }]);

		const { data } = await client()
			.from('resource_index')
			.select(
				'organization_name, location_precision, address, partner_venue_name, vouched_by_organization_name, trust_tier, contacts, mdrc'
			)
			.eq('organization_id', id);
		expect(data).toEqual([
			{
				organization_name: 'Amicale des voisines 🌻',
				location_precision: 'quartier',
				address: null,
				partner_venue_name: 'Maison de quartier',
				vouched_by_organization_name: 'Centre de services',
				trust_tier: 'vouched',
				contacts: [],
				mdrc: 1
			}
		]);
		const history = await moderation.history(moderator.supabase, id);
		expect(history.map((h) => h.action)).toEqual(['trust_changed', 'status_changed', 'created']);
	});

	it('a registration the database refuses leaves nothing behind', async () => {
		const editor = await user(['org_editor']);
		const name = 'Half-written group';
		await expect(
			organizations.register(editor.supabase, {
				registration: {
					...registration,
					who: { ...registration.who, name },
					// Past the form's checks, the database still refuses it: the last step fails.
					contact: { channels: [{ kind: 'email', value: 'not an address', public: true }] }
				},
				quartierPoint: { lon: 4.4, lat: 50.8 }
			})
		).rejects.toMatchObject({ kind: 'invalid' });
		const { data } = await admin.from('organizations').select('id').eq('name', name);
		expect(data).toEqual([]);
		const { data: services } = await admin.from('services').select('id').eq('name', name);
		expect(services).toEqual([]);
	});

	it("an editor cannot change another organization, and an editor cannot read editors' addresses", async () => {
		const first = await user(['org_editor']);
		const id = await organizations.register(first.supabase, {
			registration,
			quartierPoint: { lon: 4.4, lat: 50.8 }
		});
		const second = await user(['org_editor']);
		const { data } = await second.supabase
			.from('organizations')
			.update({ name: 'Hijacked' })
			.eq('id', id)
			.select('id');
		expect(data).toEqual([]);
		await expect(moderation.editorContacts(second.supabase, id)).rejects.toMatchObject({
			kind: 'forbidden'
		});
		expect((await organizations.get(first.supabase, id))?.name).toBe('Amicale des voisines 🌻');
	});

	it('deleting an account removes the entries only that user maintains', async () => {
		const editor = await user(['org_editor']);
		const id = await organizations.register(editor.supabase, {
			registration,
			quartierPoint: { lon: 4.4, lat: 50.8 }
		});
		expect(await profiles.deleteOwnAccount(editor.supabase)).toBe(1);
		const { data } = await admin.from('organizations').select('id').eq('id', id);
		expect(data).toEqual([]);
	});
});

describe('freshness', () => {
	it('the job needs its token, mails editors, and a link confirms without signing in', async () => {
		const editor = await user(['org_editor']);
		const moderator = await user(['moderator']);
		const id = await organizations.register(editor.supabase, {
			registration,
			quartierPoint: { lon: 4.4, lat: 50.8 }
		});
		await organizations.setStatus(moderator.supabase, id, 'active');
		await admin.from('organizations').update({ assured_date: '2020-01-01' }).eq('id', id);

		const refused = await client().rpc('liveness_collect', {
			p_job_token: 'wrong',
			p_confirm_after_days: 180,
			p_link_valid_days: 21
		});
		expect(refused.error?.code).toBe('42501');

		const { data, error } = await client().rpc('liveness_collect', {
			p_job_token: 'nabij-local-jobs-token',
			p_confirm_after_days: 180,
			p_link_valid_days: 21
		});
		expect(error).toBeNull();
		const rows = (data as { organization_id: string; email: string; nonce: string }[]).filter(
			(r) => r.organization_id === id
		);
		expect(rows.map((r) => r.email)).toEqual([editor.email]);
		const nonce = rows[0]?.nonce ?? '';

		const check = await client().rpc('liveness_check', { p_nonce: nonce });
		expect(check.data).toMatchObject([{ organization_id: id, status: 'active' }]);
		const answer = await client().rpc('liveness_answer', {
			p_nonce: nonce,
			p_answer: 'active',
			p_paused_until: null
		});
		expect(answer.data).toBe('active');
		// The database dates answers in Brussels, also in the hour its date is ahead of UTC's.
		const today = brusselsToday();
		expect((await organizations.get(editor.supabase, id))?.assured_date).toBe(today);

		// A link answers once.
		const again = await client().rpc('liveness_answer', {
			p_nonce: nonce,
			p_answer: 'stopped',
			p_paused_until: null
		});
		expect(again.error?.hint).toBe('already_answered');
		expect((await organizations.get(editor.supabase, id))?.status).toBe('active');

		const bad = await client().rpc('liveness_answer', {
			p_nonce: 'x'.repeat(64),
			p_answer: 'active',
			p_paused_until: null
		});
		expect(bad.error).not.toBeNull();
	});

	it('entries not confirmed for the second period turn dormant', async () => {
		const editor = await user(['org_editor']);
		const moderator = await user(['moderator']);
		const id = await organizations.register(editor.supabase, {
			registration,
			quartierPoint: { lon: 4.4, lat: 50.8 }
		});
		await organizations.setStatus(moderator.supabase, id, 'active');
		await admin.from('organizations').update({ assured_date: '2020-01-01' }).eq('id', id);
		const { data, error } = await client().rpc('liveness_mark_dormant', {
			p_job_token: 'nabij-local-jobs-token',
			p_dormant_after_days: 240
		});
		expect(error).toBeNull();
		expect(data).toBeGreaterThanOrEqual(1);
		expect((await organizations.get(editor.supabase, id))?.status).toBe('dormant');
	});
});

describe('co-editors', () => {
	it('an owner invites by e-mail; only that address can accept, once', async () => {
		const owner = await user(['org_editor']);
		const id = await organizations.register(owner.supabase, {
			registration,
			quartierPoint: { lon: 4.4, lat: 50.8 }
		});
		const invited = await user();
		const stranger = await user(['org_editor']);
		await expect(
			members.invite(stranger.supabase, { organization_id: id, email: invited.email })
		).rejects.toMatchObject({ kind: 'forbidden' });
		const nonce = await members.invite(owner.supabase, {
			organization_id: id,
			email: invited.email.toUpperCase()
		});
		await expect(members.acceptInvite(stranger.supabase, nonce)).rejects.toMatchObject({
			kind: 'forbidden'
		});
		expect(await members.acceptInvite(invited.supabase, nonce)).toBe(id);
		expect((await members.organizationIdsOf(invited.supabase, invited.id)).get(id)).toBe('editor');
		expect((await profiles.get(invited.supabase, invited.id))?.roles).toEqual(['org_editor']);
		await expect(members.acceptInvite(invited.supabase, nonce)).rejects.toBeDefined();
	});

	it('a moderator asking for changes records it in the history', async () => {
		const editor = await user(['org_editor']);
		const moderator = await user(['moderator']);
		const id = await organizations.register(editor.supabase, {
			registration,
			quartierPoint: { lon: 4.4, lat: 50.8 }
		});
		await moderation.requestChange(moderator.supabase, {
			organization_id: id,
			requested_by: moderator.id,
			changes: {},
			note: 'Pouvez-vous préciser le lieu ?'
		});
		await moderation.addHistory(moderator.supabase, {
			organization_id: id,
			actor_id: moderator.id,
			action: 'change_requested',
			note: 'Pouvez-vous préciser le lieu ?'
		});
		const history = await moderation.history(editor.supabase, id);
		expect(history[0]).toMatchObject({ action: 'change_requested', actor_id: moderator.id });
		expect((await moderation.pendingChanges(editor.supabase, id)).map((c) => c.note)).toEqual([
			'Pouvez-vous préciser le lieu ?'
		]);
	});
});

describe('liveness job', () => {
	it('mails each editor a signed link through the local mailbox and reports what it did', async () => {
		const editor = await user(['org_editor']);
		const moderator = await user(['moderator']);
		await profiles.update(editor.supabase, editor.id, {
			display_name: 'Noor',
			email_language: 'nl'
		});
		const id = await organizations.register(editor.supabase, {
			registration: { ...registration, who: { ...registration.who, name: 'Buurtgroep Oost' } },
			quartierPoint: { lon: 4.4, lat: 50.8 }
		});
		await organizations.setStatus(moderator.supabase, id, 'active');
		await admin.from('organizations').update({ assured_date: '2024-01-01' }).eq('id', id);

		const anon = client();
		const settings = {
			jobToken: 'nabij-local-jobs-token',
			linkSecret: 'a-link-secret-for-the-integration-test',
			confirmAfterDays: 180,
			dormantAfterDays: 3000,
			linkValidDays: 21,
			reportRetentionDays: 90,
			moderationEmail: 'moderators@example.test',
			origin: 'http://127.0.0.1:5173'
		};
		const report = await runLivenessJob(anon, new LocalMailboxMailer(anon), settings);
		expect(report.mailsFailed).toBe(0);
		expect(report.mailsSent).toBeGreaterThanOrEqual(1);

		const [mail] = await listMail(gw.executor, { to: editor.email });
		expect(mail?.subject).toBe('Is Buurtgroep Oost nog actief?');
		const link = new URL(/http:\/\/\S+/.exec(mail?.text ?? '')?.[0] ?? 'http://x');
		expect(link.pathname).toBe('/nl/liveness');
		const checked = verifySignedToken<{ n: string }>({
			secret: settings.linkSecret,
			purpose: 'liveness',
			token: link.searchParams.get('token') ?? ''
		});
		expect(checked.ok).toBe(true);
		// A second run does not ask again while the first question is open.
		const again = await runLivenessJob(anon, new LocalMailboxMailer(anon), settings);
		expect((await listMail(gw.executor, { to: editor.email })).length).toBe(1);
		expect(again.mailsFailed).toBe(0);
	});

	it('sends the moderators one digest of new submissions, each announced once', async () => {
		const editor = await user(['org_editor']);
		await organizations.register(editor.supabase, {
			registration: { ...registration, who: { ...registration.who, name: 'Tricot solidaire' } },
			quartierPoint: { lon: 4.35, lat: 50.85 }
		});
		const anon = client();
		const settings = {
			jobToken: 'nabij-local-jobs-token',
			linkSecret: 'a-link-secret-for-the-integration-test',
			confirmAfterDays: 3000,
			dormantAfterDays: 3000,
			linkValidDays: 21,
			reportRetentionDays: 90,
			moderationEmail: 'digest@example.test',
			origin: 'http://127.0.0.1:5173'
		};
		const first = await runLivenessJob(anon, new LocalMailboxMailer(anon), settings);
		expect(first.digestEntries).toBeGreaterThanOrEqual(1);
		const digests = await listMail(gw.executor, { to: 'digest@example.test' });
		expect(digests).toHaveLength(1);
		expect(digests[0]?.text).toContain('Tricot solidaire');
		expect(digests[0]?.text).toContain('/fr/moderate');

		const second = await runLivenessJob(anon, new LocalMailboxMailer(anon), settings);
		expect(second.digestEntries).toBe(0);
		expect(await listMail(gw.executor, { to: 'digest@example.test' })).toHaveLength(1);

		const refused = await anon.rpc('moderation_digest', { p_job_token: 'not the token' });
		expect(refused.error?.code).toBe('42501');
	});
});

describe('street addresses', () => {
	it('a public venue address gets its street position and the quartier containing it', async () => {
		const place = await locateAddress(client(), 'Rue Haute', 'fr');
		expect(place).not.toBeNull();
		expect(place?.lon).toBeGreaterThan(4.24);
		expect(place?.lat).toBeGreaterThan(50.76);
		const { data } = await client()
			.from('quartiers')
			.select('mdrc')
			.eq('mdrc', place?.mdrc ?? -1);
		expect(data).toHaveLength(1);
		expect(await locateAddress(client(), 'Qqqzzz Xxyyww', 'fr')).toBeNull();
	});
});
