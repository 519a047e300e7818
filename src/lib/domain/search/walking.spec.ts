import { describe, expect, it } from 'vitest';
import { distanceMeters } from '../geo/quartier.ts';
import { DETOUR_FACTOR, WALKING_SPEED_KMH, walkingMinutes } from './walking.ts';

describe('walkingMinutes', () => {
	it('uses a 1.3 detour factor at 4.5 km/h, rounded up', () => {
		expect(DETOUR_FACTOR).toBe(1.3);
		expect(WALKING_SPEED_KMH).toBe(4.5);
		expect(walkingMinutes(0)).toBe(0);
		expect(walkingMinutes(1000)).toBe(18); // 1,300 m at 75 m/min = 17.3
		expect(walkingMinutes(75 / 1.3)).toBe(1);
	});

	it('puts the Parvis de Saint-Gilles about half an hour from the Grand-Place', () => {
		const meters = distanceMeters([4.3456, 50.8276], [4.352712, 50.846926]);
		expect(meters).toBeGreaterThan(2100);
		expect(meters).toBeLessThan(2300);
		expect(walkingMinutes(meters)).toBe(Math.ceil((meters * 1.3) / 75));
		expect(walkingMinutes(meters)).toBeGreaterThanOrEqual(37);
		expect(walkingMinutes(meters)).toBeLessThanOrEqual(40);
	});
});
