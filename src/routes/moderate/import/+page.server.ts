import { brusselsToday } from '#lib/domain/schedule/brussels-time.ts';
import { fail, redirect } from '@sveltejs/kit';
import { quartierAt } from '#lib/domain/geo/quartier.ts';
import { dryRun, readImportFile } from '#lib/domain/import/index.ts';
import { localizeHref } from '#lib/i18n/href.ts';
import * as geography from '#lib/server/db/geography.ts';
import * as imports from '#lib/server/db/imports.ts';
import * as taxonomy from '#lib/server/db/taxonomy.ts';
import { requireRole } from '#lib/server/guards.ts';
import { fileIssueMessage } from './labels.ts';
import { parseSource, sourceValues, type SourceValues } from './source.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireRole(event, ['moderator']);
	return {
		recent: await imports.listRecent(event.locals.supabase),
		today: brusselsToday()
	};
};

const empty: SourceValues = {
	source_name: '',
	source_url: '',
	licence: '',
	attribution: '',
	retrieved_on: ''
};

export const actions: Actions = {
	dryrun: async (event) => {
		await requireRole(event, ['moderator']);
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch (failure) {
			// A body over the server's limit (BODY_SIZE_LIMIT) is refused before we can read it.
			if (failure instanceof Error && 'status' in failure && failure.status === 413)
				return fail(413, { values: empty, errors: { file: fileIssueMessage('too_large') } });
			throw failure;
		}
		const values = sourceValues(form);
		const source = parseSource(values);
		const file = form.get('file');
		const errors: { file?: string; source?: string } = {};
		if (!source) errors.source = fileIssueMessage('source');
		if (!(file instanceof File) || file.size === 0) errors.file = fileIssueMessage('missing');
		if (errors.file || !source || !(file instanceof File)) return fail(400, { values, errors });

		const read = readImportFile(new Uint8Array(await file.arrayBuffer()));
		if (!read.ok)
			return fail(400, { values, errors: { file: fileIssueMessage(read.issue, read.columns) } });
		const supabase = event.locals.supabase;
		const [terms, quartiers, existing] = await Promise.all([
			taxonomy.load(supabase),
			geography.quartierCollection(supabase),
			imports.existingEntries(supabase, source.name)
		]);
		const codes = (list: { code: string }[]) => new Set(list.map((t) => t.code));
		const { outcomes, entries } = dryRun(
			read.records,
			{
				categories: codes(terms.categories),
				supportKinds: codes(terms.supportKinds),
				targetGroups: codes(terms.targetGroups),
				quartierAt: (point) => quartierAt(point, quartiers)
			},
			existing
		);
		const id = await imports.createJob(supabase, {
			source,
			format: read.format,
			entries,
			report: outcomes
		});
		redirect(303, localizeHref(`/moderate/import/${id}`));
	}
};
