import { DateTime } from 'luxon';

import {
	calendarDayOf,
	dateText,
	dayPrefix,
	hasZone,
	isCalendarDate,
} from '../../nodes/Giftronaut/shared/dates';

describe('calendarDayOf (Order → Get Many date filters)', () => {
	test.each([
		['2026-04-15', '2026-04-15'],
		// The day as written: 23:30 in New York is not moved to the next UTC day.
		['2026-04-15T23:30:00-05:00', '2026-04-15'],
		['2028-02-29', '2028-02-29'],
	])('%j → %j', (value, day) => {
		expect(calendarDayOf(value)).toBe(day);
	});

	test('a Luxon DateTime gives its own day, a Date its UTC day', () => {
		const picked = DateTime.fromISO('2026-04-15T23:30:00', { zone: 'America/New_York' });
		expect(calendarDayOf(picked)).toBe('2026-04-15');
		expect(calendarDayOf(new Date('2026-04-15T23:30:00Z'))).toBe('2026-04-15');
	});

	test.each(['2026-02-29', '2026-13-01', '2026-04-31', 'April 15', '15.04.2026', ''])(
		'%j is not a calendar day',
		(value) => {
			expect(calendarDayOf(value)).toBeUndefined();
		},
	);
});

describe('the other date helpers', () => {
	test('dateText', () => {
		expect(dateText(' 2026-04-15 ')).toBe('2026-04-15');
		expect(dateText(new Date('nope'))).toBe('');
		expect(dateText(42)).toBe('');
	});

	test('isCalendarDate', () => {
		expect(isCalendarDate(2024, 2, 29)).toBe(true);
		expect(isCalendarDate(2100, 2, 29)).toBe(false);
	});

	test('dayPrefix takes the day of an API timestamp unchecked', () => {
		expect(dayPrefix('2026-04-15T10:00:00Z')).toBe('2026-04-15');
		expect(dayPrefix('15/04/2026')).toBeUndefined();
	});

	test.each([
		['2026-04-15T10:00:00Z', true],
		['2026-04-15T10:00:00z', true],
		['2026-04-15T10:00:00+02:00', true],
		['2026-04-15T10:00:00-0500', true],
		['2026-04-15T10:00:00', false],
		['2026-04-15', false],
	])('hasZone(%j) → %j', (text, zoned) => {
		expect(hasZone(text)).toBe(zoned);
	});
});
