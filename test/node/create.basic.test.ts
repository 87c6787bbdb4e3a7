import { sleep } from 'n8n-workflow';

import { createHarness, type Harness } from '../harness';
import { createParameters, orderPosts, person } from './create-fixtures';

let h: Harness;
beforeAll(async () => {
	h = await createHarness();
});
afterAll(async () => await h.close());
beforeEach(() => h.sandbox.reset());

const nextYear = new Date().getUTCFullYear() + 1;

describe('Order → Create', () => {
	test('a branded order from fields: one order per item, output shows key and replayed = false', async () => {
		const r = await h.run({
			parameters: createParameters(),
			input: [person(1), person(2, { amount: 50 })],
		});
		expect(r.error).toBeUndefined();
		const orders = h.sandbox.orders();
		expect(orders).toHaveLength(2);
		expect(orders.map((o) => o.recipients[0].email)).toEqual([
			'person1@example.com',
			'person2@example.com',
		]);
		expect(orders.map((o) => o.totalCost)).toEqual([
			{ amount: 25, currency: 'USD' },
			{ amount: 50, currency: 'USD' },
		]);
		expect(orders[0].recipients[0]).toMatchObject({
			firstName: 'First1',
			lastName: 'Last1',
			amount: 25,
		});
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(r.json[0]).toMatchObject({
			orderId: orders[0].orderId,
			idempotencyKey: orders[0].idempotencyKey,
			replayed: false,
		});
		expect(String(r.json[0].idempotencyKey)).toMatch(/^n8n-[A-Za-z0-9_-]{43}$/);
	});

	test('a choice card order goes to the choice-card endpoint', async () => {
		const r = await h.run({
			parameters: createParameters({
				cardType: 'choice',
				product: { __rl: true, mode: 'list', value: 'CHOICE-GLOBAL-USD' },
			}),
			input: [person(1, { amount: 37.5 })],
		});
		expect(r.error).toBeUndefined();
		expect(orderPosts(h.sandbox).map((e) => e.path)).toEqual(['/api/v1/orders/choice-cards']);
		const [order] = h.sandbox.orders();
		expect(order).toMatchObject({ cardType: 'CHOICE_CARD', productId: 'CHOICE-GLOBAL-USD' });
		expect(order.recipients[0].amount).toBe(37.5);
	});

	test('From List sends every listed recipient in one order per input item', async () => {
		const r = await h.run({
			parameters: createParameters({
				recipientSource: 'list',
				product: { __rl: true, mode: 'id', value: 'GC-STARBUCKS-USD' },
				recipients: {
					recipient: [
						{
							email: 'ann@example.com',
							firstName: 'Ann',
							lastName: 'Lee',
							company: 'Acme',
							department: 'Sales',
							amount: 5,
						},
						{ email: 'bob@example.com', firstName: 'Bob', amount: 12.34 },
						{ email: 'cy@example.com', amount: 500 },
					],
				},
			}),
			input: [{ dealId: 'D-1' }],
		});
		expect(r.error).toBeUndefined();
		const orders = h.sandbox.orders();
		expect(orders).toHaveLength(1);
		expect(orders[0].recipients).toMatchObject([
			{
				email: 'ann@example.com',
				firstName: 'Ann',
				lastName: 'Lee',
				company: 'Acme',
				department: 'Sales',
				amount: 5,
			},
			{ email: 'bob@example.com', firstName: 'Bob', amount: 12.34 },
			{ email: 'cy@example.com', amount: 500 },
		]);
		expect(orders[0].totalCost).toEqual({ amount: 517.34, currency: 'USD' });
		expect(orders[0].recipients[1]).not.toHaveProperty('lastName');
	});

	test('a scheduled order sends the wall-clock time of the value and the chosen zone', async () => {
		const r = await h.run({
			parameters: createParameters({
				sendTiming: 'scheduled',
				// An offset in the value is ignored: the user means 09:30 in Berlin.
				scheduledAt: `${nextYear}-03-01T09:30:00.000+05:00`,
				timezone: 'Europe/Berlin',
			}),
			input: [person(1)],
		});
		expect(r.error).toBeUndefined();
		const [order] = h.sandbox.orders();
		expect(order.sendTiming).toEqual({
			type: 'SCHEDULED',
			scheduledAt: `${nextYear}-03-01T09:30:00`,
			timezone: 'Europe/Berlin',
		});
		expect(order.status).toBe('PENDING');
	});

	test('a scheduled time from the date picker (no seconds, no zone) is accepted', async () => {
		const r = await h.run({
			parameters: createParameters({
				sendTiming: 'scheduled',
				scheduledAt: `${nextYear}-12-24T18:00`,
				timezone: 'America/Los_Angeles',
			}),
			input: [person(1)],
		});
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()[0].sendTiming).toEqual({
			type: 'SCHEDULED',
			scheduledAt: `${nextYear}-12-24T18:00:00`,
			timezone: 'America/Los_Angeles',
		});
	});

	test('refund option, email settings and additional recipient fields are sent', async () => {
		const r = await h.run({
			parameters: createParameters({
				refundOption: true,
				emailSettings: {
					senderName: 'Acme Corp',
					subject: 'Thanks!',
					message: 'Enjoy',
					templateId: '12',
				},
				additionalRecipientFields: { company: 'Acme', department: 'Engineering' },
			}),
			input: [person(1)],
		});
		expect(r.error).toBeUndefined();
		const [order] = h.sandbox.orders();
		expect(order.refundOption).toBe(true);
		expect(order.recipients[0]).toMatchObject({ company: 'Acme', department: 'Engineering' });
		expect(r.json[0]).toMatchObject({ refundOption: true });
		const other = await h.run({ parameters: createParameters(), input: [person(2)] });
		expect(other.error).toBeUndefined();
		expect(h.sandbox.orders()[1].refundOption).toBe(false);
	});

	test('Output Recipients: one item per recipient, paired to its input row, with reward links', async () => {
		const r = await h.run({
			parameters: createParameters({
				recipientSource: 'list',
				recipients: {
					recipient: [
						{ email: '={{ $json.a }}', amount: 10 },
						{ email: '={{ $json.b }}', amount: 25 },
					],
				},
				options: { output: 'recipients' },
			}),
			input: [
				{ a: 'a1@example.com', b: 'b1@example.com' },
				{ a: 'a2@example.com', b: 'b2@example.com' },
			],
		});
		expect(r.error).toBeUndefined();
		expect(r.json.map((j) => [j.email, j.amount])).toEqual([
			['a1@example.com', 10],
			['b1@example.com', 25],
			['a2@example.com', 10],
			['b2@example.com', 25],
		]);
		expect(r.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
		]);
		const orders = h.sandbox.orders();
		expect(r.json[2]).toMatchObject({
			orderId: orders[1].orderId,
			orderStatus: 'COMPLETE',
			currency: 'USD',
			rewardLink: orders[1].recipients[0].rewardLink,
		});
		expect(String(r.json[2].rewardLink)).toContain('/redeem/');
	});

	test('one token request for a whole run (and none for the next run)', async () => {
		h.sandbox.expireTokens();
		const before = h.sandbox.stats().tokenRequests;
		const r = await h.run({
			parameters: createParameters(),
			input: Array.from({ length: 20 }, (_, i) => person(i)),
		});
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(20);
		expect(h.sandbox.stats().tokenRequests - before).toBe(1);
		const again = await h.run({ parameters: createParameters(), input: [person(99)] });
		expect(again.error).toBeUndefined();
		expect(h.sandbox.stats().tokenRequests - before).toBe(1);
	});
});

