import { NodeOperationError } from 'n8n-workflow';

import { createHarness, type Harness } from '../harness';
import { HOUR, TriggerDriver, brandedBody, choiceBody, create, scheduledBody } from './driver';

const MINUTE = 60 * 1000;
const DAY = 24 * HOUR;

let h: Harness;

beforeAll(async () => {
	h = await createHarness();
});

afterAll(async () => {
	await h.close();
});

beforeEach(() => {
	h.sandbox.reset({ lifecycle: { pendingMs: MINUTE, inProgressMs: MINUTE } });
});

describe('Giftronaut Trigger: Order Completed', () => {
	test('first activation records the current state and emits nothing', async () => {
		h.sandbox.configure({ lifecycle: { pendingMs: 0, inProgressMs: 0 } });
		const done = [create(h.sandbox), create(h.sandbox)];
		h.sandbox.configure({ lifecycle: { pendingMs: MINUTE, inProgressMs: MINUTE } });
		create(h.sandbox);
		const trigger = new TriggerDriver(h);

		const activation = await trigger.activate();

		expect(done.map((o) => h.sandbox.order(o.orderId)?.status)).toEqual(['COMPLETE', 'COMPLETE']);
		expect(activation.response).toBeNull();
		expect(activation.emitted).toBe(false);
		const again = await trigger.poll();
		expect(again.response).toBeNull();
	});

	test('orders open at activation that complete later are emitted once', async () => {
		const open = [create(h.sandbox), create(h.sandbox), create(h.sandbox)];
		const trigger = new TriggerDriver(h);
		await trigger.activate();
		expect((await trigger.poll()).items).toHaveLength(0);

		h.sandbox.advanceClock(3 * MINUTE);
		const result = await trigger.poll();

		expect(result.items.map((i) => i.json.orderId).sort()).toEqual(
			open.map((o) => o.orderId).sort(),
		);
		expect(result.items.every((i) => i.json.status === 'COMPLETE')).toBe(true);
		expect((await trigger.poll()).items).toHaveLength(0);
		expect((await trigger.poll()).items).toHaveLength(0);
	});

	test('orders created after activation are emitted when they complete, even between two polls', async () => {
		const trigger = new TriggerDriver(h);
		await trigger.activate();
		const slow = create(h.sandbox);
		expect((await trigger.poll()).items).toHaveLength(0);
		h.sandbox.configure({ lifecycle: { pendingMs: 0, inProgressMs: 0 } });
		const instant = create(h.sandbox);

		const first = await trigger.poll();
		expect(first.items.map((i) => i.json.orderId)).toEqual([instant.orderId]);

		h.sandbox.advanceClock(3 * MINUTE);
		const second = await trigger.poll();
		expect(second.items.map((i) => i.json.orderId)).toEqual([slow.orderId]);
		expect((await trigger.poll()).items).toHaveLength(0);
	});

	test('a scheduled order created three days before it completes is emitted when it completes', async () => {
		const beforeActivation = create(h.sandbox, scheduledBody(h.sandbox, 3 * DAY));
		const trigger = new TriggerDriver(h);
		await trigger.activate();
		const afterActivation = create(h.sandbox, scheduledBody(h.sandbox, 3 * DAY + HOUR));
		await trigger.poll();
		for (let day = 0; day < 3; day++) {
			h.sandbox.advanceClock(DAY);
			create(h.sandbox); // other traffic, so the window moves on
			expect((await trigger.poll()).items.map((i) => i.json.orderId)).not.toContain(
				beforeActivation.orderId,
			);
		}
		h.sandbox.advanceClock(10 * MINUTE);
		expect(h.sandbox.order(beforeActivation.orderId)?.status).toBe('COMPLETE');
		const result = await trigger.poll();
		const ids = result.items.map((i) => i.json.orderId);
		expect(ids).toContain(beforeActivation.orderId);
		expect(ids).not.toContain(afterActivation.orderId);

		h.sandbox.advanceClock(2 * HOUR);
		const later = await trigger.poll();
		expect(later.items.map((i) => i.json.orderId)).toContain(afterActivation.orderId);
		expect(later.items.map((i) => i.json.orderId)).not.toContain(beforeActivation.orderId);
	});

	test('canceled orders are never emitted as completed', async () => {
		const trigger = new TriggerDriver(h);
		await trigger.activate();
		const canceled = create(h.sandbox);
		const completed = create(h.sandbox);
		await trigger.poll();
		h.sandbox.setOrderStatus(canceled.orderId, 'CANCELED');
		const canceledUnseen = create(h.sandbox);
		h.sandbox.setOrderStatus(canceledUnseen.orderId, 'CANCELED');
		h.sandbox.advanceClock(3 * MINUTE);

		const result = await trigger.poll();

		expect(result.items.map((i) => i.json.orderId)).toEqual([completed.orderId]);
		expect((await trigger.poll()).items).toHaveLength(0);
	});

	test('Include Full Order adds recipients with their reward links', async () => {
		const trigger = new TriggerDriver(h, { options: { includeFullOrder: true } });
		await trigger.activate();
		const order = create(h.sandbox);
		h.sandbox.advanceClock(3 * MINUTE);

		const result = await trigger.poll();

		expect(result.items).toHaveLength(1);
		const recipients = result.items[0].json.recipients as Array<{ rewardLink: string | null }>;
		expect(result.items[0].json.orderId).toBe(order.orderId);
		expect(recipients).toHaveLength(1);
		expect(recipients[0].rewardLink).toMatch(/\/redeem\//);
	});

	test('without Include Full Order the list summary is emitted', async () => {
		const trigger = new TriggerDriver(h);
		await trigger.activate();
		create(h.sandbox);
		h.sandbox.advanceClock(3 * MINUTE);
		const result = await trigger.poll();
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.recipients).toBeUndefined();
		expect(result.items[0].json.totalCost).toEqual({ amount: 10, currency: 'USD' });
	});

	test('the card type filter only emits matching orders', async () => {
		const trigger = new TriggerDriver(h, { filters: { cardType: 'CHOICE_CARD' } });
		await trigger.activate();
		create(h.sandbox, brandedBody());
		const choice = h.sandbox.createOrder(choiceBody()).order;
		h.sandbox.advanceClock(3 * MINUTE);
		const result = await trigger.poll();
		expect(result.items.map((i) => i.json.orderId)).toEqual([choice.orderId]);
	});

	test('an invalid filter value fails the poll with a message naming the field', async () => {
		const result = await h.poll({ filters: { cardType: 'GOLD_CARD' } }, { staticData: {} });
		expect(result.emitError).toBeInstanceOf(NodeOperationError);
		expect(result.emitError?.message).toMatch(/Card Type "GOLD_CARD" is not valid/);
	});
});

