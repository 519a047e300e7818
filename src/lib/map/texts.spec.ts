import { afterAll, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '#lib/paraglide/runtime.js';
import { mapAttribution, mapControlTexts } from './texts.ts';

describe('mapAttribution', () => {
	it('credits OpenStreetMap only when our offline basemap draws the streets', () => {
		expect(mapAttribution(false)).toContain('Quartiers du Monitoring');
		expect(mapAttribution(false)).toContain('© OpenStreetMap contributors');
		expect(mapAttribution(true)).toContain('Quartiers du Monitoring');
		expect(mapAttribution(true)).not.toContain('OpenStreetMap');
	});
});

describe('mapControlTexts', () => {
	afterAll(() => overwriteGetLocale(() => 'fr'));

	it('names the controls in the page language', () => {
		overwriteGetLocale(() => 'nl');
		const nl = mapControlTexts();
		overwriteGetLocale(() => 'en');
		const en = mapControlTexts();
		expect(Object.keys(nl)).toEqual([
			'NavigationControl.ZoomIn',
			'NavigationControl.ZoomOut',
			'AttributionControl.ToggleAttribution'
		]);
		expect(nl['NavigationControl.ZoomIn']).not.toBe(en['NavigationControl.ZoomIn']);
	});
});
