// The finder form's submission as a clean, canonical finder address (no empty fields).
import { finderQuerySchema } from '#lib/domain/search/index.ts';
import { finderPath, placeSchema } from './url.ts';

/** The finder path (without locale) for the fields of a submitted finder form. */
export function canonicalFinderPath(form: FormData): string {
	const params = new URLSearchParams();
	for (const [name, value] of form) {
		if (typeof value === 'string' && value.trim() !== '') params.append(name, value);
	}
	const place = placeSchema.parse(params.get('place') ?? undefined);
	const query = finderQuerySchema.parse(params);
	// A typed place without a picked point is resolved by the server; keep the text alone.
	return finderPath(query, place);
}
