import { createHarness, type Harness } from '../harness';
import { createParameters, isCatalogGet, orderPosts, person } from './create-fixtures';

let h: Harness;
beforeAll(async () => {
	h = await createHarness();
});
afterAll(async () => await h.close());
beforeEach(() => h.sandbox.reset());

const thousand = Array.from({ length: 1000 }, (_, i) =>
	person(i, { amount: [10, 25, 50, 100][i % 4] }),
);
const combined = createParameters({ options: { combineItems: true, batchSize: 100 } });
// Answered pages only: a 401 after sandbox.reset() (stale token, then a refresh) is not a catalog read.
const catalogGets = () =>
	h.sandbox.requests().filter((e) => isCatalogGet(e) && e.status === 200).length;

/** Catalog GETs of one full walk of the branded catalog (a one-item run reads nothing else from it). */
async function oneWalk(): Promise<number> {
	h.sandbox.clearRequests();
	await h.run({ parameters: createParameters(), input: [person(0)] });
	const pages = catalogGets();
	h.sandbox.reset();
	return pages;
}

test('1,000 items combined in batches of 100: 10 order POSTs, 1,000 recipients; a re-run replays all 10', async () => {
	const walk = await oneWalk();
	expect(walk).toBeGreaterThanOrEqual(1);
	const credentialId = h.addCredential({}, { id: 'fresh-bulk' });

	const first = await h.run({ parameters: combined, input: thousand, credentialId });
	expect(first.error).toBeUndefined();
	expect(orderPosts(h.sandbox)).toHaveLength(10);
	const orders = h.sandbox.orders();
	expect(orders).toHaveLength(10);
	expect(orders.every((o) => o.recipients.length === 100)).toBe(true);
	expect(orders.reduce((n, o) => n + o.recipients.length, 0)).toBe(1000);
	expect(new Set(orders.flatMap((o) => o.recipients.map((r) => r.email))).size).toBe(1000);
	expect(orders[3].recipients[7]).toMatchObject({ email: 'person307@example.com', amount: 100 });
	expect(catalogGets()).toBe(walk);
	expect(h.sandbox.stats().tokenRequests).toBe(1);
	// Output Order with Combine Items: one item per order, paired to its 100 input rows.
	expect(first.items).toHaveLength(10);
	expect(first.items[1].pairedItem).toEqual(
		Array.from({ length: 100 }, (_, i) => ({ item: 100 + i })),
	);
	expect(first.json.every((j) => j.replayed === false)).toBe(true);

	h.sandbox.clearRequests();
	const again = await h.run({ parameters: combined, input: thousand, credentialId });
	expect(again.error).toBeUndefined();
	const posts = orderPosts(h.sandbox);
	expect(posts).toHaveLength(10);
	expect(posts.every((e) => e.outcome === 'replayed')).toBe(true);
	expect(again.json.every((j) => j.replayed === true)).toBe(true);
	expect(h.sandbox.orders().reduce((n, o) => n + o.recipients.length, 0)).toBe(1000);
	expect(catalogGets()).toBe(walk);
	expect(h.sandbox.stats().tokenRequests).toBe(0);
});

test('a re-run after a failure mid-run sends only the batches that were not sent', async () => {
	// Orders go out a few at a time: 503 on every attempt (3 orders x 4 attempts), so none is accepted.
	h.sandbox.injectFault({
		kind: 'unavailable',
		method: 'POST',
		path: '/api/v1/orders/',
		count: 12,
	});
	const input = thousand.slice(0, 300);
	const failed = await h.run({ parameters: combined, input });
	expect(failed.error?.message).toContain('503');
	expect(h.sandbox.orders()).toHaveLength(0);

	const sent = await h.run({ parameters: combined, input: input.slice(0, 200) });
	expect(sent.error).toBeUndefined();
	expect(h.sandbox.orders()).toHaveLength(2);
	h.sandbox.clearRequests();
	const full = await h.run({ parameters: combined, input });
	expect(full.error).toBeUndefined();
	expect(orderPosts(h.sandbox).map((e) => e.outcome)).toEqual(['replayed', 'replayed', 'created']);
	expect(h.sandbox.orders()).toHaveLength(3);
});

test('1,000 items combined with Output Recipients: one item per recipient, paired to its row', async () => {
	const r = await h.run({
		parameters: createParameters({
			options: { combineItems: true, batchSize: 250, output: 'recipients' },
		}),
		input: thousand,
	});
	expect(r.error).toBeUndefined();
	expect(orderPosts(h.sandbox)).toHaveLength(4);
	expect(r.items).toHaveLength(1000);
	expect(r.items.every((item, i) => (item.pairedItem as { item: number }).item === i)).toBe(true);
	expect(r.json[999]).toMatchObject({
		email: 'person999@example.com',
		orderId: h.sandbox.orders()[3].orderId,
	});
	expect(String(r.json[999].rewardLink)).toContain('/redeem/');
});

test('1,000 items, one order each: one catalog walk and one token for the whole run', async () => {
	const walk = await oneWalk();
	const credentialId = h.addCredential({}, { id: 'fresh-per-item' });
	const r = await h.run({ parameters: createParameters(), input: thousand, credentialId });
	expect(r.error).toBeUndefined();
	expect(orderPosts(h.sandbox)).toHaveLength(1000);
	expect(h.sandbox.orders()).toHaveLength(1000);
	expect(catalogGets()).toBe(walk);
	expect(h.sandbox.stats().tokenRequests).toBe(1);
});

test('tokens expired on the server while orders go out in parallel: one refresh, every order once', async () => {
	const credentialId = h.addCredential({}, { id: 'fresh-expiry' });
	await h.run({ parameters: createParameters(), input: [person(0)], credentialId });
	h.sandbox.clearRequests();
	h.sandbox.injectFault({ kind: 'expire-token', method: 'POST', path: '/api/v1/orders/' });
	const input = thousand.slice(1, 41);

	const r = await h.run({ parameters: createParameters(), input, credentialId });

	expect(r.error).toBeUndefined();
	expect(r.items).toHaveLength(40);
	expect(h.sandbox.orders()).toHaveLength(41);
	expect(h.sandbox.stats().tokenRequests).toBe(1);
	expect(orderPosts(h.sandbox).filter((e) => e.status === 401).length).toBeGreaterThanOrEqual(1);
});
