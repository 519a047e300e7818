// The one line a sheet prints about what an entry offers.
import type { Locale } from '#lib/i18n/locales.ts';

/**
 * The first sentence of a description, cut at a word boundary to at most `maxChars` characters
 * with an ellipsis; null for an empty description. Line breaks become spaces.
 *
 * @example offerLine('Visites chez vous, une fois par semaine. Sans frais.', 80) // 'Visites chez vous, une fois par semaine.'
 * @example offerLine('Un très long texte sans point qui continue', 20) // 'Un très long texte…'
 */
export function offerLine(description: string | null, maxChars = 110): string | null {
	const text = (description ?? '').replace(/\s+/g, ' ').trim();
	if (!text) return null;
	const sentence = /^(.+?[.!?])(\s|$)/u.exec(text)?.[1] ?? text;
	if (sentence.length <= maxChars) return sentence;
	const cut = sentence.slice(0, maxChars);
	const space = cut.lastIndexOf(' ');
	return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, '')}…`;
}

/**
 * A language name as it sits inside a sentence: French writes language names in lower case
 * ("parle arabe"), Dutch and English capitalise them.
 *
 * @example inSentence('Arabe', 'fr') // 'arabe'
 * @example inSentence('Arabisch', 'nl') // 'Arabisch'
 */
export function inSentence(languageName: string, locale: Locale): string {
	return locale === 'fr'
		? languageName.charAt(0).toLocaleLowerCase('fr') + languageName.slice(1)
		: languageName;
}
