// Place names as people read them. The Dutch quartier names of the source are in capitals
// ("GROTE MARKT"); shown as they are, they shout.

/**
 * A name in capitals turned to title case (words after a space, hyphen, apostrophe or bracket
 * start with a capital); names already in mixed case are kept.
 *
 * @example tidyName('SINT-JOOST-TEN-NODE') // 'Sint-Joost-Ten-Node'
 */
export function tidyName(name: string): string {
	if (name !== name.toUpperCase() || name === name.toLowerCase()) return name;
	return name
		.toLowerCase()
		.replace(
			/(^|[\s\-'’(])(\p{L})/gu,
			(_, before: string, letter: string) => before + letter.toUpperCase()
		);
}

/**
 * The name of a quartier or commune for a locale: Dutch for nl, French otherwise (English
 * readers in Brussels see the French names on street signs first).
 *
 * @example placeName({ name_fr: 'Grand Place', name_nl: 'GROTE MARKT' }, 'nl') // 'Grote Markt'
 */
export function placeName(place: { name_fr: string; name_nl: string }, locale: string): string {
	return tidyName(locale === 'nl' ? place.name_nl : place.name_fr);
}
