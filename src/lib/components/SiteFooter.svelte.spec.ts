import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_ATTRIBUTIONS } from '#lib/attribution.ts';
import SiteFooter from './SiteFooter.svelte';

describe('SiteFooter', () => {
	let component: Record<string, unknown> | undefined;
	afterEach(async () => {
		if (component) await unmount(component);
		document.body.innerHTML = '';
	});

	it('shows every data attribution the licences require, OpenStreetMap included', () => {
		component = mount(SiteFooter, { target: document.body });
		flushSync();
		const items = [...document.querySelectorAll('footer li')].map((li) => li.textContent ?? '');
		expect(items).toHaveLength(DATA_ATTRIBUTIONS.length);
		expect(items.join('\n')).toContain('© OpenStreetMap contributors');
		expect(items.join('\n')).toContain('Statbel');
		expect(items.join('\n')).toContain('UrbIS');
		expect(document.querySelector('footer h2')?.textContent?.trim()).not.toBe('');
	});
});
