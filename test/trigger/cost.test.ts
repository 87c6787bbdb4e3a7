import { createHarness, type Harness } from '../harness';
import { HOUR, TriggerDriver, create, scheduledBody } from './driver';

const MINUTE = 60 * 1000;
const DAY = 24 * HOUR;
const instant = { pendingMs: 0, inProgressMs: 0 };
const slow = { pendingMs: 10 * MINUTE, inProgressMs: 0 };

let h: Harness;

beforeAll(async () => {
	h = await createHarness();
});

afterAll(async () => {
	await h.close();
});

describe.each(['desc', 'asc', 'shuffled'] as const)('request cost (list order %s)', (listOrder) => {
	beforeEach(() => {
		h.sandbox.reset({ lifecycle: instant, listOrder });
	});

	test('an idle poll costs one request, and two while orders are open, whatever the history', async () => {
		for (let i = 0; i < 2500; i++) create(h.sandbox);
		const trigger = new TriggerDriver(h, {}, { restarts: false });
		await trigger.activate();
		const fresh = Array.from({ length: 250 }, () => create(h.sandbox).orderId);
		// A list served in random order may hide a few new orders from one poll: they come next time.
		for (let i = 0; i < 5 && trigger.emitted.length < fresh.length; i++) await trigger.poll();
		expect(trigger.emittedIds().sort()).toEqual(fresh.sort());

		expect((await trigger.pollCounting()).requests).toBe(1);
		expect((await trigger.pollCounting()).requests).toBe(1);

		const scheduled = [1, 2, 3].map((d) => create(h.sandbox, scheduledBody(h.sandbox, d * DAY)));
		await trigger.poll();
		const idle = await trigger.pollCounting();
		expect(idle.result.items).toHaveLength(0);
		expect(idle.requests).toBe(2);
		h.sandbox.advanceClock(DAY + HOUR);
		expect((await trigger.poll()).items.map((i) => i.json.orderId)).toEqual([scheduled[0].orderId]);
		expect((await trigger.pollCounting()).requests).toBe(2);
	});

	test('a poll with K = 10 completions among 20 open orders costs a handful of requests', async () => {
		for (let i = 0; i < 500; i++) create(h.sandbox);
		h.sandbox.configure({ lifecycle: slow });
		const open = Array.from({ length: 20 }, () => create(h.sandbox));
		const trigger = new TriggerDriver(h, {}, { restarts: false });
		await trigger.activate();
		await trigger.poll();
		for (const order of open.slice(0, 10)) h.sandbox.setOrderStatus(order.orderId, 'COMPLETE');

		const { result, requests } = await trigger.pollCounting();

		expect(result.items.map((i) => i.json.orderId).sort()).toEqual(
			open
				.slice(0, 10)
				.map((o) => o.orderId)
				.sort(),
		);
		// +1: a count at a multiple of 100 is checked with a second page size (a shrink there is seen)
		expect(requests).toBeLessThanOrEqual(listOrder === 'shuffled' ? 7 + 10 : 7);
		expect((await trigger.pollCounting()).requests).toBe(2);
	});

	test('a poll with K = 10 orders created and completed since the last poll costs a handful of requests', async () => {
		for (let i = 0; i < 500; i++) create(h.sandbox);
		const trigger = new TriggerDriver(h, {}, { restarts: false });
		await trigger.activate();
		await trigger.poll();
		const fresh = Array.from({ length: 10 }, () => create(h.sandbox));

		const { result, requests } = await trigger.pollCounting();
		for (let i = 0; i < 5 && trigger.emitted.length < fresh.length; i++) await trigger.poll();

		expect(trigger.emittedIds().sort()).toEqual(fresh.map((o) => o.orderId).sort());
		if (listOrder !== 'shuffled') {
			expect(result.items).toHaveLength(10);
			// the window count (two requests at a multiple of 100, or when the list's end moved to a
			// later page: the page before is checked, against servers that clamp pages), the COMPLETE
			// count, page 1 or the last page, a final count check
			expect(requests).toBeLessThanOrEqual(7);
		}
		expect((await trigger.pollCounting()).requests).toBe(1);
	});
});

test('static data stays under 64 KiB after 100,000 completed orders', async () => {
	h.sandbox.reset({ lifecycle: instant });
	const trigger = new TriggerDriver(h, {}, { restarts: false });
	await trigger.activate();
	const total = 100_000;
	let emitted = 0;
	let polls = 0;
	for (let created = 0; created < total; ) {
		for (let i = 0; i < 10_000; i++, created++) create(h.sandbox);
		h.sandbox.advanceClock(2 * HOUR);
		const { result } = await trigger.pollCounting();
		emitted += result.items.length;
		polls++;
	}
	for (let drained = false; !drained; polls++) {
		const { result } = await trigger.pollCounting();
		emitted += result.items.length;
		drained = result.items.length === 0;
	}

	expect(emitted).toBe(total);
	expect(JSON.stringify(trigger.nodeState).length).toBeLessThanOrEqual(65_536);
	expect((await trigger.pollCounting()).requests).toBe(1);
}, 120_000);
