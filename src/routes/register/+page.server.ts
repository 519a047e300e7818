import { fail, redirect } from '@sveltejs/kit';
import {
	STEPS,
	decodeDraft,
	encodeDraft,
	fieldErrors,
	languageOptions,
	nextStep,
	previousStep,
	readFields,
	readStep,
	registrationSchema,
	stepSchemas,
	type Step
} from '#lib/domain/registration/index.ts';
import { getLocale } from '#lib/paraglide/runtime.js';
import { localizeHref } from '#lib/i18n/href.ts';
import { DataError } from '#lib/server/db/errors.ts';
import * as locations from '#lib/server/db/locations.ts';
import * as organizations from '#lib/server/db/organizations.ts';
import * as profiles from '#lib/server/db/profiles.ts';
import * as services from '#lib/server/db/services.ts';
import { requireRole } from '#lib/server/guards.ts';
import { limits } from '#lib/server/rate-limit.ts';
import { unknownCodes, type KnownCodes } from './codes.ts';
import { locateAddress } from './locate.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await requireRole(event);
	const supabase = event.locals.supabase;
	const [categories, taxonomy, quartiers] = await Promise.all([
		organizations.listCategories(supabase),
		services.listTaxonomy(supabase),
		locations.listQuartiers(supabase)
	]);
	return { categories, taxonomy, quartiers, languages: languageOptions(getLocale()) };
};

async function knownCodes(supabase: App.Locals['supabase']): Promise<KnownCodes> {
	const [categories, taxonomy, quartiers] = await Promise.all([
		organizations.listCategories(supabase),
		services.listTaxonomy(supabase),
		locations.listQuartiers(supabase)
	]);
	return {
		categories: new Set(categories.map((c) => c.code)),
		supportKinds: new Set(taxonomy.supportKinds.map((k) => k.code)),
		targetGroups: new Set(taxonomy.targetGroups.map((g) => g.code)),
		quartiers: new Set(quartiers.map((q) => q.mdrc))
	};
}

function currentStep(form: FormData): Step {
	const step = form.get('step');
	return STEPS.find((s) => s === step) ?? 'who';
}

export const actions: Actions = {
	step: async (event) => {
		await requireRole(event);
		const form = await event.request.formData();
		const step = currentStep(form);
		const draft = decodeDraft(form.get('draft'));
		const values = readStep(step, form);
		// On an error the form shows every field as typed, empty contact rows included.
		const typed = readFields(step, form);
		if (String(form.get('homepage') ?? '') !== '') {
			return fail(400, {
				step,
				draft: encodeDraft(draft),
				values: typed,
				errors: { '': ['invalid'] }
			});
		}
		const parsed = stepSchemas[step].safeParse(values);
		if (form.get('intent') === 'back') {
			if (parsed.success) draft[step] = values;
			return { step: previousStep(step), draft: encodeDraft(draft), values: null, errors: {} };
		}
		if (!parsed.success) {
			return fail(400, {
				step,
				draft: encodeDraft(draft),
				values: typed,
				errors: fieldErrors(parsed.error)
			});
		}
		const unknown = unknownCodes(
			step,
			parsed.data as Record<string, unknown>,
			await knownCodes(event.locals.supabase)
		);
		if (Object.keys(unknown).length) {
			return fail(400, { step, draft: encodeDraft(draft), values: typed, errors: unknown });
		}
		draft[step] = values;
		return { step: nextStep(step), draft: encodeDraft(draft), values: null, errors: {} };
	},
	submit: async (event) => {
		const viewer = await requireRole(event);
		const form = await event.request.formData();
		const draft = decodeDraft(form.get('draft'));
		const values = readStep('review', form);
		const fields = { step: 'review' as Step, draft: encodeDraft(draft), values };
		if (String(form.get('homepage') ?? '') !== '') {
			return fail(400, { ...fields, errors: { '': ['invalid'] } });
		}
		const review = stepSchemas.review.safeParse(values);
		if (!review.success) return fail(400, { ...fields, errors: fieldErrors(review.error) });
		// Every step again: the draft came back from the browser.
		const parsed = registrationSchema.safeParse(draft);
		if (!parsed.success) {
			const first = parsed.error.issues[0]?.path[0];
			const step = STEPS.find((s) => s === first) ?? 'who';
			const stepResult = stepSchemas[step].safeParse(draft[step] ?? {});
			const errors = stepResult.success ? { '': ['invalid'] } : fieldErrors(stepResult.error);
			return fail(400, { step, draft: fields.draft, values: draft[step] ?? {}, errors });
		}
		if (
			!(await limits.allowAttempt('register', {
				ip: event.getClientAddress(),
				userId: viewer.user.id
			}))
		) {
			return fail(429, { ...fields, errors: { '': ['rate_limited'] } });
		}
		const supabase = event.locals.supabase;
		const known = await knownCodes(supabase);
		for (const step of ['who', 'offer', 'where'] as const) {
			const unknown = unknownCodes(step, parsed.data[step], known);
			if (Object.keys(unknown).length) {
				return fail(400, { step, draft: fields.draft, values: draft[step] ?? {}, errors: unknown });
			}
		}
		const quartier = (await locations.listQuartiers(supabase)).find(
			(q) => q.mdrc === parsed.data.where.mdrc
		);
		if (!quartier) return fail(400, { ...fields, errors: { '': ['invalid'] } });
		if (!viewer.roles.includes('org_editor') && !viewer.roles.includes('moderator')) {
			await profiles.becomeOrgEditor(supabase);
		}
		let id: string;
		try {
			const located =
				parsed.data.where.place_kind === 'address' && parsed.data.where.address
					? await locateAddress(supabase, parsed.data.where.address, getLocale())
					: null;
			id = await organizations.register(supabase, {
				registration: located
					? { ...parsed.data, where: { ...parsed.data.where, mdrc: located.mdrc } }
					: parsed.data,
				quartierPoint: located ?? { lon: quartier.point_lon, lat: quartier.point_lat }
			});
		} catch (failure) {
			// The database refused what the schemas let through: say so, keep the draft.
			if (failure instanceof DataError && failure.status < 500) {
				return fail(400, { ...fields, errors: { '': [failure.reason ?? 'invalid'] } });
			}
			throw failure;
		}
		// Moderators hear of it in the scheduled job's digest (src/lib/server/mail/liveness-job.ts).
		redirect(303, localizeHref(`/manage?registered=${id}`));
	}
};
