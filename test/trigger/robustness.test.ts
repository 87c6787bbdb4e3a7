import { sleep } from 'n8n-workflow';

import type { RequestLogEntry } from '../sandbox';
import { createHarness, type Harness } from '../harness';
import { HOUR, TriggerDriver, create } from './driver';

const MINUTE = 60 * 1000;
const slow = { pendingMs: MINUTE, inProgressMs: MINUTE };
const instant = { pendingMs: 0, inProgressMs: 0 };

let h: Harness;
/** Runs after each answered API request: lets a test change the sandbox while a poll runs. */
let duringPoll: ((entry: RequestLogEntry) => void) | undefined;

beforeAll(async () => {
	h = await createHarness({ sandbox: { onRequest: (entry) => duringPoll?.(entry) } });
});

afterAll(async () => {
	await h.close();
});

beforeEach(() => {
	h.sandbox.reset({ lifecycle: slow });
});

afterEach(() => {
	duringPoll = undefined;
});

const ids = (items: Array<{ json: { orderId?: unknown } }>) =>
	items.map((item) => String(item.json.orderId)).sort();

describe('overlapping polls (n8n starts a poll per tick, even while the last one runs)', () => {
	test('two polls of the same trigger at once emit a completion once', async () => {
		const open = [create(h.sandbox), create(h.sandbox)];
		const trigger = new TriggerDriver(h, {}, { restarts: false });
		await trigger.activate();
		h.sandbox.advanceClock(3 * MINUTE);
		// The first poll's first request is slowed (a Retry-After wait, a slow server): the next tick starts meanwhile.
		h.sandbox.injectFault({ kind: 'delay', method: 'GET', path: '/api/v1/orders', ms: 400 });

		const [first, second] = await Promise.all([trigger.poll(), trigger.poll()]);
		const third = await trigger.poll();

		const all = [...first.items, ...second.items, ...third.items];
		expect(ids(all)).toEqual(open.map((o) => o.orderId).sort());
	});

	test('a poll that finds another one running leaves the state alone, and nothing is lost', async () => {
		const trigger = new TriggerDriver(h, {}, { restarts: false });
		await trigger.activate();
		const order = create(h.sandbox);
		h.sandbox.advanceClock(3 * MINUTE);
		h.sandbox.injectFault({ kind: 'delay', method: 'GET', path: '/api/v1/orders', ms: 300 });
		const running = trigger.poll();
		await sleep(50);
		h.sandbox.clearRequests();

		const overlapping = await trigger.poll();

		expect(overlapping.response).toBeNull();
		expect(h.sandbox.requests()).toHaveLength(0);
		expect(ids((await running).items)).toEqual([order.orderId]);
		expect((await trigger.poll()).items).toHaveLength(0);
	});

	test('Include Full Order GETs stay within the poll budget; the rest come next poll, once', async () => {
		const trigger = new TriggerDriver(
			h,
			{ options: { includeFullOrder: true } },
			{ restarts: false, pollBudgetMs: 1500 },
		);
		await trigger.activate();
		const orders = Array.from({ length: 6 }, () => create(h.sandbox));
		h.sandbox.advanceClock(3 * MINUTE);
		h.sandbox.injectFault({
			kind: 'delay',
			method: 'GET',
			path: '/api/v1/orders/OT',
			ms: 500,
			count: 20,
		});

		const started = Date.now();
		const first = await trigger.poll();
		const elapsed = Date.now() - started;
		expect(elapsed).toBeLessThan(2500);
		expect(first.items.length).toBeLessThan(orders.length);
		for (let i = 0; i < 5 && trigger.emitted.length < orders.length; i++) await trigger.poll();

		expect(trigger.emittedIds().sort()).toEqual(orders.map((o) => o.orderId).sort());
		expect(trigger.emitted.every((order) => Array.isArray(order.recipients))).toBe(true);
	});
});

