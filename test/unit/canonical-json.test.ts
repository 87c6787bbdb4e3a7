import { DateTime } from 'luxon';

import { canonicalJson, storedForm } from '../../nodes/Giftronaut/actions/order/create/idempotency';

// Canonical JSON is what default idempotency keys hash: equal content must give equal text,
// whatever the key order or the runtime type n8n happens to hand over.

describe('canonicalJson', () => {
	test('sorts object keys at every level and keeps array order', () => {
		expect(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: 'x' } })).toBe(
			'{"a":{"c":"x","d":[3,1,2]},"b":1}',
		);
	});

	test('two objects with the same content in another key order give the same text', () => {
		const first = { email: 'ada@example.com', amount: 25, tags: { vip: true, region: 'EU' } };
		const second = { tags: { region: 'EU', vip: true }, amount: 25, email: 'ada@example.com' };
		expect(canonicalJson(first)).toBe(canonicalJson(second));
	});

	test('undefined properties disappear; undefined and NaN in arrays become null, as n8n stores them', () => {
		expect(canonicalJson({ a: undefined, b: [undefined, Number.NaN, 1], c: null })).toBe(
			'{"b":[null,null,1],"c":null}',
		);
	});

	test('a Date and a Luxon DateTime become their ISO text', () => {
		const instant = '2026-04-15T10:00:00.000Z';
		expect(canonicalJson({ at: new Date(instant) })).toBe(`{"at":"${instant}"}`);
		expect(canonicalJson({ at: DateTime.fromISO(instant, { zone: 'utc' }) })).toBe(
			`{"at":"${instant}"}`,
		);
	});

	test('a bigint becomes its digits, a function is left out', () => {
		expect(canonicalJson({ big: BigInt('12345678901234567890'), run: () => 1 })).toBe(
			'{"big":"12345678901234567890"}',
		);
	});

	test('a top-level undefined or null is null', () => {
		expect(canonicalJson(undefined)).toBe('null');
		expect(canonicalJson(null)).toBe('null');
	});
});

describe('storedForm', () => {
	test('is what a JSON round trip gives (a reloaded execution sees this)', () => {
		const value = { at: new Date('2026-01-02T03:04:05.000Z'), n: Number.NaN, gone: undefined };
		expect(storedForm(value)).toEqual({ at: '2026-01-02T03:04:05.000Z', n: null });
	});
});
