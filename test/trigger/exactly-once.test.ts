import type { RequestLogEntry } from '../sandbox';
import { createHarness, type Harness } from '../harness';
import { HOUR, TriggerDriver, create } from './driver';

const DAY = 24 * HOUR;
const TOTAL_ORDERS = 1000;

let h: Harness;
/** Runs after each answered API request: lets a test create orders while a poll is paging. */
let duringPoll: ((entry: RequestLogEntry) => void) | undefined;

beforeAll(async () => {
	h = await createHarness({ sandbox: { onRequest: (entry) => duringPoll?.(entry) } });
});

afterAll(async () => {
	await h.close();
});

afterEach(() => {
	duringPoll = undefined;
});

/** Small deterministic PRNG, so a failure can be replayed. */
function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

function pickSome<T>(items: T[], count: number, rand: () => number): T[] {
	const copy = [...items];
	const picked: T[] = [];
	while (picked.length < count && copy.length)
		picked.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
	return picked;
}

const LIST_ORDERS = ['desc', 'asc', 'shuffled'] as const;

const CLOCK_STEPS = [
	['polls hours apart (the window moves over days)', 8 * HOUR],
	['polls a second apart (one ever-growing day)', 1000],
] as const;

describe.each(LIST_ORDERS)('list order %s', (listOrder) => {
	describe.each(CLOCK_STEPS)('%s', (_label, maxStepMs) => {
		test.each(['orderCompleted', 'orderCanceled'] as const)(
			'%s: 1,000 orders finishing in random order across restarts are each emitted exactly once',
			async (event) => {
				const target = event === 'orderCompleted' ? 'COMPLETE' : 'CANCELED';
				const rand = random(listOrder.length * 7919 + event.length * 31 + maxStepMs);
				const slow = { pendingMs: 40 * DAY, inProgressMs: 0 };
				const instant = { pendingMs: 0, inProgressMs: 0 };
				h.sandbox.reset({ lifecycle: slow, listOrder });
				let created = 0;
				const createOne = (lifecycle = slow) => {
					h.sandbox.configure({ lifecycle });
					created++;
					return create(h.sandbox).orderId;
				};
				// History before activation: finished orders (never emitted) and open ones (emitted when they finish).
				const finishedBefore = new Set<string>();
				for (let i = 0; i < 40; i++) finishedBefore.add(createOne(instant));
				for (const id of pickSome([...finishedBefore], 10, rand))
					h.sandbox.setOrderStatus(id, 'CANCELED');
				let open: string[] = [];
				for (let i = 0; i < 30; i++) open.push(createOne());

				const trigger = new TriggerDriver(h, { event });
				await trigger.activate();

				let arrivalsLeft = 0;
				duringPoll = (entry) => {
					if (arrivalsLeft > 0 && entry.path === '/api/v1/orders') {
						arrivalsLeft--;
						open.push(createOne(rand() < 0.3 ? instant : slow));
					}
				};
				let polls = 0;
				while (
					created < TOTAL_ORDERS ||
					open.some((id) => !['COMPLETE', 'CANCELED'].includes(String(h.sandbox.order(id)?.status)))
				) {
					const room = TOTAL_ORDERS - created;
					for (let i = Math.min(room, Math.floor(rand() * 40)); i > 0; i--) {
						open.push(createOne(rand() < 0.25 ? instant : slow));
					}
					open = open.filter(
						(id) => !['COMPLETE', 'CANCELED'].includes(String(h.sandbox.order(id)?.status)),
					);
					const finishing = created >= TOTAL_ORDERS ? open.length : Math.floor(rand() * 45);
					for (const id of pickSome(open, finishing, rand)) {
						h.sandbox.setOrderStatus(id, rand() < 0.15 ? 'CANCELED' : 'COMPLETE');
					}
					arrivalsLeft = Math.min(TOTAL_ORDERS - created, Math.floor(rand() * 4));
					h.sandbox.advanceClock(Math.floor(rand() * maxStepMs));
					await trigger.poll();
					polls++;
					expect(polls).toBeLessThan(400);
				}
				duringPoll = undefined;
				for (let i = 0; i < 3; i++) await trigger.poll();

				const expected = h.sandbox
					.orders()
					.filter((order) => order.status === target && !finishedBefore.has(order.orderId))
					.map((order) => order.orderId)
					.sort();
				const emitted = trigger.emittedIds().sort();
				expect(new Set(emitted).size).toBe(emitted.length);
				expect(emitted).toEqual(expected);
				expect(trigger.emitted.every((order) => order.status === target)).toBe(true);
				expect(expected.length).toBeGreaterThan(event === 'orderCompleted' ? 700 : 60);
				expect(created).toBe(TOTAL_ORDERS);
			},
			120_000,
		);
	});
});
