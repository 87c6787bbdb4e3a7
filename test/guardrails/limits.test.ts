import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createHarness, type Harness, type RunResult } from '../harness';
import { createParameters, errorText, orderPosts, person } from '../node/create-fixtures';
import {
	BREACH_ATTEMPTS,
	call,
	DAILY,
	guardrailKit,
	PER_ORDER,
	PER_RUN,
	PRODUCTS,
	runAttempt,
	WITH_STARBUCKS,
} from './attempts';
import { GIFTRONAUT_TOOL_TYPE, toolParameters } from './tool-variant';

let h: Harness;
let kit: ReturnType<typeof guardrailKit>;
beforeAll(async () => {
	h = await createHarness();
	kit = guardrailKit(h);
});
afterAll(async () => await h.close());

const limits = (set: IDataObject) => kit.limits(set);
const asTool: ReturnType<typeof guardrailKit>['asTool'] = (...args) => kit.asTool(...args);
const spentToday = (amount: number) => kit.spentToday(amount);

describe('spending limits: attempts to break them', () => {
	test('there are at least 30 attempts', () =>
		expect(BREACH_ATTEMPTS.length).toBeGreaterThanOrEqual(30));

	test.each(BREACH_ATTEMPTS)('$name → refused, 0 orders sent', async (attempt) => {
		const { ordersSent, orderPosts: posts, text } = await runAttempt(kit, attempt);
		expect({ posts, ordersSent }).toEqual({ posts: 0, ordersSent: 0 });
		expect(text).toMatch(attempt.refusal);
		expect(text).toMatch(/set in the Giftronaut credential/);
		expect(text).not.toContain(h.credential().clientSecret as string);
	});
});

describe('spending limits: what they let through', () => {
	test('exactly at every limit is allowed: 100 USD, one order, day at 200 of 200', async () => {
		limits({ ...PER_ORDER, ...PER_RUN, ...DAILY, ...WITH_STARBUCKS });
		spentToday(100);
		const r = await asTool([call({ amount: 100 })]);
		expect(r.error).toBeUndefined();
		expect(orderPosts(h.sandbox)).toHaveLength(1);
		expect(r.json).toEqual([
			expect.objectContaining({
				status: 'COMPLETE',
				totalCost: { amount: 100, currency: 'USD' },
				recipientCount: 1,
			}),
		]);
		// The tool output is compact: no recipients, no reward links.
		expect(Object.keys(r.json[0]).sort()).toEqual(
			[
				'idempotencyKey',
				'orderId',
				'productId',
				'recipientCount',
				'replayed',
				'status',
				'totalCost',
			].sort(),
		);
	});

	test('Continue On Fail: an order over Maximum per Order fails alone, the others are sent', async () => {
		limits(PER_ORDER);
		const r = await h.run({
			parameters: createParameters({
				product: { __rl: true, mode: 'id', value: 'GC-STARBUCKS-USD' },
			}),
			input: [person(0, { amount: 40 }), person(1, { amount: 140 }), person(2, { amount: 60 })],
			settings: { continueOnFail: true },
		});
		expect(h.sandbox.orders().map((o) => o.totalCost.amount)).toEqual([40, 60]);
		expect(r.json[1].error).toMatch(/Maximum per Order: the order of item 1 totals 140.00 USD/);
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('concurrent runs share the Daily Limit: of 6 runs of 60 USD (limit 200), 3 are sent', async () => {
		limits({ dailyLimitUsd: '200' });
		const runs = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				h.run({
					nodeType: GIFTRONAUT_TOOL_TYPE,
					parameters: toolParameters() as INodeParameters,
					input: [call({ amount: 60, email: `c${i}@example.com` })],
					executionId: `c${i}`,
				}),
			),
		);
		const total = h.sandbox.orders().reduce((sum, o) => sum + o.totalCost.amount, 0);
		expect(total).toBeLessThanOrEqual(200);
		expect(h.sandbox.orders()).toHaveLength(3);
		const refused = runs.filter((r) => r.error);
		expect(refused).toHaveLength(3);
		for (const r of refused) expect(errorText(r.error)).toMatch(/Daily Limit: /);
	});

	test('an agent calling 5 times with 50 USD against a 200 USD Daily Limit: 4 are sent, the 5th is refused', async () => {
		limits(DAILY);
		const results: RunResult[] = [];
		for (let i = 0; i < 5; i++)
			results.push(await asTool([call({ amount: 50, email: `s${i}@example.com` })]));
		expect(h.sandbox.orders().map((o) => o.totalCost.amount)).toEqual([50, 50, 50, 50]);
		expect(results.slice(0, 4).map((r) => r.error)).toEqual([
			undefined,
			undefined,
			undefined,
			undefined,
		]);
		expect(errorText(results[4].error)).toMatch(
			/Daily Limit: 200.00 USD was already ordered today .* this run adds 50.00 USD/,
		);
	});

	test("yesterday's orders do not count against today's Daily Limit, today's do", async () => {
		limits(DAILY);
		spentToday(150);
		const [yesterday] = h.sandbox.orders();
		h.sandbox.configure({ createdAtShiftMs: { [yesterday.orderId]: -24 * 60 * 60 * 1000 } });
		spentToday(60);
		const allowed = await asTool([call({ amount: 100 })]);
		expect(allowed.error).toBeUndefined();
		const refused = await asTool([call({ amount: 50, email: 'again@example.com' })]);
		expect(errorText(refused.error)).toMatch(/Daily Limit: 160.00 USD was already ordered today/);
		expect(h.sandbox.orders()).toHaveLength(3);
	});

	test('a re-run of a run that used the whole Daily Limit replays its orders instead of being refused', async () => {
		limits({ dailyLimitUsd: '100' });
		const input = [person(1, { amount: 50 }), person(2, { amount: 50 })];
		const run = () =>
			h.run({
				parameters: createParameters({
					product: { __rl: true, mode: 'id', value: 'GC-STARBUCKS-USD' },
				}),
				input,
			});
		expect((await run()).error).toBeUndefined();
		const again = await run();
		expect(again.error).toBeUndefined();
		expect(again.json.map((j) => j.replayed)).toEqual([true, true]);
		expect(h.sandbox.orders()).toHaveLength(2);
		// A new order on top is still refused.
		const more = await h.run({
			parameters: createParameters(),
			input: [person(3, { amount: 10 })],
		});
		expect(errorText(more.error)).toMatch(/Daily Limit: 100.00 USD was already ordered today/);
		expect(h.sandbox.orders()).toHaveLength(2);
	});

	test('the credential test still passes with every limit set', async () => {
		limits({ ...PER_ORDER, ...PER_RUN, ...DAILY, ...PRODUCTS });
		expect(await h.testCredential()).toMatchObject({ status: 'OK' });
	});

	test('a limit that is not an amount is named, nothing is sent', async () => {
		limits({ maxPerOrderUsd: '100 dollars' });
		const r = await asTool([call()]);
		expect(orderPosts(h.sandbox)).toHaveLength(0);
		expect(errorText(r.error)).toMatch(
			/Maximum per Order in the Giftronaut credential is "100 dollars"/,
		);
	});
});
