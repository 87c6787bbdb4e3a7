import { PollContext } from 'n8n-core';

import { createHarness, type Harness } from '../harness';
import { HOUR, TriggerDriver, create } from './driver';

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

beforeEach(() => {
	h.sandbox.reset({ lifecycle: instant });
});

afterEach(() => {
	jest.restoreAllMocks();
});

describe('a createdAt ahead of the server clock (one order stamped by a clock that was off)', () => {
	test.each([3 * HOUR, 2 * DAY])(
		'an order %i ms ahead does not make the orders after it look handled',
		async (aheadMs) => {
			for (let i = 0; i < 3; i++) create(h.sandbox);
			const trigger = new TriggerDriver(h);
			await trigger.activate();
			const ahead = create(h.sandbox).orderId;
			h.sandbox.configure({ createdAtShiftMs: { [ahead]: aheadMs } });
			h.sandbox.advanceClock(MINUTE);
			await trigger.poll();
			const after: string[] = [];
			for (let i = 0; i < 3; i++) {
				after.push(create(h.sandbox).orderId);
				h.sandbox.advanceClock(2 * MINUTE);
				await trigger.poll();
			}
			await trigger.poll();

			expect(trigger.emittedIds()).toEqual([ahead, ...after]);
		},
	);

	test('two orders stamped a day ahead (issue case 11) do not make the orders after them look handled', async () => {
		const trigger = new TriggerDriver(h);
		await trigger.activate();
		const ahead = [create(h.sandbox).orderId, create(h.sandbox).orderId];
		h.sandbox.configure({ createdAtShiftMs: { [ahead[0]]: DAY, [ahead[1]]: DAY } });
		h.sandbox.advanceClock(MINUTE);
		await trigger.poll();
		const after: string[] = [];
		for (let i = 0; i < 3; i++) {
			after.push(create(h.sandbox).orderId);
			h.sandbox.advanceClock(2 * MINUTE);
			await trigger.poll();
		}

		expect(trigger.emittedIds().sort()).toEqual([...ahead, ...after].sort());
	});

	test('an order ahead at activation does not hide the ones created after it', async () => {
		for (let i = 0; i < 3; i++) create(h.sandbox);
		const ahead = create(h.sandbox).orderId;
		h.sandbox.configure({ createdAtShiftMs: { [ahead]: DAY } });
		const trigger = new TriggerDriver(h);
		await trigger.activate();
		const after: string[] = [];
		for (let i = 0; i < 3; i++) {
			after.push(create(h.sandbox).orderId);
			h.sandbox.advanceClock(2 * MINUTE);
			await trigger.poll();
		}

		expect(trigger.emittedIds()).toEqual(after);
	});
});

describe('an order hidden at the moment a new one arrives (the count unchanged)', () => {
	test.each(['desc', 'asc'] as const)(
		'the new order is emitted once, within the next poll or two (list order %s)',
		async (listOrder) => {
			h.sandbox.reset({ lifecycle: instant, listOrder });
			const old = Array.from({ length: 8 }, () => create(h.sandbox).orderId);
			const trigger = new TriggerDriver(h, {}, { restarts: false });
			await trigger.activate();
			h.sandbox.advanceClock(MINUTE);
			await trigger.poll();
			h.sandbox.configure({ hiddenOrders: [old[2]] });
			const fresh = create(h.sandbox).orderId;

			h.sandbox.advanceClock(MINUTE);
			await trigger.poll();
			h.sandbox.advanceClock(MINUTE);
			await trigger.poll();

			expect(trigger.emittedIds()).toEqual([fresh]);
			h.sandbox.advanceClock(MINUTE);
			const idle = await trigger.pollCounting();
			expect(idle.result.items).toHaveLength(0);
			expect(idle.requests).toBe(1);
		},
	);
});

describe('a list that counts orders it never shows (the stall limit)', () => {
	test('the trigger says it gives up, in the n8n log and on the next emitted item, and drops nothing', async () => {
		// The logger every poll's context hands the node (n8n's own, quiet in tests).
		const warn = jest.fn();
		const quiet = () => undefined;
		const logger = { warn, debug: quiet, info: quiet, error: quiet, verbose: quiet };
		jest
			.spyOn(PollContext.prototype, 'logger', 'get')
			.mockReturnValue(logger as unknown as PollContext['logger']);
		const old = Array.from({ length: 5 }, () => create(h.sandbox).orderId);
		// One running workflow (n8n 2.8 writes static data to its database only after an emit).
		const trigger = new TriggerDriver(h, {}, { restarts: false });
		await trigger.activate();
		h.sandbox.configure({ listedTwice: [old[1]] });
		const during: string[] = [];
		for (let i = 0; i < 26; i++) {
			if (i === 3) during.push(create(h.sandbox).orderId);
			h.sandbox.advanceClock(MINUTE);
			await trigger.poll();
		}
		const later = create(h.sandbox).orderId;
		h.sandbox.advanceClock(MINUTE);
		const next = await trigger.poll();

		const gaveUp = /the order list counts 1 more order\(s\) than 20 polls could find in it/;
		expect(warn.mock.calls.some(([message]) => gaveUp.test(String(message)))).toBe(true);
		expect(trigger.emittedIds()).toEqual([...during, later]);
		const carrying = trigger.emitted.find((item) => item.triggerWarnings !== undefined);
		expect(carrying?.orderId).toBe(later);
		expect(String((carrying?.triggerWarnings as string[])[0])).toMatch(gaveUp);
		expect(next.items).toHaveLength(1);
	});
});
