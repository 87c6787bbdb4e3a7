import { DateTime } from 'luxon';

import {
	isValidTimeZone,
	localToEpochMs,
	toLocalDateTime,
} from '../../nodes/Giftronaut/helpers/orders/schedule';

// Scheduled At is a wall-clock time in the chosen Timezone; Giftronaut gets it without offset.

describe('toLocalDateTime', () => {
	test.each([
		['2026-03-01T09:00:00', '2026-03-01T09:00:00'],
		['2026-03-01 09:00', '2026-03-01T09:00:00'],
		['  2026-03-01T09:00  ', '2026-03-01T09:00:00'],
		// An offset or zone in the value is ignored: the written time counts.
		['2026-03-01T09:00:00+02:00', '2026-03-01T09:00:00'],
		['2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00'],
		['2026-03-01T09:00:00[Europe/Paris]', '2026-03-01T09:00:00'],
	])('%j → %j', (value, local) => {
		expect(toLocalDateTime(value)).toBe(local);
	});

	test('a Luxon DateTime (n8n’s date picker) keeps its own wall-clock time', () => {
		const picked = DateTime.fromISO('2026-03-01T09:30:00', { zone: 'Asia/Tokyo' });
		expect(toLocalDateTime(picked)).toBe('2026-03-01T09:30:00');
	});

	test('a Date gives its UTC time', () => {
		expect(toLocalDateTime(new Date('2026-03-01T09:00:00Z'))).toBe('2026-03-01T09:00:00');
	});

	test.each([
		'2026-02-30T09:00:00',
		'2026-03-01T24:00:00',
		'2026-03-01T09:60:00',
		'2026-03-01',
		'tomorrow 9am',
		'',
	])('%j is not a date and time', (value) => {
		expect(toLocalDateTime(value)).toBeUndefined();
	});

	test('neither are a number, an invalid Date or nothing', () => {
		expect(toLocalDateTime(1772355600000)).toBeUndefined();
		expect(toLocalDateTime(new Date('nope'))).toBeUndefined();
		expect(toLocalDateTime(undefined)).toBeUndefined();
	});
});

describe('localToEpochMs', () => {
	test.each([
		['2026-03-01T09:00:00', 'America/New_York', '2026-03-01T14:00:00.000Z'],
		['2026-07-01T09:00:00', 'America/New_York', '2026-07-01T13:00:00.000Z'],
		['2026-12-24T18:00:00', 'Europe/Berlin', '2026-12-24T17:00:00.000Z'],
		['2026-01-01T00:00:00', 'Asia/Kolkata', '2025-12-31T18:30:00.000Z'],
		['2026-06-15T12:00:00', 'UTC', '2026-06-15T12:00:00.000Z'],
		// Either side of New York's daylight-saving changes in 2026 (8 March, 1 November).
		['2026-03-08T01:59:00', 'America/New_York', '2026-03-08T06:59:00.000Z'],
		['2026-03-08T03:00:00', 'America/New_York', '2026-03-08T07:00:00.000Z'],
		['2026-11-01T00:30:00', 'America/New_York', '2026-11-01T04:30:00.000Z'],
		['2026-11-01T03:00:00', 'America/New_York', '2026-11-01T08:00:00.000Z'],
	])('%s in %s is %s', (local, zone, instant) => {
		expect(new Date(localToEpochMs(local, zone)).toISOString()).toBe(instant);
	});
});

describe('isValidTimeZone', () => {
	test.each([
		['America/New_York', true],
		['Europe/Berlin', true],
		['UTC', true],
		['+02:00', false],
		['-05:00', false],
		['Mars/Olympus_Mons', false],
		['', false],
	])('%j → %j', (zone, valid) => {
		expect(isValidTimeZone(zone)).toBe(valid);
	});
});
