import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { createHarness, findLeaks, type Harness } from '../harness';
import { startReserializingProxy } from './http-endpoint';
import { control, startReceiver, type Receiver } from './receiver';

/** The contract's schedule (1, 2, 4, 8, 16 s) at 1/50: 20, 40, 80, 160, 320 ms. */
const FAST_RETRIES = 0.02;

let h: Harness;
let signingSecret: string;
const receivers: Receiver[] = [];

beforeAll(async () => {
	h = await createHarness();
});

afterAll(async () => {
	await Promise.all(receivers.map(async (r) => await r.close()));
	await h.close();
});

beforeEach(async () => {
	h.sandbox.reset();
	signingSecret = randomUUID();
	h.addCredential({ webhookSigningSecret: signingSecret });
	await control(h, 'DELETE', 'webhooks');
});

async function receiver(options: Parameters<typeof startReceiver>[1] = {}): Promise<Receiver> {
	const r = await startReceiver(h, { workflowId: `wf-${randomUUID()}`, ...options });
	receivers.push(r);
	await control(h, 'POST', 'webhooks/config', {
		url: r.url,
		secret: signingSecret,
		retryScale: FAST_RETRIES,
		timeoutMs: 2000,
	});
	return r;
}

async function send(events: IDataObject | IDataObject[], options: IDataObject = {}) {
	return (await control(h, 'POST', 'webhooks/events', {
		events: Array.isArray(events) ? events : [events],
		options,
	})) as unknown as { eventIds: string[]; order: string[] };
}

/** Until the sandbox has an answer (delivered or given up) for every event it was asked to send. */
async function settled(timeoutMs = 20000): Promise<IDataObject> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const status = await control(h, 'GET', 'webhooks');
		if (status.pending === 0) return status;
		if (Date.now() > deadline) throw new Error(`deliveries still open: ${JSON.stringify(status)}`);
		await sleep(20);
	}
}

const deliveries = async () =>
	(await control(h, 'GET', 'webhooks/deliveries')) as unknown as IDataObject[];

const completeEvent = (orderId = 'OT20260101000001'): IDataObject => ({
	eventType: 'order.delivery_complete',
	data: {
		orderId,
		orderType: 'ONE_TIME',
		cardType: 'BRANDED_CARD',
		recipientCount: 2,
		sentCount: 2,
		bouncedCount: 0,
	},
});

describe('Giftronaut Webhook Trigger: ownership check and signatures', () => {
	test('the ownership challenge is echoed with 200, before any signature check, and starts nothing', async () => {
		h.addCredential({});
		const r = await receiver();
		const token = randomUUID();
		const result = await control(h, 'POST', 'webhooks/challenge', { challengeToken: token });
		expect(result).toMatchObject({ status: 200, echoed: true, challengeToken: token });
		expect(r.answers).toEqual([{ status: 200, body: { challengeToken: token } }]);
		expect(r.emitted).toEqual([]);
	});

	test('a signed event is emitted once, flattened: event id, type, time, then its data fields', async () => {
		const r = await receiver();
		const { eventIds } = await send({ ...completeEvent(), createdAt: '2026-04-15T10:30:00' });
		await settled();
		expect(r.emitted).toEqual([
			{
				eventId: eventIds[0],
				eventType: 'order.delivery_complete',
				createdAt: '2026-04-15T10:30:00',
				orderId: 'OT20260101000001',
				orderType: 'ONE_TIME',
				cardType: 'BRANDED_CARD',
				recipientCount: 2,
				sentCount: 2,
				bouncedCount: 0,
			},
		]);
		expect(r.answers.map((a) => a.status)).toEqual([200]);
		expect((await deliveries()).map((d) => d.status)).toEqual([200]);
	});

	test.each([
		['a wrong signature', 'bad'],
		['no signature', 'missing'],
	])(
		'%s → 401 on every attempt, nothing emitted, the sandbox gives up after its 5 retries',
		async (_, signature) => {
			const r = await receiver();
			await send(completeEvent(), { signature });
			await settled();
			expect(r.emitted).toEqual([]);
			expect(r.answers).toHaveLength(6);
			expect(new Set(r.answers.map((a) => a.status))).toEqual(new Set([401]));
			expect(r.answers[0].body).toMatchObject({ error: 'INVALID_SIGNATURE' });
			const attempts = await deliveries();
			expect(attempts.map((d) => d.attempt)).toEqual([1, 2, 3, 4, 5, 6]);
			expect(attempts[5].gaveUp).toBe(true);
		},
	);

	test('the signature is checked over the raw bytes: as sent it passes, re-serialized by a proxy it fails', async () => {
		const r = await receiver({ parameters: { events: ['balance.ach_rejected'] } });
		// A reason with an accent: the sender escapes it (\u00e9), a proxy writes it as UTF-8.
		const rejected = {
			eventType: 'balance.ach_rejected',
			data: { amount: 500, currency: 'USD', reason: 'Compte fermé' },
		};
		await send(rejected);
		await settled();
		expect(r.emitted).toMatchObject([
			{ eventType: 'balance.ach_rejected', reason: 'Compte fermé' },
		]);
		r.emitted.length = 0;
		r.answers.length = 0;
		const proxy = await startReserializingProxy(r.url);
		try {
			await control(h, 'POST', 'webhooks/config', { url: proxy.url });
			await send(rejected);
			await settled();
		} finally {
			await proxy.close();
		}
		expect(r.emitted).toEqual([]);
		expect(r.answers[0]).toMatchObject({ status: 401, body: { error: 'INVALID_SIGNATURE' } });
	});

	test('without a Webhook Signing Secret in the credential every event is refused with a clear 401', async () => {
		h.addCredential({});
		const r = await receiver();
		await send(completeEvent());
		await settled();
		expect(r.emitted).toEqual([]);
		expect(r.answers[0].status).toBe(401);
		expect((r.answers[0].body as IDataObject).message).toMatch(/Webhook Signing Secret/);
	});

	test('no secret or token appears in answers or output', async () => {
		const r = await receiver({
			parameters: { events: ['order.delivery_complete'], options: { includeFullOrder: true } },
		});
		const order = h.sandbox.createOrder({
			productId: 'GC-AMAZON-USD',
			recipients: [{ email: 'a@example.com', amount: 10 }],
		}).order;
		await send([completeEvent(order.orderId), completeEvent('OT-MISSING')]);
		await send(completeEvent(), { signature: 'bad' });
		await settled();
		const secrets: Record<string, string> = { signingSecret, clientSecret: h.sandbox.clientSecret };
		h.sandbox.issuedTokens().forEach((token, i) => (secrets[`token${i}`] = token));
		expect(findLeaks({ answers: r.answers, emitted: r.emitted }, secrets)).toEqual([]);
	});
});

