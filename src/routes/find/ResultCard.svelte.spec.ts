import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { overwriteGetLocale } from '#lib/paraglide/runtime.js';
import ResultCard from './ResultCard.svelte';
import type { FinderCard } from './types.ts';

// A result's card as the server sends it; the card is shown in the base locale (French).
const result: FinderCard = {
	id: '0de00003-0000-4000-8000-00000000008d',
	organization_name: 'Collectif Anneessens',
	service_name: 'Table de conversation',
	category: 'self_organisation',
	location_precision: 'quartier',
	languages: ['ar', 'nl'],
	map_code: 'AAEDQ8Kvv',
	accepting_new: 'waitlist',
	trust_tier: 'vouched',
	vouched_by_name: 'LDC Anneessens',
	assured_date: '2026-03-05',
	status: 'dormant',
	schedule_kind: 'by_appointment',
	quartier: 'Anneessens',
	distanceMeters: 432,
	walkingMinutes: 8,
	openNow: null,
	nextOpening: null,
	dormant: true
};

describe('ResultCard', () => {
	// The page's locale comes from the URL in the app; here the card is read in French.
	beforeAll(() => overwriteGetLocale(() => 'fr'));

	let component: Record<string, unknown> | undefined;
	afterEach(async () => {
		if (component) await unmount(component);
		document.body.innerHTML = '';
	});

	function render(onhighlight = vi.fn()) {
		component = mount(ResultCard, {
			target: document.body,
			props: {
				result,
				categoryLabel: 'Auto-organisation',
				locale: 'fr',
				now: new Date('2026-11-23T12:00:00Z'),
				selectable: true,
				back: 'near=4.3414,50.8417&language=ar',
				onhighlight
			}
		});
		flushSync();
		return document.querySelector<HTMLElement>('[data-testid="result"]');
	}

	it('shows distance and walk, languages, trust, confirmation and the quartier', () => {
		const text = render()?.textContent?.replace(/\s+/g, ' ') ?? '';
		expect(text).toContain('Collectif Anneessens');
		expect(text).toContain('Table de conversation');
		expect(text).toContain('430 m · 8 min à pied');
		expect(text).toContain('Langues : Arabe et Néerlandais');
		expect(text).toContain('Recommandé par LDC Anneessens');
		expect(text).toContain('Confirmé le 5 mars 2026');
		expect(text).toContain("Liste d'attente");
		expect(text).toContain('Sur rendez-vous');
		expect(text).toContain('Se réunit dans le quartier Anneessens');
	});

	it('marks a dormant entry and links to its detail page', () => {
		const card = render();
		expect(card?.classList.contains('dormant')).toBe(true);
		expect(card?.textContent).toContain('En sommeil');
		expect(card?.querySelector('h3 a')?.getAttribute('href')).toMatch(
			/\/resources\/0de00003-0000-4000-8000-00000000008d\?back=near%3D4\.3414%2C50\.8417%26language%3Dar$/
		);
		const box = card?.querySelector<HTMLInputElement>('input[type="checkbox"]');
		expect(box?.name).toBe('ids');
		expect(box?.value).toBe(result.id);
		expect(box?.getAttribute('form')).toBe('slip-form');
	});

	it('reports hover and focus so the map can highlight the point', () => {
		const onhighlight = vi.fn();
		const card = render(onhighlight);
		card?.dispatchEvent(new MouseEvent('mouseenter'));
		expect(onhighlight).toHaveBeenLastCalledWith(result.id);
		card?.dispatchEvent(new MouseEvent('mouseleave'));
		expect(onhighlight).toHaveBeenLastCalledWith(null);
		card?.querySelector<HTMLElement>('a')?.focus();
		expect(onhighlight).toHaveBeenLastCalledWith(result.id);
	});
});