describe('Giftronaut Trigger: Order Canceled', () => {
	test('emits canceled orders once and never completed ones', async () => {
		const trigger = new TriggerDriver(h, { event: 'orderCanceled' });
		const openAtActivation = create(h.sandbox);
		await trigger.activate();
		const canceled = create(h.sandbox);
		const completes = create(h.sandbox);
		await trigger.poll();
		h.sandbox.setOrderStatus(canceled.orderId, 'CANCELED');
		h.sandbox.setOrderStatus(openAtActivation.orderId, 'CANCELED');
		h.sandbox.advanceClock(3 * MINUTE);

		const result = await trigger.poll();

		expect(result.items.map((i) => i.json.orderId).sort()).toEqual(
			[canceled.orderId, openAtActivation.orderId].sort(),
		);
		expect(result.items.every((i) => i.json.status === 'CANCELED')).toBe(true);
		expect(h.sandbox.order(completes.orderId)?.status).toBe('COMPLETE');
		expect((await trigger.poll()).items).toHaveLength(0);
	});
});

describe('Giftronaut Trigger: Fetch Test Event (manual mode)', () => {
	test('returns the newest completed orders and leaves static data untouched', async () => {
		h.sandbox.configure({ lifecycle: { pendingMs: 0, inProgressMs: 0 } });
		const orders = [];
		for (let i = 0; i < 5; i++) {
			orders.push(create(h.sandbox));
			h.sandbox.advanceClock(1000);
		}
		const trigger = new TriggerDriver(h);
		await trigger.activate();
		const before = JSON.stringify(trigger.saved);

		const result = await h.poll({}, { mode: 'manual', staticData: trigger.saved });

		expect(result.items.map((i) => i.json.orderId)).toEqual(
			orders
				.slice(-3)
				.reverse()
				.map((o) => o.orderId),
		);
		expect(JSON.stringify(result.staticData)).toBe(before);
		expect(JSON.stringify(result.savedStaticData)).toBe(before);
	});

	test('with no completed order yet it says so', async () => {
		create(h.sandbox);
		await expect(h.poll({}, { mode: 'manual', staticData: {} })).rejects.toThrow(
			'No completed orders match this trigger yet',
		);
	});
});

describe('Giftronaut Trigger against a server that ignores page', () => {
	test('fails loudly within a few requests instead of walking a phantom list', async () => {
		h.sandbox.reset({ ignorePaging: true, lifecycle: { pendingMs: MINUTE, inProgressMs: MINUTE } });
		const trigger = new TriggerDriver(h);
		await trigger.activate();
		for (let i = 0; i < 150; i++) create(h.sandbox);
		h.sandbox.advanceClock(3 * MINUTE);
		h.sandbox.clearRequests();

		await expect(trigger.poll()).rejects.toThrow(
			/returned the same 100 orders for pages \d+ and \d+ of GET \/api\/v1\/orders: the server ignores the page parameter/,
		);
		expect(h.sandbox.requests().length).toBeLessThanOrEqual(5);
	});
});
