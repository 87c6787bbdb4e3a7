import { createHarness, type Harness } from '../harness';
import type { FaultKind } from '../sandbox';
import { createParameters, errorText, orderPosts, person } from './create-fixtures';

let h: Harness;
beforeAll(async () => {
	h = await createHarness();
});
afterAll(async () => await h.close());
beforeEach(() => h.sandbox.reset());

describe('idempotency keys', () => {
	test('running the same workflow 3 times creates exactly 1 order; runs 2 and 3 say replayed', async () => {
		const runs = [];
		for (let run = 0; run < 3; run++) {
			runs.push(await h.run({ parameters: createParameters(), input: [person(1)] }));
		}
		expect(h.sandbox.orders()).toHaveLength(1);
		expect(runs.map((r) => r.json[0].replayed)).toEqual([false, true, true]);
		expect(new Set(runs.map((r) => r.json[0].orderId)).size).toBe(1);
		expect(orderPosts(h.sandbox).map((e) => e.outcome)).toEqual([
			'created',
			'replayed',
			'replayed',
		]);
	});

	test('two items with the same order content but different item data are two orders', async () => {
		// Two deals won by one contact on one day: same person, product and amount.
		const r = await h.run({
			parameters: createParameters(),
			input: [person(1, { dealId: 'D-1' }), person(1, { dealId: 'D-2' })],
		});
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(2);
		expect(r.json[0].idempotencyKey).not.toBe(r.json[1].idempotencyKey);
	});

	test('identical items (same data and content) are sent once; the copy points at the first', async () => {
		const r = await h.run({ parameters: createParameters(), input: [person(1), person(1)] });
		expect(r.error).toBeUndefined();
		expect(orderPosts(h.sandbox)).toHaveLength(1);
		expect(h.sandbox.orders()).toHaveLength(1);
		expect(r.json[1]).toMatchObject({ orderId: r.json[0].orderId, duplicateOfItem: 0 });
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('with Combine Items, identical items are one recipient, and both rows are paired to it', async () => {
		const r = await h.run({
			parameters: createParameters({ options: { combineItems: true, output: 'recipients' } }),
			input: [person(1), person(2), person(1)],
		});
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(1);
		expect(h.sandbox.orders()[0].recipients.map((x) => x.email)).toEqual([
			'person1@example.com',
			'person2@example.com',
		]);
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(r.json[2]).toMatchObject({ email: 'person1@example.com', duplicateOfItem: 0 });
	});

	test('the key changes with the workflow, the node and who gets what', async () => {
		const keyOf = async (options: Parameters<Harness['run']>[0]) =>
			(await h.run(options)).json[0].idempotencyKey;
		const base = await keyOf({ parameters: createParameters(), input: [person(1)] });
		expect(
			await keyOf({ parameters: createParameters(), input: [person(1)], workflowId: 'wf-2' }),
		).not.toBe(base);
		expect(
			await keyOf({ parameters: createParameters(), input: [person(1)], nodeName: 'Send Card' }),
		).not.toBe(base);
		expect(
			await keyOf({ parameters: createParameters(), input: [person(1, { amount: 50 })] }),
		).not.toBe(base);
		expect(
			await keyOf({
				parameters: createParameters({ email: 'other@example.com' }),
				input: [person(1)],
			}),
		).not.toBe(base);
		expect(await keyOf({ parameters: createParameters(), input: [person(1)] })).toBe(base);
		expect(h.sandbox.orders()).toHaveLength(5);
	});

	test('the key does not depend on the order of keys in the item JSON', async () => {
		const a = await h.run({
			parameters: createParameters(),
			input: [{ ...person(1), meta: { x: 1, y: 2 } }],
		});
		const b = await h.run({
			parameters: createParameters(),
			input: [
				{
					meta: { y: 2, x: 1 },
					amount: 25,
					lastName: 'Last1',
					firstName: 'First1',
					email: 'person1@example.com',
				},
			],
		});
		expect(b.json[0]).toMatchObject({ idempotencyKey: a.json[0].idempotencyKey, replayed: true });
		expect(h.sandbox.orders()).toHaveLength(1);
	});

	test('Deduplication Key: the same value gives the same key, a different value a new order', async () => {
		const withDedup = (dealId: string, extra = {}) =>
			h.run({
				parameters: createParameters({ options: { deduplicationKey: '={{ $json.dealId }}' } }),
				input: [person(1, { dealId, ...extra })],
			});
		const first = await withDedup('D-7');
		const again = await withDedup('D-7');
		const other = await withDedup('D-8');
		expect(again.json[0]).toMatchObject({
			idempotencyKey: first.json[0].idempotencyKey,
			replayed: true,
		});
		expect(other.json[0].idempotencyKey).not.toBe(first.json[0].idempotencyKey);
		expect(h.sandbox.orders()).toHaveLength(2);
	});

	test('Idempotency Key override is sent verbatim in the header and body', async () => {
		const r = await h.run({
			parameters: createParameters({ options: { idempotencyKey: '=deal-{{ $json.dealId }}' } }),
			input: [person(1, { dealId: 'D-42' })],
		});
		expect(r.error).toBeUndefined();
		const [order] = h.sandbox.orders();
		expect(order.idempotencyKey).toBe('deal-D-42');
		expect(orderPosts(h.sandbox)[0].idempotencyKey).toBe('deal-D-42');
		expect(r.json[0]).toMatchObject({ idempotencyKey: 'deal-D-42', replayed: false });
		const again = await h.run({
			parameters: createParameters({ options: { idempotencyKey: '=deal-{{ $json.dealId }}' } }),
			input: [person(1, { dealId: 'D-42', note: 'changed item data, same business key' })],
		});
		expect(again.json[0]).toMatchObject({ orderId: order.orderId, replayed: true });
		expect(h.sandbox.orders()).toHaveLength(1);
	});

	test('an override reused for a different order in one run stops before sending anything', async () => {
		const r = await h.run({
			parameters: createParameters({ options: { idempotencyKey: 'same-key' } }),
			input: [person(1), person(2)],
		});
		expect(r.error?.message).toContain('Idempotency Key "same-key" is also used by item 0');
		expect(r.error?.message).toContain('(item 1)');
		expect(orderPosts(h.sandbox)).toHaveLength(0);
	});

	test('409 from the server (key reused with other content) explains the conflict', async () => {
		h.sandbox.createOrder(
			{ productId: 'GC-AMAZON-USD', recipients: [{ email: 'x@example.com', amount: 10 }] },
			{ idempotencyKey: 'taken-key' },
		);
		const r = await h.run({
			parameters: createParameters({ options: { idempotencyKey: 'taken-key' } }),
			input: [person(1)],
		});
		const text = errorText(r.error);
		expect(text).toContain('409');
		expect(text).toContain('DUPLICATE_IDEMPOTENCY_KEY');
		expect(text).toContain('change the Deduplication Key or the Idempotency Key');
		expect(h.sandbox.orders()).toHaveLength(1);
	});
});

const FAULTS: FaultKind[] = [
	'drop-after-commit',
	'error-after-commit',
	'unavailable',
	'rate-limit',
];
const fault = (kind: FaultKind, count: number) => ({
	kind,
	method: 'POST',
	path: '/api/v1/orders/',
	count,
	retryAfterSeconds: 1,
});

describe.each(FAULTS)('fault %s on create', (kind) => {
	test('the transport retries with the same key: exactly one order', async () => {
		h.sandbox.injectFault(fault(kind, 1));
		const r = await h.run({ parameters: createParameters(), input: [person(1)] });
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(1);
		const posts = orderPosts(h.sandbox);
		expect(posts).toHaveLength(2);
		expect(new Set(posts.map((e) => e.idempotencyKey)).size).toBe(1);
		expect(r.json[0].orderId).toBe(h.sandbox.orders()[0].orderId);
	});

	test('the transport gives up, n8n Retry On Fail runs the node again: still exactly one order', async () => {
		h.sandbox.injectFault(fault(kind, 4)); // the transport's 4 attempts all fail
		const r = await h.run({
			parameters: createParameters(),
			input: [person(1)],
			settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 },
		});
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(1);
		expect(orderPosts(h.sandbox)).toHaveLength(5);
		expect(r.json[0]).toMatchObject({ orderId: h.sandbox.orders()[0].orderId });
	});
});

// A 429 does not use up the retries (the rate governor waits instead, see test/transport), so only
// real failures can exhaust them.
describe.each(FAULTS.filter((kind) => kind !== 'rate-limit'))('fault %s on create', (kind) => {
	test('retries exhausted: the error names the key and says re-running is safe; a re-run gives one order', async () => {
		h.sandbox.injectFault(fault(kind, 4));
		const failed = await h.run({ parameters: createParameters(), input: [person(1)] });
		const key = orderPosts(h.sandbox)[0].idempotencyKey;
		const text = errorText(failed.error);
		expect(text).toContain(`"${key}"`);
		expect(text).toContain('Running this again with the same input is safe');
		expect(text).toContain('X-Request-Id');
		expect(text).not.toContain(h.sandbox.clientSecret);
		for (const token of h.sandbox.issuedTokens()) expect(text).not.toContain(token);
		const committed = kind === 'drop-after-commit' || kind === 'error-after-commit' ? 1 : 0;
		expect(h.sandbox.orders()).toHaveLength(committed);

		const rerun = await h.run({ parameters: createParameters(), input: [person(1)] });
		expect(rerun.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(1);
		expect(rerun.json[0]).toMatchObject({ idempotencyKey: key, replayed: committed === 1 });
	});
});
