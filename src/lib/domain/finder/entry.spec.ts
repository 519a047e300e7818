import { describe, expect, it } from 'vitest';
import { contactHref, contactText, publicContacts, scheduleLines } from './entry.ts';

describe('scheduleLines', () => {
	it('describes opening hours in the requested language', () => {
		const entry = { schedule_kind: 'hours' as const, schedules: 'Tu 14:00-17:00' };
		expect(scheduleLines(entry, 'en')).toEqual(['Tuesday, 14:00–17:00']);
		expect(scheduleLines(entry, 'nl')[0]).toMatch(/^Dinsdag/);
		expect(scheduleLines(entry, 'fr')[0]).toMatch(/^Mardi/);
	});

	it('is empty without fixed hours or with unreadable hours', () => {
		expect(scheduleLines({ schedule_kind: 'by_appointment', schedules: null }, 'en')).toEqual([]);
		expect(scheduleLines({ schedule_kind: 'hours', schedules: 'whenever' }, 'en')).toEqual([]);
	});
});

describe('contactHref', () => {
	it('links phones, WhatsApp, e-mail and web addresses', () => {
		expect(contactHref({ kind: 'phone', value: '+32 2 123 45 67' })).toBe('tel:+3221234567');
		expect(contactHref({ kind: 'whatsapp', value: '+32 470 12 34 56' })).toBe(
			'https://wa.me/32470123456'
		);
		expect(contactHref({ kind: 'email', value: 'info@demo.nabij.invalid' })).toBe(
			'mailto:info@demo.nabij.invalid'
		);
		expect(contactHref({ kind: 'website', value: 'https://demo.nabij.invalid/x' })).toBe(
			'https://demo.nabij.invalid/x'
		);
	});

	it('links numbers typed nationally, and older stored forms, in E.164', () => {
		expect(contactHref({ kind: 'phone', value: '0470 12 34 56' })).toBe('tel:+32470123456');
		expect(contactHref({ kind: 'whatsapp', value: '0470/12.34.56' })).toBe(
			'https://wa.me/32470123456'
		);
		expect(contactHref({ kind: 'phone', value: '+32 2 000 12 34' })).toBe('tel:+3220001234');
		expect(contactHref({ kind: 'whatsapp', value: '+33612345678' })).toBe(
			'https://wa.me/33612345678'
		);
	});

	it('never links a relay or a non-web scheme', () => {
		expect(contactHref({ kind: 'relay', value: 'Ask Fatima at the bakery' })).toBeNull();
		expect(contactHref({ kind: 'website', value: 'javascript:alert(1)' })).toBeNull();
	});
});

describe('contactText', () => {
	it('shows Belgian numbers nationally, others internationally, the rest as stored', () => {
		expect(contactText({ kind: 'phone', value: '+32470123456' })).toBe('0470 12 34 56');
		expect(contactText({ kind: 'whatsapp', value: '+33612345678' })).toBe('+33 6 12 34 56 78');
		expect(contactText({ kind: 'phone', value: '+32 2 000 12 34' })).toBe('02 000 12 34');
		expect(contactText({ kind: 'phone', value: 'ask at the desk' })).toBe('ask at the desk');
		expect(contactText({ kind: 'email', value: 'a@b.invalid' })).toBe('a@b.invalid');
	});
});

describe('publicContacts', () => {
	it('keeps public channels only', () => {
		expect(publicContacts([{ public: true }, { public: false }])).toEqual([{ public: true }]);
	});
});
