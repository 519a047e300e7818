import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions } from './$types';
import { finderPathFromBack } from '#lib/domain/finder/back.ts';
import { errorReportSchema, isLikelyBot } from '#lib/domain/finder/report.ts';
import { m } from '#lib/paraglide/messages.js';
import { localizeHref } from '#lib/i18n/href.ts';
import * as errorReports from '#lib/server/db/error-reports.ts';
import { DataError } from '#lib/server/db/errors.ts';
import * as geography from '#lib/server/db/geography.ts';
import * as imports from '#lib/server/db/imports.ts';
import * as resources from '#lib/server/db/resources.ts';
import * as taxonomy from '#lib/server/db/taxonomy.ts';
import { limits } from '#lib/server/rate-limit.ts';

const idSchema = z.uuid();

async function entryOr404(locals: App.Locals, rawId: string) {
	const id = idSchema.safeParse(rawId);
	const entry = id.success ? await resources.get(locals.reader, id.data) : null;
	if (!entry) error(404, m.finder_detail_not_found());
	return entry;
}

export async function load({ params, locals, url }) {
	const entry = await entryOr404(locals, params.id);
	const [terms, quartiers, communes, source] = await Promise.all([
		taxonomy.load(locals.reader),
		geography.listQuartiers(locals.reader),
		geography.listCommunes(locals.reader),
		imports.sourceOf(locals.reader, entry.organization_id)
	]);
	const commune = communes.find((c) => c.nis === entry.nis) ?? null;
	return {
		entry,
		source,
		taxonomy: terms,
		commune,
		serviceArea: quartiers.filter(
			(q) => entry.service_area_mdrc.includes(q.mdrc) && q.mdrc !== entry.mdrc
		),
		reported: url.searchParams.get('reported') === '1',
		backPath: finderPathFromBack(url.searchParams.get('back'))
	};
}

export const actions = {
	report: async ({ params, locals, request, getClientAddress }) => {
		const entry = await entryOr404(locals, params.id);
		const values = Object.fromEntries(
			[...(await request.formData())].map(([k, v]) => [k, typeof v === 'string' ? v : ''])
		);
		const parsed = errorReportSchema.safeParse(values);
		if (!parsed.success) {
			const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
			return fail(400, {
				values: { kind: values.kind ?? '', message: values.message ?? '' },
				errors: {
					...(fields.has('kind') ? { kind: m.finder_report_error_kind() } : {}),
					...(fields.has('message') ? { message: m.finder_report_error_message() } : {})
				}
			});
		}
		const tooMany = () =>
			fail(429, {
				values: { kind: parsed.data.kind, message: parsed.data.message ?? '' },
				errors: { limit: m.finder_report_error_too_many() }
			});
		// Per address here; per entry and source in the database, whichever client calls it.
		if (!(await limits.allowAttempt('error_report', { ip: getClientAddress() }))) return tooMany();
		if (!isLikelyBot(parsed.data)) {
			try {
				await errorReports.create(locals.supabase, {
					organization_id: entry.organization_id,
					service_id: entry.service_id,
					location_id: entry.location_id,
					kind: parsed.data.kind,
					message: parsed.data.message
				});
			} catch (failure) {
				if (!(failure instanceof DataError && failure.kind === 'too_many')) throw failure;
				return tooMany();
			}
		}
		redirect(303, localizeHref(`/resources/${entry.id}?reported=1#report`));
	}
} satisfies Actions;
