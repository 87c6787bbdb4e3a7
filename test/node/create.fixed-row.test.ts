import type { IDataObject } from 'n8n-workflow';

import { createHarness, type Harness } from '../harness';
import { createParameters, orderPosts, person } from './create-fixtures';

// Issue 9, case 1: with Combine Items, batches are cut by input position over all rows, and under
// Continue On Fail a batch holding a bad row is held back whole, so fixing rows and re-running never
// sends anyone a second card.

let h: Harness;
beforeAll(async () => {
	h = await createHarness();
});
afterAll(async () => await h.close());
beforeEach(() => h.sandbox.reset());

const rows = (bad: number[]): IDataObject[] =>
	Array.from({ length: 250 }, (_, i) =>
		bad.includes(i) ? person(i, { email: `person${i}(at)example.com` }) : person(i),
	);
const parameters = createParameters({ options: { combineItems: true, batchSize: 100 } });
const continueOnFail = { onError: 'continueRegularOutput' as const };

function recipientsOnSandbox() {
	const emails = h.sandbox.orders().flatMap((order) => order.recipients.map((r) => r.email));
	return { total: emails.length, distinct: new Set(emails).size };
}

test('row 5 bad: its batch is held back, each of its rows says why; after the fix the re-run sends it once', async () => {
	const first = await h.run({ parameters, input: rows([5]), settings: continueOnFail });
	expect(h.sandbox.orders()).toHaveLength(2);
	expect(h.sandbox.orders().map((o) => o.recipients.length)).toEqual([100, 50]);
	const errors = first.items.filter((item) => item.json.error !== undefined);
	expect(errors).toHaveLength(100);
	expect(errors.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
		Array.from({ length: 100 }, (_, i) => i),
	);
	expect(String(errors[5].json.error)).toContain('is not a valid email address');
	expect(String(errors[0].json.error)).toMatch(/held back/i);
	expect(String(errors[0].json.error)).toContain('item 5');

	h.sandbox.clearRequests();
	const fixed = await h.run({ parameters, input: rows([]), settings: continueOnFail });
	expect(fixed.items.filter((item) => item.json.error !== undefined)).toHaveLength(0);
	expect(
		orderPosts(h.sandbox)
			.map((e) => e.outcome)
			.sort(),
	).toEqual(['created', 'replayed', 'replayed']);
	expect(recipientsOnSandbox()).toEqual({ total: 250, distinct: 250 });
});

test('fixing any subset of bad rows, one re-run at a time: 0 duplicate recipients, all 250 in the end', async () => {
	await h.run({ parameters, input: rows([5, 150, 249]), settings: continueOnFail });
	expect(recipientsOnSandbox()).toEqual({ total: 0, distinct: 0 });
	await h.run({ parameters, input: rows([5, 249]), settings: continueOnFail });
	expect(recipientsOnSandbox()).toEqual({ total: 100, distinct: 100 });
	await h.run({ parameters, input: rows([5]), settings: continueOnFail });
	expect(recipientsOnSandbox()).toEqual({ total: 150, distinct: 150 });
	await h.run({ parameters, input: rows([]), settings: continueOnFail });
	expect(recipientsOnSandbox()).toEqual({ total: 250, distinct: 250 });
	expect(h.sandbox.orders()).toHaveLength(3);
});

test('a row that cannot even be read (no product) still takes its place in the batches', async () => {
	const input = rows([]);
	input[3] = { ...input[3], productId: '' };
	const byRow = createParameters({
		product: { __rl: true, mode: 'id', value: '={{ $json.productId ?? "GC-AMAZON-USD" }}' },
		options: { combineItems: true, batchSize: 100 },
	});
	await h.run({ parameters: byRow, input, settings: continueOnFail });
	expect(h.sandbox.orders().map((o) => o.recipients[0].email)).toEqual([
		'person100@example.com',
		'person200@example.com',
	]);
	await h.run({ parameters: byRow, input: rows([]), settings: continueOnFail });
	expect(recipientsOnSandbox()).toEqual({ total: 250, distinct: 250 });
});

test('without Continue On Fail a bad row still stops the run before anything is ordered', async () => {
	const r = await h.run({ parameters, input: rows([5]) });
	expect(r.error?.message).toContain('(item 5)');
	expect(orderPosts(h.sandbox)).toHaveLength(0);
});
