// What a builder sees in Order → Create (issue 16): reward links in the output, Wait for Completion
// as a field of its own, a refund choice that says what happens, units in labels, fields that show
// only when they apply. Workflows saved with the earlier shape of each field keep working.
import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';

import { Giftronaut } from '../../nodes/Giftronaut/Giftronaut.node';
import { createHarness, type Harness } from '../harness';
import { createParameters, person } from './create-fixtures';

let h: Harness;
beforeAll(async () => {
	h = await createHarness();
});
afterAll(async () => await h.close());
beforeEach(() => h.sandbox.reset());

const properties = new Giftronaut().description.properties;
const createProperty = (name: string) =>
	properties.find(
		(p) => p.name === name && p.displayOptions?.show?.operation?.includes('create'),
	) as INodeProperties;
const option = (name: string) =>
	(createProperty('options').options as INodeProperties[]).find(
		(p) => p.name === name,
	) as INodeProperties;
/** The parameters n8n keeps for a saved node (hidden ones are dropped before the node runs). */
const kept = (parameters: INodeParameters) =>
	NodeHelpers.getNodeParameters(properties, createParameters(parameters), false, false, null, null);
/** Does the editor show this top-level Order → Create field for these parameters? */
const shown = (name: string, parameters: INodeParameters) =>
	NodeHelpers.displayParameter(createParameters(parameters), createProperty(name), null, null);

describe('reward links', () => {
	test('the order output always carries recipients[], rewardLink null while the order is not COMPLETE', async () => {
		h.sandbox.reset({ lifecycle: { pendingMs: 3_600_000 } });
		const r = await h.run({ parameters: createParameters(), input: [person(1)] });

		expect(r.error).toBeUndefined();
		expect(r.json[0]).toMatchObject({ status: 'PENDING' });
		expect(r.json[0].recipients).toEqual([
			{
				email: 'person1@example.com',
				firstName: 'First1',
				lastName: 'Last1',
				amount: 25,
				rewardLink: null,
			},
		]);
	});

	test('Combine Items: the one order lists every recipient of every item', async () => {
		h.sandbox.reset({ lifecycle: { pendingMs: 3_600_000 } });
		const r = await h.run({
			parameters: createParameters({ options: { combineItems: true } }),
			input: [person(1), person(2), person(3)],
		});

		expect(r.json).toHaveLength(1);
		expect((r.json[0].recipients as Array<{ email: string }>).map((x) => x.email)).toEqual([
			'person1@example.com',
			'person2@example.com',
			'person3@example.com',
		]);
	});

	test('Wait for Completion is a field of its own: on, the output has the reward links', async () => {
		h.sandbox.reset({ lifecycle: { pendingMs: 300, inProgressMs: 300 } });
		const r = await h.run({
			parameters: createParameters({ waitForCompletion: true, waitTimeout: 20 }),
			input: [person(1)],
		});

		expect(r.error).toBeUndefined();
		const [order] = h.sandbox.orders();
		expect(r.json[0]).toMatchObject({ status: 'COMPLETE', waitTimedOut: false });
		const [recipient] = r.json[0].recipients as Array<{ rewardLink: string }>;
		expect(recipient.rewardLink).toBe(h.sandbox.order(order.orderId)?.recipients[0].rewardLink);
		expect(recipient.rewardLink).toContain('/redeem/');
	});

	test('the field Wait Timeout (Seconds) bounds the wait', async () => {
		h.sandbox.reset({ lifecycle: { pendingMs: 3_600_000 } });
		const r = await h.run({
			parameters: createParameters({ waitForCompletion: true, waitTimeout: 1 }),
			input: [person(1)],
		});

		expect(r.json[0]).toMatchObject({ status: 'PENDING', waitTimedOut: true });
	});

	test('a workflow saved with Wait for Completion and Wait Timeout under Options still waits, bounded by its timeout', async () => {
		h.sandbox.reset({ lifecycle: { pendingMs: 3_600_000 } });
		const r = await h.run({
			parameters: createParameters({ options: { waitForCompletion: true, waitTimeout: 1 } }),
			input: [person(1)],
		});

		expect(r.json[0]).toMatchObject({ status: 'PENDING', waitTimedOut: true });
		expect(kept({ options: { waitForCompletion: true, waitTimeout: 1 } })?.options).toEqual({
			waitForCompletion: true,
			waitTimeout: 1,
		});
	});

	test('the moved option is not offered to new workflows; the notice shows only while not waiting', () => {
		const moved = option('waitForCompletion');
		expect(NodeHelpers.displayParameter({}, moved, null, null)).toBe(false);
		expect(NodeHelpers.displayParameter({ waitForCompletion: true }, moved, null, null)).toBe(true);
		expect(createProperty('rewardLinkNotice').displayName).toMatch(
			/only once an order is COMPLETE/,
		);
		expect(shown('rewardLinkNotice', { waitForCompletion: false })).toBe(true);
		expect(shown('rewardLinkNotice', { waitForCompletion: true })).toBe(false);
		expect(shown('waitTimeout', { waitForCompletion: false })).toBe(false);
		expect(shown('waitTimeout', { waitForCompletion: true })).toBe(true);
	});

	test('Output Recipients: each item has status, the order output name (orderStatus kept for old expressions)', async () => {
		const r = await h.run({
			parameters: createParameters({ options: { output: 'recipients' } }),
			input: [person(1)],
		});

		expect(r.json[0]).toMatchObject({ status: 'COMPLETE', orderStatus: 'COMPLETE' });
	});
});