describe('Wait for Completion', () => {
	test('polls until COMPLETE and outputs the reward links', async () => {
		h.sandbox.reset({ lifecycle: { pendingMs: 400, inProgressMs: 400 } });
		const r = await h.run({
			parameters: createParameters({ options: { waitForCompletion: true, waitTimeout: 20 } }),
			input: [person(1)],
		});
		expect(r.error).toBeUndefined();
		const [order] = h.sandbox.orders();
		expect(r.json[0]).toMatchObject({
			orderId: order.orderId,
			status: 'COMPLETE',
			waitTimedOut: false,
		});
		const recipients = r.json[0].recipients as Array<{ rewardLink: string | null }>;
		expect(recipients[0].rewardLink).toBe(h.sandbox.order(order.orderId)?.recipients[0].rewardLink);
		expect(recipients[0].rewardLink).toContain('/redeem/');
		const polls = h.sandbox
			.requests()
			.filter((e) => e.method === 'GET' && e.path === `/api/v1/orders/${order.orderId}`);
		expect(polls.length).toBeGreaterThanOrEqual(2);
	});

	test('on timeout the order is output with its current status and waitTimedOut = true', async () => {
		h.sandbox.reset({ lifecycle: { pendingMs: 3_600_000 } });
		const r = await h.run({
			parameters: createParameters({ options: { waitForCompletion: true, waitTimeout: 1 } }),
			input: [person(1)],
		});
		expect(r.error).toBeUndefined();
		expect(r.json[0]).toMatchObject({ status: 'PENDING', waitTimedOut: true });
		expect((r.json[0].recipients as Array<{ rewardLink: null }>)[0].rewardLink).toBeNull();
		expect(h.sandbox.orders()).toHaveLength(1);
	});

	test('the sandbox clock completing the order while the node waits ends the wait', async () => {
		h.sandbox.reset({ lifecycle: { pendingMs: 3_600_000 } });
		const running = h.run({
			parameters: createParameters({ options: { waitForCompletion: true, waitTimeout: 30 } }),
			input: [person(1)],
		});
		while (h.sandbox.orders().length === 0) await sleep(5);
		h.sandbox.advanceClock(3_600_000);
		const r = await running;
		expect(r.json[0]).toMatchObject({ status: 'COMPLETE', waitTimedOut: false });
	});
});
