import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizeHref } from '#lib/i18n/href.ts';
import * as errorReports from '#lib/server/db/error-reports.ts';
import * as moderation from '#lib/server/db/moderation.ts';
import * as organizations from '#lib/server/db/organizations.ts';
import { requireRole } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireRole(event, ['moderator']);
	const supabase = event.locals.supabase;
	const [pending, dormant, changes, reports] = await Promise.all([
		organizations.listByStatus(supabase, ['pending']),
		organizations.listByStatus(supabase, ['dormant']),
		moderation.pendingChanges(supabase),
		moderation.openErrorReports(supabase)
	]);
	const ids = [...new Set([...changes, ...reports].map((row) => row.organization_id))];
	const names = Object.fromEntries(
		(await organizations.listByIds(supabase, ids)).map((o) => [o.id, o.name])
	);
	return {
		pending: pending.map(({ id, name, created_at }) => ({ id, name, created_at })),
		dormant: dormant.map(({ id, name, assured_date }) => ({ id, name, assured_date })),
		changes: changes.map((c) => ({ ...c, name: names[c.organization_id] ?? '' })),
		reports: reports.map((r) => ({ ...r, name: names[r.organization_id] ?? '' }))
	};
};

const reportSchema = z.object({
	id: z.uuid(),
	status: z.enum(['resolved', 'dismissed'])
});

export const actions: Actions = {
	report: async (event) => {
		await requireRole(event, ['moderator']);
		const form = await event.request.formData();
		const parsed = reportSchema.safeParse({ id: form.get('id'), status: form.get('status') });
		if (!parsed.success) return fail(400, { error: 'invalid' });
		await errorReports.close(event.locals.supabase, parsed.data.id, parsed.data.status);
		redirect(303, localizeHref('/moderate'));
	}
};