describe('Expiry and Refund', () => {
	test('a choice whose labels say what happens, over the values the toggle stored', () => {
		const field = createProperty('refundOption');
		expect(field.type).toBe('options');
		expect(field.default).toBe(false);
		expect(
			(field.options as Array<{ name: string; value: unknown }>).map((o) => [o.value, o.name]),
		).toEqual([
			[false, 'Expire After 180 Days, No Refund'],
			[true, 'Expire After 30 Days, Refund 70% of Unredeemed Value'],
		]);
	});

	test.each([
		[true, true],
		[false, false],
	])('saved refundOption %s is sent as %s', async (saved, sent) => {
		const r = await h.run({
			parameters: createParameters({ refundOption: saved }),
			input: [person(1)],
		});

		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()[0].refundOption).toBe(sent);
	});
});

describe('Options: units in labels, fields only where they apply', () => {
	test('every time field names its unit', () => {
		expect(option('timeout').displayName).toBe('Response Timeout (Milliseconds)');
		expect(option('rateLimitPatience').displayName).toBe('Rate-Limit Patience (Minutes)');
		expect(createProperty('waitTimeout').displayName).toBe('Wait Timeout (Seconds)');
	});

	test('Batch Size shows only with Combine Items on; a leftover value without it is ignored, not an error', async () => {
		expect(NodeHelpers.displayParameter({}, option('batchSize'), null, null)).toBe(false);
		expect(
			NodeHelpers.displayParameter({ combineItems: true }, option('batchSize'), null, null),
		).toBe(true);

		const r = await h.run({
			parameters: createParameters({ options: { batchSize: 0 } }),
			input: [person(1)],
		});

		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(1);
	});

	test("Deduplication Key is described in the user's words; the raw key is labelled advanced", () => {
		expect(option('deduplicationKey').description).toMatch(
			/^An ID of the business event this gift is for, e\.g\. the deal ID/,
		);
		expect(option('idempotencyKey').displayName).toBe('Idempotency Key (Advanced)');
		expect(option('idempotencyKey').description).toMatch(
			/^Usually leave empty and use Deduplication Key/,
		);
	});
});

describe("Timezone default: the workflow's time zone (node version 1.1)", () => {
	const nextYear = new Date().getUTCFullYear() + 1;
	const scheduled = { sendTiming: 'scheduled', scheduledAt: `${nextYear}-03-01T09:30:00` };

	test("a new node (1.1) left at the default schedules in the workflow's time zone", async () => {
		const r = await h.run({
			parameters: createParameters(scheduled),
			input: [person(1)],
			workflowSettings: { timezone: 'Asia/Seoul' },
		});

		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()[0].sendTiming).toMatchObject({
			type: 'SCHEDULED',
			timezone: 'Asia/Seoul',
		});
	});

	test('a version 1 node saved with the default keeps America/New_York', async () => {
		const r = await h.run({
			parameters: createParameters(scheduled),
			input: [person(1)],
			typeVersion: 1,
			workflowSettings: { timezone: 'Asia/Seoul' },
		});

		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()[0].sendTiming).toMatchObject({ timezone: 'America/New_York' });
	});

	test("a Timezone expression that gives nothing means the workflow's zone too", async () => {
		const r = await h.run({
			parameters: createParameters({ ...scheduled, timezone: '={{ $json.tz }}' }),
			input: [person(1, { tz: '' })],
			workflowSettings: { timezone: 'Europe/Kyiv' },
		});

		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()[0].sendTiming).toMatchObject({ timezone: 'Europe/Kyiv' });
	});

	test("a chosen zone wins over the workflow's", async () => {
		const r = await h.run({
			parameters: createParameters({ ...scheduled, timezone: 'Europe/Berlin' }),
			input: [person(1)],
			workflowSettings: { timezone: 'Asia/Seoul' },
		});

		expect(h.sandbox.orders()[0].sendTiming).toMatchObject({ timezone: 'Europe/Berlin' });
		expect(r.error).toBeUndefined();
	});
});
