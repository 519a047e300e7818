import type { ExpressionSpecification } from 'maplibre-gl';

// Category colours for map points and the legend. The four categories Nabij exists for get the
// most distinct Okabe–Ito colours; the rest use Paul Tol's muted scheme; both are designed to
// stay distinguishable with the common colour-vision deficiencies.

/** Fill colour per category code; unknown codes fall back to {@link OTHER_COLOUR}. */
export const CATEGORY_COLOURS: Record<string, string> = {
	self_organisation: '#E69F00',
	community_pension_antenna: '#0072B2',
	local_service_centre: '#009E73',
	volunteer_initiative: '#CC79A7',
	seniors_association: '#332288',
	community_centre: '#88CCEE',
	faith_community_work: '#DDCC77',
	social_restaurant: '#882255',
	community_health_centre: '#44AA99',
	general_welfare_centre: '#117733',
	public_social_service: '#AA4499',
	home_care_service: '#999933',
	other: '#777777'
};

export const OTHER_COLOUR = '#777777';

/** The colour of a category. */
export function categoryColour(code: string): string {
	return CATEGORY_COLOURS[code] ?? OTHER_COLOUR;
}

/** A MapLibre `match` expression on the `category` property. */
export function categoryColourExpression(): ExpressionSpecification {
	const cases = Object.entries(CATEGORY_COLOURS).flat();
	return [
		'match',
		['get', 'category'],
		...cases,
		OTHER_COLOUR
	] as unknown as ExpressionSpecification;
}