describe('Include Full Order when an order cannot be fetched', () => {
	test.each([403, 404] as const)(
		'GET answering %s: the order is emitted without the full order, with the reason',
		async (httpCode) => {
			const trigger = new TriggerDriver(h, { options: { includeFullOrder: true } });
			await trigger.activate();
			const denied = create(h.sandbox);
			const fine = create(h.sandbox);
			h.sandbox.configure({ orderGetErrors: { [denied.orderId]: httpCode } });
			h.sandbox.advanceClock(3 * MINUTE);

			const result = await trigger.poll();

			expect(ids(result.items)).toEqual([denied.orderId, fine.orderId].sort());
			const deniedItem = result.items.find((item) => item.json.orderId === denied.orderId)!;
			expect(deniedItem.json.status).toBe('COMPLETE');
			expect(deniedItem.json.recipients).toBeUndefined();
			expect(deniedItem.json.fullOrderError).toMatchObject({ httpCode: String(httpCode) });
			expect(String((deniedItem.json.fullOrderError as { message: string }).message)).toMatch(
				/could not be fetched/,
			);
			expect((await trigger.poll()).items).toHaveLength(0);
		},
	);
});

describe('activation race', () => {
	test('orders created while activation is listing are watched and their completion emitted', async () => {
		for (let i = 0; i < 3; i++) create(h.sandbox);
		const during: string[] = [];
		duringPoll = (entry) => {
			// After every answered list request of the activation (so after its first count), a new
			// order arrives: open, then complete at once, alternately.
			if (entry.path !== '/api/v1/orders' || entry.status !== 200 || during.length >= 6) return;
			h.sandbox.configure({ lifecycle: during.length % 2 ? instant : slow });
			during.push(create(h.sandbox).orderId);
		};
		const trigger = new TriggerDriver(h);
		await trigger.activate();
		duringPoll = undefined;
		h.sandbox.configure({ lifecycle: slow });

		for (let i = 0; i < 3; i++) {
			h.sandbox.advanceClock(2 * MINUTE);
			await trigger.poll();
		}

		const emitted = trigger.emittedIds();
		expect(new Set(emitted).size).toBe(emitted.length);
		expect(emitted.sort()).toEqual(
			h.sandbox
				.orders()
				.filter((o) => o.status === 'COMPLETE')
				.map((o) => o.orderId)
				.sort(),
		);
		expect(during.length).toBeGreaterThanOrEqual(4);
		expect(emitted).toEqual(expect.arrayContaining(during));
	});
});

describe('activation race in a list longer than a page (issue case 9)', () => {
	test('an order created while the activation counts an oldest-first list of 141 is emitted once', async () => {
		h.sandbox.reset({ lifecycle: instant, listOrder: 'asc' });
		for (let i = 0; i < 141; i++) create(h.sandbox);
		let during: string | undefined;
		duringPoll = (entry) => {
			// Right after the count's first page: a moment later (the server's clock moves on), an
			// order is created and completes at once.
			if (entry.path !== '/api/v1/orders' || entry.status !== 200 || during) return;
			h.sandbox.advanceClock(2000);
			during = create(h.sandbox).orderId;
		};
		const trigger = new TriggerDriver(h);
		await trigger.activate();
		duringPoll = undefined;

		for (let i = 0; i < 3; i++) {
			h.sandbox.advanceClock(2 * MINUTE);
			await trigger.poll();
		}

		expect(h.sandbox.order(during!)?.status).toBe('COMPLETE');
		expect(trigger.emittedIds()).toEqual([during]);
	});
});

