import { describe, expect, it } from 'vitest';
import { toSchedules } from './schedule.ts';

const serviceId = '0de00001-0000-4000-8000-000000000001';
const of = (text: string | null, kind = 'hours') => toSchedules({ serviceId, text, kind });
const strip = (schedules: Record<string, unknown>[]) =>
	schedules.map(({ id: _id, service_id: _s, ...rest }) => rest);

describe('toSchedules', () => {
	it('maps weekday rules to weekly schedules, one per time span', () => {
		expect(strip(of('Mo-We 09:00-12:00,13:30-17:00; Fr 10:00-12:00'))).toEqual([
			{
				freq: 'WEEKLY',
				wkst: 'MO',
				byday: 'MO,TU,WE',
				opens_at: '09:00',
				closes_at: '12:00',
				description: 'Mo-We 09:00-12:00,13:30-17:00; Fr 10:00-12:00'
			},
			{
				freq: 'WEEKLY',
				wkst: 'MO',
				byday: 'MO,TU,WE',
				opens_at: '13:30',
				closes_at: '17:00',
				description: 'Mo-We 09:00-12:00,13:30-17:00; Fr 10:00-12:00'
			},
			{
				freq: 'WEEKLY',
				wkst: 'MO',
				byday: 'FR',
				opens_at: '10:00',
				closes_at: '12:00',
				description: 'Mo-We 09:00-12:00,13:30-17:00; Fr 10:00-12:00'
			}
		]);
	});

	it('maps the nth weekday of the month to a monthly schedule', () => {
		expect(strip(of('Sa[-1] 10:00-13:00'))).toEqual([
			{
				freq: 'MONTHLY',
				wkst: 'MO',
				byday: '-1SA',
				opens_at: '10:00',
				closes_at: '13:00',
				description: 'Sa[-1] 10:00-13:00'
			}
		]);
	});

	it('keeps only the original text when iCalendar cannot say the same', () => {
		for (const text of [
			'Mo-Fr 09:00-17:00; PH off',
			'Jul-Aug Mo 10:00-12:00',
			'Fr 20:00-02:00',
			'Mo-Fr 09:00-17:00; We 09:00-12:00',
			'Mo 10:00-12:00 "sauf vacances"',
			'not opening hours at all'
		]) {
			expect(strip(of(text)), text).toEqual([{ description: text }]);
		}
	});

	it('says a service is by appointment, and gives nothing for no schedule at all', () => {
		expect(strip(of(null, 'by_appointment'))).toEqual([
			{ description: 'By appointment', attending_type: 'by appointment' }
		]);
		expect(of(null, 'hours')).toEqual([]);
	});

	it('gives the same ids on every call, different per schedule', () => {
		const a = of('Mo 10:00-12:00, We 14:00-16:00');
		expect(a.map((s) => s.id)).toEqual(of('Mo 10:00-12:00, We 14:00-16:00').map((s) => s.id));
		expect(new Set(a.map((s) => s.id)).size).toBe(2);
	});
});
