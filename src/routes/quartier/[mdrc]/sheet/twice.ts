import type { UiLocale } from '#lib/domain/languages.ts';

/** A message in the page's locale and, when the reader chose one we translate into, the second. */
export function inBoth(
	message: (options?: { locale: UiLocale }) => string,
	second: UiLocale | null
): { text: string; second: string | null } {
	return { text: message(), second: second ? message({ locale: second }) : null };
}
