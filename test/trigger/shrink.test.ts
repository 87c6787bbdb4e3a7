import { createHarness, type Harness } from '../harness';
import { HOUR, TriggerDriver, create, scheduledBody } from './driver';

/*
 * A window longer than a page that loses orders (hidden, archived) while new ones arrive
 * (issue case 10; the shorter list is in trust.test.ts): nothing new is missed or repeated.
 */

const MINUTE = 60 * 1000;
const DAY = 24 * HOUR;
const instant = { pendingMs: 0, inProgressMs: 0 };

let h: Harness;

beforeAll(async () => {
	h = await createHarness();
});

afterAll(async () => {
	await h.close();
});

describe('an order hidden as a new one arrives in a list longer than a page (issue case 10)', () => {
	const cases = [
		['desc', 'on page 1', 225],
		['desc', 'on a middle page', 110],
		['desc', 'on the last page', 5],
		['asc', 'on page 1', 5],
		['asc', 'on the last page', 225],
		['shuffled', 'anywhere', 110],
	] as const;
	describe.each([false, true])('with an order open: %s', (withOpen) => {
		test.each(cases)(
			'list order %s, the hidden order %s: the new order is emitted once',
			async (listOrder, _where, hiddenIndex) => {
				h.sandbox.reset({ lifecycle: instant, listOrder });
				// 230 orders, created oldest first: in a newest-first list old[229] is on page 1.
				const old = Array.from({ length: 230 }, () => create(h.sandbox).orderId);
				const open = withOpen ? create(h.sandbox, scheduledBody(h.sandbox, 3 * DAY)) : undefined;
				const trigger = new TriggerDriver(h, {}, { restarts: false });
				await trigger.activate();
				for (let i = 0; i < 3; i++) {
					h.sandbox.advanceClock(MINUTE);
					await trigger.poll();
				}
				h.sandbox.configure({ hiddenOrders: [old[hiddenIndex]] });
				const fresh = create(h.sandbox).orderId;

				// A list served in random order shows a given order on a given page only now and then.
				const polls = listOrder === 'shuffled' ? 12 : 4;
				for (let i = 0; i < polls; i++) {
					h.sandbox.advanceClock(MINUTE);
					await trigger.poll();
				}

				expect(trigger.emittedIds()).toEqual([fresh]);
				for (let i = 0; i < 3; i++) {
					h.sandbox.advanceClock(MINUTE);
					const idle = await trigger.pollCounting();
					expect(idle.result.items).toHaveLength(0);
					expect(idle.requests).toBeLessThanOrEqual(2);
				}
				// The count is trusted again: the next new order comes without a recount, and nothing was given up on.
				const later = create(h.sandbox).orderId;
				for (let i = 0; i < polls; i++) {
					h.sandbox.advanceClock(MINUTE);
					await trigger.poll();
				}
				expect(trigger.emittedIds()).toEqual([fresh, later]);
				expect(trigger.emitted.some((item) => item.triggerWarnings !== undefined)).toBe(false);
				if (open) expect(h.sandbox.order(open.orderId)?.status).toBe('PENDING');
			},
		);
	});
});

describe('a clamping server, a list that shrinks to a multiple of 100 (its last page full)', () => {
	test.each(['asc', 'desc'] as const)(
		'list order %s: the shrink is seen, not taken for a server that ignores page; new orders come once',
		async (listOrder) => {
			h.sandbox.reset({ lifecycle: instant, clampPages: true, listOrder });
			const old = Array.from({ length: 200 }, () => create(h.sandbox).orderId);
			const trigger = new TriggerDriver(h, {}, { restarts: false });
			await trigger.activate();
			const fresh = [create(h.sandbox).orderId];
			h.sandbox.advanceClock(MINUTE);
			await trigger.poll();
			// 201 orders counted, 200 listed: the page where 201 would end is answered with page 2.
			h.sandbox.configure({ hiddenOrders: [old[150]] });
			h.sandbox.advanceClock(MINUTE);
			await trigger.poll();
			fresh.push(create(h.sandbox).orderId);
			h.sandbox.configure({ hiddenOrders: [old[150], old[20]] });
			for (let i = 0; i < 3; i++) {
				h.sandbox.advanceClock(MINUTE);
				await trigger.poll();
			}
			fresh.push(create(h.sandbox).orderId);
			for (let i = 0; i < 3; i++) {
				h.sandbox.advanceClock(MINUTE);
				await trigger.poll();
			}

			expect(trigger.emittedIds()).toEqual(fresh);
		},
	);
});