describe('Giftronaut Webhook Trigger: events and Include Full Order', () => {
	test('an event type not selected is answered 200 and emits nothing', async () => {
		const r = await receiver({ parameters: { events: ['balance.low_balance'] } });
		await send(completeEvent());
		await send({
			eventType: 'balance.low_balance',
			data: { currentBalance: { amount: 40, currency: 'USD' }, threshold: 50, currency: 'USD' },
		});
		await settled();
		expect(r.emitted.map((e) => e.eventType)).toEqual(['balance.low_balance']);
		expect(r.answers.map((a) => a.status)).toEqual([200, 200]);
		expect(r.emitted[0]).toMatchObject({ organizationId: 'ORG-SANDBOX', threshold: 50 });
	});

	test('Include Full Order reads the order once and puts it under "order"; an unreadable one still emits', async () => {
		const r = await receiver({
			parameters: { events: ['order.delivery_complete'], options: { includeFullOrder: true } },
		});
		const order = h.sandbox.createOrder({
			productId: 'GC-AMAZON-USD',
			recipients: [{ email: 'full@example.com', amount: 25 }],
		}).order;
		h.sandbox.clearRequests();
		await send(completeEvent(order.orderId), { sequential: true });
		await settled();
		await send(completeEvent('OT-DOES-NOT-EXIST'));
		await settled();
		expect(r.emitted).toHaveLength(2);
		expect(r.emitted[0].order).toMatchObject({
			orderId: order.orderId,
			status: 'COMPLETE',
			recipients: [{ email: 'full@example.com' }],
		});
		expect(r.emitted[1].order).toBeNull();
		expect(String(r.emitted[1].orderError)).toMatch(/OT-DOES-NOT-EXIST/);
		expect(h.sandbox.stats().byRoute['GET /api/v1/orders/{orderId}']).toBe(2);
	});
});