describe('activation race within the same server second (issue case 9)', () => {
	test.each(['desc', 'asc', 'shuffled'] as const)(
		'orders created while the activation counts a %s list of 141, in the second it began, are emitted once',
		async (listOrder) => {
			h.sandbox.reset({ lifecycle: instant, listOrder });
			for (let i = 0; i < 141; i++) create(h.sandbox);
			const during: string[] = [];
			duringPoll = (entry) => {
				// After each of the activation's first list answers, without the server's clock moving
				// on to the next second (its Date header is the same): an order arrives, complete at once.
				if (entry.path !== '/api/v1/orders' || entry.status !== 200 || during.length >= 3) return;
				during.push(create(h.sandbox).orderId);
			};
			const trigger = new TriggerDriver(h);
			await trigger.activate({ sameSecond: true });
			duringPoll = undefined;

			for (let i = 0; i < 3; i++) {
				h.sandbox.advanceClock(2 * MINUTE);
				await trigger.poll();
			}

			const emitted = trigger.emittedIds();
			expect(new Set(emitted).size).toBe(emitted.length);
			expect(during).toHaveLength(3);
			// Newest first, the first page shows what existed when activation began.
			if (listOrder === 'desc') expect(emitted.sort()).toEqual([...during].sort());
			expect(emitted).toEqual(expect.arrayContaining(during));
		},
	);

	test('orders from before the second activation began in are not emitted, on a list of 141 in any order', async () => {
		for (const listOrder of ['desc', 'asc', 'shuffled'] as const) {
			h.sandbox.reset({ lifecycle: instant, listOrder });
			for (let i = 0; i < 141; i++) create(h.sandbox);
			const trigger = new TriggerDriver(h);
			await trigger.activate();
			for (let i = 0; i < 3; i++) {
				h.sandbox.advanceClock(2 * MINUTE);
				await trigger.poll();
			}
			expect({ listOrder, emitted: trigger.emittedIds() }).toEqual({ listOrder, emitted: [] });
		}
	});
});

describe('a list that shrinks (orders hidden or archived)', () => {
	test.each(['desc', 'asc'] as const)(
		'hidden orders do not make new ones look handled (list order %s)',
		async (listOrder) => {
			h.sandbox.reset({ lifecycle: instant, listOrder });
			const old = Array.from({ length: 150 }, () => create(h.sandbox).orderId);
			const trigger = new TriggerDriver(h, {}, { restarts: false });
			await trigger.activate();
			h.sandbox.advanceClock(MINUTE);
			const fresh = [create(h.sandbox).orderId];
			h.sandbox.configure({ hiddenOrders: old.slice(0, 3) });
			fresh.push(create(h.sandbox).orderId);

			for (let i = 0; i < 5; i++) {
				h.sandbox.advanceClock(MINUTE);
				await trigger.poll();
			}

			expect(trigger.emittedIds().sort()).toEqual(fresh.sort());
		},
	);

	test('a shrink at a multiple of 100 is seen, so the next new order is emitted', async () => {
		h.sandbox.reset({ lifecycle: instant });
		const old = Array.from({ length: 100 }, () => create(h.sandbox).orderId);
		// One running workflow: n8n 2.8 writes static data to its database only after an emit.
		const trigger = new TriggerDriver(h, {}, { restarts: false });
		await trigger.activate();
		h.sandbox.configure({ hiddenOrders: [old[40]] });
		h.sandbox.advanceClock(MINUTE);
		expect((await trigger.poll()).items).toHaveLength(0);
		const fresh = create(h.sandbox).orderId;

		for (let i = 0; i < 3; i++) {
			h.sandbox.advanceClock(MINUTE);
			await trigger.poll();
		}

		expect(trigger.emittedIds()).toEqual([fresh]);
	});
});

