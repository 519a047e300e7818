// Codes chosen in the form must exist in the taxonomy; the schemas check their shape only.
import type { FieldErrors } from '#lib/domain/registration/index.ts';

export type KnownCodes = {
	categories: Set<string>;
	supportKinds: Set<string>;
	targetGroups: Set<string>;
	quartiers: Set<number>;
};

function unknownIn(values: unknown, known: Set<string>): boolean {
	return Array.isArray(values) && values.some((v) => !known.has(String(v)));
}

/**
 * Field errors for codes of one step's parsed values that are not in the taxonomy or the
 * quartier list; empty when all are known.
 *
 * @example unknownCodes('who', { category: 'bank' }, known) // { category: ['invalid_choice'] }
 */
export function unknownCodes(
	step: string,
	values: Record<string, unknown>,
	known: KnownCodes
): FieldErrors {
	const errors: FieldErrors = {};
	if (step === 'who' && !known.categories.has(String(values.category))) {
		errors.category = ['invalid_choice'];
	}
	if (step === 'offer') {
		if (unknownIn(values.support_kinds, known.supportKinds))
			errors.support_kinds = ['invalid_choice'];
		if (unknownIn(values.target_groups, known.targetGroups))
			errors.target_groups = ['invalid_choice'];
	}
	if (step === 'where' && !known.quartiers.has(Number(values.mdrc))) {
		errors.mdrc = ['invalid_choice'];
	}
	return errors;
}