describe('Giftronaut Webhook Trigger: at-least-once delivery', () => {
	test.each([
		['after the first answer', true],
		['at the same moment', 'concurrent'],
	])('an event delivered twice (%s) is emitted once', async (_, duplicate) => {
		// Each call reads the saved static data 50 ms before it decides, like a busy n8n.
		const r = await receiver({ delayMs: 50 });
		const { eventIds } = await send(completeEvent(), { duplicate });
		await settled();
		expect(r.emitted.map((e) => e.eventId)).toEqual(eventIds);
		expect(r.answers.map((a) => a.status)).toEqual([200, 200]);
		expect((await deliveries()).filter((d) => d.status === 200)).toHaveLength(2);
	});

	test('events out of order are each emitted once, as they arrive', async () => {
		const r = await receiver({
			parameters: { events: ['order.delivery_complete', 'order.delivery_partial'] },
		});
		const events = ['A', 'B', 'C'].map((n) => ({
			...completeEvent(`OT-${n}`),
			eventId: `evt-${n}-${randomUUID()}`,
		}));
		const { order } = await send(events, { outOfOrder: true, sequential: true, duplicate: true });
		await settled();
		expect(order).toEqual(events.map((e) => e.eventId).reverse());
		expect(r.emitted.map((e) => e.eventId)).toEqual(order);
	});

	test('1,000 events with 20 % duplicates, five streams at once: each event emitted exactly once', async () => {
		const r = await receiver();
		const unique = Array.from({ length: 800 }, (_, i) => ({
			...completeEvent(`OT-${i}`),
			eventId: randomUUID(),
		}));
		const all = [...unique, ...unique.filter((_, i) => i % 4 === 0)];
		for (let i = all.length - 1; i > 0; i--) {
			const j = Math.floor(Math.random() * (i + 1));
			[all[i], all[j]] = [all[j], all[i]];
		}
		expect(all).toHaveLength(1000);
		await Promise.all(
			[0, 1, 2, 3, 4].map(
				async (s) => await send(all.slice(s * 200, s * 200 + 200), { sequential: true }),
			),
		);
		await settled(60000);
		const ids = r.emitted.map((e) => e.eventId as string);
		expect(ids).toHaveLength(800);
		expect(new Set(ids)).toEqual(new Set(unique.map((e) => e.eventId)));
		expect(
			r.answers.filter((a) => (a.body as IDataObject).reason === 'duplicate eventId'),
		).toHaveLength(200);
	});

	test('receiver down: the retry arrives after it is back and is emitted once', async () => {
		const r = await receiver();
		await r.stop();
		const { eventIds } = await send(completeEvent());
		await sleep(150); // attempts at 0, 20, 60, 140 ms find nothing listening
		await r.start();
		await settled();
		const attempts = await deliveries();
		expect(attempts.filter((d) => d.status === 0).length).toBeGreaterThanOrEqual(2);
		expect(attempts[attempts.length - 1].status).toBe(200);
		expect(r.emitted.map((e) => e.eventId)).toEqual(eventIds);
	});

	test('an answer slower than the sender waits: the retry is a duplicate and the event is emitted once', async () => {
		const r = await receiver({ delayMs: 300 });
		await control(h, 'POST', 'webhooks/config', { timeoutMs: 100 });
		const { eventIds } = await send(completeEvent());
		await settled();
		await sleep(400);
		expect((await deliveries()).some((d) => d.status === 0)).toBe(true);
		expect(r.emitted.map((e) => e.eventId)).toEqual(eventIds);
	});

	test('the ids survive a restart through the saved static data', async () => {
		const before = await receiver();
		const { eventIds } = await send(completeEvent());
		await settled();
		expect(before.emitted).toHaveLength(1);
		// Another workflow id: a new process, whose only memory is what n8n saved.
		const after = await receiver({ staticData: before.storedStaticData });
		await send({ ...completeEvent(), eventId: eventIds[0] });
		await settled();
		expect(after.emitted).toEqual([]);
		expect(after.answers[0].body).toMatchObject({ reason: 'duplicate eventId' });
	});

	test('a slow call (Include Full Order) that saves last still keeps the ids of calls that saved meanwhile', async () => {
		// Seen in n8n 2.8.4: a faster call saved its id, then the slower one overwrote it with older data.
		const parameters = {
			events: ['order.delivery_complete', 'balance.low_balance'],
			options: { includeFullOrder: true },
		};
		const before = await receiver({ parameters });
		const order = h.sandbox.createOrder({
			productId: 'GC-AMAZON-USD',
			recipients: [{ email: 'slow@example.com', amount: 10 }],
		}).order;
		h.sandbox.injectFault({ kind: 'delay', method: 'GET', path: '/api/v1/orders/', ms: 400 });
		await send(completeEvent(order.orderId));
		await sleep(100);
		const low = await send({
			eventType: 'balance.low_balance',
			data: { threshold: 50, currency: 'USD' },
		});
		await settled();
		expect(before.emitted.map((e) => e.eventType)).toEqual([
			'balance.low_balance',
			'order.delivery_complete',
		]);

		const after = await receiver({ parameters, staticData: before.storedStaticData });
		await send({ eventType: 'balance.low_balance', eventId: low.eventIds[0], data: {} });
		await settled();
		expect(after.emitted).toEqual([]);
	});
});
