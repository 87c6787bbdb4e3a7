import { DateTime } from 'luxon';

import {
	canonicalJson,
	defaultOrderKey,
	hashKey,
	storedForm,
	type KeyMaterial,
} from '../../nodes/Giftronaut/actions/order/create/idempotency';

// Golden keys: fixed inputs whose keys are pinned here. If one of these fails, every default key
// of every user changes with the release; that is only ever done on purpose, with KEY_VERSION bumped.

const material: KeyMaterial = {
	workflowId: 'wf-golden',
	nodeId: '6f1c2d9e-0000-4000-8000-000000000001',
	cardType: 'branded',
	productId: 'GC-AMAZON-USD',
	recipients: [
		{ email: 'ada@example.com', amount: 25 },
		{ email: 'grace@example.com', amount: 12.5 },
	],
	items: [
		{ json: { row: 1, email: 'ada@example.com', tags: ['a', 'b'] } },
		{ deduplicationKey: 'deal-42' },
	],
};

test('hashKey of a fixed value', () => {
	expect(hashKey({ b: 1, a: [1, 'x', null] })).toBe(GOLDEN.hash);
});

test('default key v2 of a fixed order', () => {
	expect(defaultOrderKey(material)).toBe(GOLDEN.order);
});

test('recipients carry only e-mail and amount into the key; names do not count', () => {
	const named = {
		...material,
		recipients: material.recipients.map((r) => ({ ...r, firstName: 'Changed' })),
	};
	expect(defaultOrderKey(named)).toBe(GOLDEN.order);
});

test('the item as n8n stores it: a Luxon DateTime, its ISO string and a Date give one key', () => {
	const iso = '2026-11-30T09:15:00.000Z';
	const keyFor = (wonAt: unknown) =>
		defaultOrderKey({ ...material, items: [{ json: storedForm({ wonAt }) }] });
	const fromLuxon = keyFor(DateTime.fromISO(iso, { zone: 'utc' }));
	expect(fromLuxon).toBe(keyFor(iso));
	expect(fromLuxon).toBe(keyFor(new Date(iso)));
	expect(fromLuxon).toBe(GOLDEN.luxon);
	expect(canonicalJson({ n: Number.NaN, u: undefined, z: 1 })).toBe('{"n":null,"z":1}');
});

const GOLDEN = {
	hash: 'n8n-JkF6Ijq0d_jgCNp5NINaJqf6KvMwFbwCGTFlTS5ZBho',
	order: 'n8n-r5qVb6VVSCHYH47bC0_ZJkmZU_G8FJUmkBnBwLLLvQI',
	luxon: 'n8n-OypNeMgp5fqBtRppajnIgJWNeZns9lHCxy1uFF6Umpc',
};
