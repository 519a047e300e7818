// Walking time from straight-line distance.

/**
 * Ratio of walked distance to straight-line distance. Measured circuity of dense European street
 * grids is about 1.2–1.4, so 1.3 is a middle value for Brussels' old centre and its 19th-century
 * districts alike.
 */
export const DETOUR_FACTOR = 1.3;

/**
 * Walking speed in km/h. Below the usual 5 km/h because many people looking for care nearby are
 * older people, who walk more slowly.
 */
export const WALKING_SPEED_KMH = 4.5;

/**
 * Estimated walking time in whole minutes (rounded up) for a straight-line distance in metres.
 *
 * @example walkingMinutes(1000) // 18 (1,000 m × 1.3 at 4.5 km/h = 17.3 min)
 */
export function walkingMinutes(straightLineMeters: number): number {
	const metersPerMinute = (WALKING_SPEED_KMH * 1000) / 60;
	return Math.ceil((straightLineMeters * DETOUR_FACTOR) / metersPerMinute);
}
