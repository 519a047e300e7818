import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import BarChart from './BarChart.svelte';

describe('BarChart', () => {
	let component: Record<string, unknown> | undefined;
	afterEach(async () => {
		if (component) await unmount(component);
		document.body.innerHTML = '';
	});

	it('shows every value as text and draws bars in proportion, hidden from screen readers', () => {
		component = mount(BarChart, {
			target: document.body,
			props: {
				max: 100,
				bars: [
					{ label: 'Within 500 m', value: 25, valueText: '25 %', reference: 80 },
					{ label: 'Within 1,000 m', value: 100, valueText: '100 %', reference: null }
				],
				referenceLabel: 'Tick: regional value'
			}
		});
		flushSync();
		const rows = [...document.querySelectorAll('li')];
		expect(rows.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
			'Within 500 m 25 %',
			'Within 1,000 m 100 %'
		]);
		const svgs = [...document.querySelectorAll('svg')];
		expect(svgs.every((svg) => svg.getAttribute('aria-hidden') === 'true')).toBe(true);
		const bar = (i: number) => svgs[i]?.querySelectorAll('rect')[1]?.getAttribute('width');
		expect(bar(0)).toBe('25');
		expect(bar(1)).toBe('100');
		// The regional tick is drawn only where there is a reference.
		expect(svgs[0]?.querySelectorAll('rect')).toHaveLength(3);
		expect(svgs[1]?.querySelectorAll('rect')).toHaveLength(2);
		expect(document.body.textContent).toContain('Tick: regional value');
	});
});