describe('timestamps the trigger cannot take at face value', () => {
	test.each(['epoch', 'bracket', 'zoneless'] as const)(
		'createdAt as %s: every order once, and the window moves on (saved data stays small)',
		async (createdAtFormat) => {
			h.sandbox.reset({ lifecycle: instant, createdAtFormat });
			const trigger = new TriggerDriver(h);
			await trigger.activate();
			const fresh: string[] = [];
			for (let day = 0; day < 4; day++) {
				for (let i = 0; i < 5; i++) fresh.push(create(h.sandbox).orderId);
				h.sandbox.advanceClock(8 * HOUR);
				await trigger.poll();
				h.sandbox.advanceClock(16 * HOUR);
				await trigger.poll();
			}
			expect(trigger.emittedIds().sort()).toEqual(fresh.sort());
			const windowDay = String(trigger.nodeState.w);
			const today = new Date(h.sandbox.now()).toISOString().slice(0, 10);
			expect(Date.parse(today) - Date.parse(windowDay)).toBeLessThanOrEqual(2 * 24 * HOUR);
			expect(trigger.nodeState.c).not.toBeNull();
		},
	);

	test('an unreadable createdAt fails the poll loudly, naming the order', async () => {
		const trigger = new TriggerDriver(h);
		await trigger.activate();
		h.sandbox.configure({ createdAtFormat: 'unreadable' });
		const order = create(h.sandbox);

		await expect(trigger.poll()).rejects.toThrow(
			`Giftronaut listed order ${order.orderId} with a createdAt the trigger cannot read: "n/a"`,
		);
	});
});

describe('a server that answers a page past the end with the last page', () => {
	test.each([150, 200])(
		'%i orders: new orders are emitted once, hidden ones do not blind it',
		async (existing) => {
			h.sandbox.reset({ lifecycle: instant, clampPages: true });
			const old = Array.from({ length: existing }, () => create(h.sandbox).orderId);
			const trigger = new TriggerDriver(h, {}, { restarts: false });
			await trigger.activate();
			const fresh = [create(h.sandbox).orderId];
			h.sandbox.advanceClock(MINUTE);
			await trigger.poll();
			h.sandbox.configure({ hiddenOrders: old.slice(0, 2) });
			h.sandbox.advanceClock(MINUTE);
			await trigger.poll();
			fresh.push(create(h.sandbox).orderId);
			for (let i = 0; i < 3; i++) {
				h.sandbox.advanceClock(MINUTE);
				await trigger.poll();
			}
			expect(trigger.emittedIds().sort()).toEqual(fresh.sort());
		},
	);
});

describe('zone-less local time across the end of daylight saving', () => {
	test('an order whose wall-clock time went back an hour is still emitted', async () => {
		// Sydney leaves daylight saving on 2027-04-04 at 03:00 local (16:00 UTC the day before).
		h.sandbox.reset({
			lifecycle: instant,
			createdAtFormat: 'zoneless',
			createdAtZone: 'Australia/Sydney',
		});
		h.sandbox.advanceClock(Date.parse('2027-04-03T15:20:00Z') - h.sandbox.now());
		const trigger = new TriggerDriver(h);
		await trigger.activate();
		const before = create(h.sandbox).orderId; // 02:20 daylight time
		h.sandbox.advanceClock(5 * MINUTE);
		await trigger.poll();
		h.sandbox.advanceClock(50 * MINUTE);
		const after = create(h.sandbox).orderId; // 02:15 standard time: earlier on the wall clock
		h.sandbox.advanceClock(MINUTE);
		await trigger.poll();
		await trigger.poll();

		expect(trigger.emittedIds()).toEqual([before, after]);
	});
});

describe('a 429 during a poll (issue: the wait stays within the poll budget)', () => {
	test('a long Retry-After fails the poll instead of outwaiting its budget; the next poll emits once', async () => {
		const trigger = new TriggerDriver(h, {}, { restarts: false, pollBudgetMs: 1000 });
		await trigger.activate();
		const order = create(h.sandbox);
		h.sandbox.advanceClock(3 * MINUTE);
		h.sandbox.injectFault({
			kind: 'rate-limit',
			method: 'GET',
			path: '/api/v1/orders',
			retryAfterSeconds: 7,
		});

		// 7 s is more than this poll may wait (its 1 s budget, at least 5 s): it fails at once, state kept.
		await expect(trigger.poll()).rejects.toThrow(/HTTP 429 RATE_LIMITED/);
		await sleep(7500);
		const next = await trigger.poll();
		const after = await trigger.poll();

		expect(ids(next.items)).toEqual([order.orderId]);
		expect(after.items).toEqual([]);
	}, 30_000);
});
