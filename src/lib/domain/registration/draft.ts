// The registration draft travels between steps in a hidden form field (base64url JSON of each
// step's raw input), so the form works without JavaScript, without a cookie size limit and
// without saving anything before the last step. It is untrusted: every step is validated again
// on submission.
import { z } from 'zod';
import { STEPS, type Step } from './schema.ts';

export type Draft = Partial<Record<Step, Record<string, unknown>>>;

const MAX_DRAFT_LENGTH = 60_000;

const draftShape = z.partialRecord(z.enum(STEPS), z.record(z.string(), z.unknown()));

function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
	const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Encodes a draft for a hidden field. */
export function encodeDraft(draft: Draft): string {
	return toBase64Url(new TextEncoder().encode(JSON.stringify(draft)));
}

/** Decodes a hidden-field draft; anything malformed or too large gives an empty draft. */
export function decodeDraft(text: unknown): Draft {
	if (typeof text !== 'string' || text === '' || text.length > MAX_DRAFT_LENGTH) return {};
	try {
		const json: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(text)));
		const parsed = draftShape.safeParse(json);
		return parsed.success ? parsed.data : {};
	} catch {
		return {};
	}
}

/** The step after `step` (the last one stays). */
export function nextStep(step: Step): Step {
	return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)] ?? step;
}

/** The step before `step` (the first one stays). */
export function previousStep(step: Step): Step {
	return STEPS[Math.max(STEPS.indexOf(step) - 1, 0)] ?? step;
}
