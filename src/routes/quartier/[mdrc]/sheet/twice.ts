import type { UiLocale } from '#lib/domain/languages.ts';

/** A message in the page's locale and, when the reader chose one we translate into, the second. */
export function inBoth(
	message: (options?: { locale: UiLocale }) => string,
	second: UiLocale | null
): { text: string; second: string | null } {
	const text = message();
	const other = second ? message({ locale: second }) : null;
	// "Contact" is "Contact" in French too: the same word twice says nothing.
	return { text, second: other === text ? null : other };
}
