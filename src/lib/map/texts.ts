// What each of our maps credits and how its controls read: the same for the finder and the embed.
import { DATA_ATTRIBUTIONS } from '#lib/attribution.ts';
import { m } from '#lib/paraglide/messages.js';

/**
 * The map's credit line: the quartier outlines always, OpenStreetMap when the offline basemap
 * draws its streets (a hosted base style credits its own data).
 */
export function mapAttribution(hostedStyle: boolean): string {
	return DATA_ATTRIBUTIONS.filter(
		(a) => a.dataset === 'quartiers' || (a.dataset === 'streets' && !hostedStyle)
	)
		.map((a) => a.text)
		.join('; ');
}

/** MapLibre's control texts in the page's language (keys as in MapLibre's locale). */
export function mapControlTexts(): Record<string, string> {
	return {
		'NavigationControl.ZoomIn': m.finder_map_zoom_in(),
		'NavigationControl.ZoomOut': m.finder_map_zoom_out(),
		'AttributionControl.ToggleAttribution': m.finder_map_attribution()
	};
}
