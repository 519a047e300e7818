import { brusselsToday } from '#lib/domain/schedule/brussels-time.ts';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { pauseSchema } from '#lib/domain/registration/index.ts';
import { errorText } from '#lib/forms/errors.ts';
import { readLivenessLink } from './check.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const token = url.searchParams.get('token');
	const link = await readLivenessLink(locals.supabase, token);
	return { link: link.state === 'ok' ? { ...link, nonce: undefined } : link, token: token ?? '' };
};

const answerSchema = z.enum(['active', 'paused', 'stopped']);

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const token = String(form.get('token') ?? '');
		const link = await readLivenessLink(locals.supabase, token);
		if (link.state !== 'ok') return fail(400, { answered: null, error: link.state });
		// A link answers once (the database refuses a second answer too).
		if (link.answer) return fail(400, { answered: null, error: 'answered' });
		const answer = answerSchema.safeParse(form.get('answer'));
		if (!answer.success) return fail(400, { answered: null, error: 'invalid' });
		let pausedUntil: string | null = null;
		if (answer.data === 'paused') {
			const today = brusselsToday();
			const parsed = pauseSchema(today).safeParse({ paused_until: form.get('paused_until') });
			if (!parsed.success) {
				return fail(400, { answered: null, error: 'date', message: errorText('invalid_date') });
			}
			pausedUntil = parsed.data.paused_until;
		}
		const { error } = await locals.supabase.rpc('liveness_answer', {
			p_nonce: link.nonce,
			p_answer: answer.data,
			// Generated argument types are never nullable; this one is (a date, null unless paused).
			p_paused_until: pausedUntil as string
		});
		if (error) {
			return fail(400, {
				answered: null,
				error: error.hint === 'already_answered' ? 'answered' : 'invalid'
			});
		}
		return { answered: answer.data, error: null };
	}
};
