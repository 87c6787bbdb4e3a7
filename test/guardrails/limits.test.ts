import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createHarness, type Harness, type RunResult } from '../harness';
import { createParameters, errorText, orderPosts, person } from '../node/create-fixtures';
import { GIFTRONAUT_TOOL_TYPE, giftronautTool, toolParameters } from './tool-variant';

let h: Harness;
beforeAll(async () => {
	h = await createHarness({ nodeTypes: { [GIFTRONAUT_TOOL_TYPE]: giftronautTool } });
});
afterAll(async () => await h.close());

const NO_LIMITS = { maxPerOrderUsd: '', maxPerRunUsd: '', dailyLimitUsd: '', allowedProducts: '' };
function limits(set: IDataObject) {
	h.sandbox.reset();
	h.updateCredential({ ...NO_LIMITS, ...set });
}

/** The tool arguments an agent sends for one gift card. */
const call = (extra: IDataObject = {}): IDataObject => ({
	cardType: 'branded',
	productId: 'GC-STARBUCKS-USD',
	email: 'ada@example.com',
	firstName: 'Ada',
	lastName: 'Lovelace',
	amount: 25,
	...extra,
});

const asTool = (args: IDataObject[], extra: INodeParameters = {}) =>
	h.run({ nodeType: GIFTRONAUT_TOOL_TYPE, parameters: toolParameters(extra) as INodeParameters, input: args });

const inWorkflow = (input: IDataObject[], extra: INodeParameters = {}) =>
	h.run({ parameters: createParameters({ product: { __rl: true, mode: 'id', value: 'GC-STARBUCKS-USD' }, ...extra }), input });

/** Seeds today's spend on the account, as another workflow or a person in the portal would. */
function spentToday(amount: number) {
	h.sandbox.createOrder({
		productId: 'GC-STARBUCKS-USD',
		sendTiming: { type: 'IMMEDIATE' },
		refundOption: false,
		recipients: [{ email: 'earlier@example.com', amount }],
	} as never);
}

interface Attempt {
	name: string;
	credential: IDataObject;
	seed?: number;
	run: () => Promise<RunResult>;
	refusal: RegExp;
}

const people = (count: number, amount: number) =>
	Array.from({ length: count }, (_, i) => person(i, { amount }));
const agentCalls = (count: number, amount: number) =>
	Array.from({ length: count }, (_, i) => call({ email: `p${i}@example.com`, amount }));

const PER_ORDER = { maxPerOrderUsd: '100' };
const PER_RUN = { maxPerRunUsd: '100' };
const DAILY = { dailyLimitUsd: '200' };
const PRODUCTS = { allowedProducts: 'GC-AMAZON-USD, CHOICE-THANKYOU-USD' };
const WITH_STARBUCKS = { allowedProducts: 'GC-AMAZON-USD GC-STARBUCKS-USD' };

const ATTEMPTS: Attempt[] = [
	// Per order, amount just over.
	...[100.01, 101, 150, 500].map((amount) => ({
		name: `tool: one card of ${amount} USD against Maximum per Order 100`,
		credential: PER_ORDER,
		run: () => asTool([call({ amount })]),
		refusal: new RegExp(`Maximum per Order: the order of item 0 totals ${amount.toFixed(2)} USD, above the limit of 100.00 USD`),
	})),
	{
		name: 'workflow: one order with two recipients (60 + 40.01) against Maximum per Order 100',
		credential: PER_ORDER,
		run: () =>
			inWorkflow([{}], {
				recipientSource: 'list',
				recipients: { recipient: [{ email: 'a@example.com', amount: 60 }, { email: 'b@example.com', amount: 40.01 }] },
			}),
		refusal: /Maximum per Order: the order of item 0 totals 100.01 USD/,
	},
	{
		name: 'workflow: Combine Items makes a 5 × 25 USD order against Maximum per Order 100',
		credential: PER_ORDER,
		run: () => inWorkflow(people(5, 25), { options: { combineItems: true } }),
		refusal: /Maximum per Order: order 1 \(items 0 to 4\) totals 125.00 USD/,
	},
	// Many small orders in one run (an agent's tool call is one item; a workflow run is many).
	...[
		[5, 25],
		[21, 5],
		[101, 5],
	].map(([count, amount]) => ({
		name: `workflow: ${count} small cards of ${amount} USD in one run against Maximum per Run 100`,
		credential: PER_RUN,
		run: () => inWorkflow(people(count, amount)),
		refusal: new RegExp(`Maximum per Run: this run plans ${count} order\\(s\\) totalling ${(count * amount).toFixed(2)} USD, above the limit of 100.00 USD. Nothing was ordered`),
	})),
	{
		name: 'workflow: two orders of 50 and 50.01 USD against Maximum per Run 100',
		credential: PER_RUN,
		run: () => inWorkflow([person(1, { amount: 50 }), person(2, { amount: 50.01 })]),
		refusal: /Maximum per Run: this run plans 2 order\(s\) totalling 100.01 USD/,
	},
	{
		name: 'workflow: Combine Items in batches of 2 (4 × 26 USD) against Maximum per Run 100',
		credential: PER_RUN,
		run: () => inWorkflow(people(4, 26), { options: { combineItems: true, batchSize: 2 } }),
		refusal: /Maximum per Run: this run plans 2 order\(s\) totalling 104.00 USD/,
	},
	{
		name: 'workflow: Continue On Fail does not let part of an over-limit run through',
		credential: PER_RUN,
		run: () => h.run({ parameters: createParameters(), input: people(5, 25), settings: { continueOnFail: true } }),
		refusal: /Maximum per Run: this run plans 5 order\(s\) totalling 125.00 USD/,
	},
	// Products outside the list.
	...[
		['branded', 'GC-STARBUCKS-USD'],
		['branded', 'GC-BOOTS-GBP'],
		['choice', 'CHOICE-GLOBAL-USD'],
		['choice', 'CHOICE-HOLIDAY-EUR'],
		['choice', 'CHOICE-WELLNESS-USD'],
	].map(([cardType, productId]) => ({
		name: `tool: ${cardType} product ${productId} outside Allowed Products`,
		credential: PRODUCTS,
		run: () => asTool([call({ cardType, productId, amount: 25 })]),
		refusal: new RegExp(`Allowed Products: the order of item 0 asks for product ${productId}, which is not in the credential's list`),
	})),
	{
		name: 'workflow: one allowed and one forbidden product in the same run: nothing is sent',
		credential: PRODUCTS,
		run: () =>
			inWorkflow(
				[person(0, { productId: 'GC-AMAZON-USD' }), person(1, { productId: 'GC-STARBUCKS-USD' })],
				{ product: { __rl: true, mode: 'id', value: '={{ $json.productId }}' } },
			),
		refusal: /Allowed Products: the order of item 1 asks for product GC-STARBUCKS-USD/,
	},
	{
		name: 'tool: Validate Only with a forbidden product is refused too',
		credential: PRODUCTS,
		run: () => asTool([call()], { options: { validateOnly: true } }),
		refusal: /Allowed Products: the order of item 0 asks for product GC-STARBUCKS-USD/,
	},
	// Currency conversion edges: the rate is not published, so a USD limit cannot admit them.
	...[
		['GC-IKEA-EUR', 50],
		['GC-TESCO-GBP', 7.5],
		['CHOICE-GLOBAL-CAD', 1],
		['CHOICE-GLOBAL-EUR', 90.91],
	].map(([productId, amount]) => ({
		name: `tool: ${amount} in ${String(productId).slice(-3)} (${productId}) under USD limits`,
		credential: { ...PER_ORDER, ...PER_RUN },
		run: () =>
			asTool([call({ cardType: String(productId).startsWith('CHOICE') ? 'choice' : 'branded', productId, amount })]),
		refusal: new RegExp(`Spending limits: the order of item 0 is in ${String(productId).slice(-3)}, and the credential's limits are in USD`),
	})),
	{
		name: 'tool: 2.50 GBP (GC-BOOTS-GBP) with only a Daily Limit set',
		credential: DAILY,
		run: () => asTool([call({ productId: 'GC-BOOTS-GBP', amount: 2.5 })]),
		refusal: /Spending limits: the order of item 0 is in GBP, and the credential's limits are in USD. Giftronaut does not publish the rate/,
	},
	// Daily limit 200 with 150 already spent today.
	...[50.01, 51, 100].map((amount) => ({
		name: `tool: ${amount} USD when 150 of a 200 USD Daily Limit is spent`,
		credential: DAILY,
		seed: 150,
		run: () => asTool([call({ amount })]),
		refusal: new RegExp(`Daily Limit: 150.00 USD was already ordered today \\(\\d{4}-\\d\\d-\\d\\d, UTC; runs still sending included\\) and this run adds ${amount.toFixed(2)} USD`),
	})),
	{
		name: 'workflow: a batch of 3 × 25 USD pushes the day over (150 spent, limit 200)',
		credential: DAILY,
		seed: 150,
		run: () => inWorkflow(people(3, 25), { options: { combineItems: true } }),
		refusal: /Daily Limit: 150.00 USD was already ordered today .* this run adds 75.00 USD, together 225.00 USD, above the limit of 200.00 USD/,
	},
	{
		name: 'workflow: three separate orders of 20 USD push the day over (150 spent, limit 200)',
		credential: DAILY,
		seed: 150,
		run: () => inWorkflow(people(3, 20)),
		refusal: /Daily Limit: .* this run adds 60.00 USD, together 210.00 USD/,
	},
	{
		name: 'tool: the day is already over the limit (250 spent, limit 200): even 5 USD is refused',
		credential: DAILY,
		seed: 250,
		run: () => asTool([call({ amount: 5 })]),
		refusal: /Daily Limit: 250.00 USD .* this run adds 5.00 USD.*\n0.00 USD is left for today/s,
	},
	{
		name: 'workflow: Validate Only still refuses what the limits refuse',
		credential: PER_ORDER,
		run: () => inWorkflow([person(1, { amount: 150 })], { options: { validateOnly: true } }),
		refusal: /Maximum per Order: the order of item 0 totals 150.00 USD/,
	},
	{
		name: 'tool: every limit set, amount just over the per-order one',
		credential: { ...PER_ORDER, ...PER_RUN, ...DAILY, ...WITH_STARBUCKS },
		run: () => asTool([call({ amount: 100.01 })]),
		refusal: /Maximum per Order: the order of item 0 totals 100.01 USD/,
	},
];

describe('spending limits: attempts to break them', () => {
	test('there are at least 30 attempts', () => expect(ATTEMPTS.length).toBeGreaterThanOrEqual(30));

	test.each(ATTEMPTS)('$name → refused, 0 orders sent', async (attempt) => {
		limits(attempt.credential);
		if (attempt.seed) spentToday(attempt.seed);
		const before = h.sandbox.orders().length;
		const r = await attempt.run();
		expect(orderPosts(h.sandbox)).toHaveLength(0);
		expect(h.sandbox.orders()).toHaveLength(before);
		const text = r.error ? errorText(r.error) : JSON.stringify(r.json);
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
			expect.objectContaining({ status: 'COMPLETE', totalCost: { amount: 100, currency: 'USD' }, recipientCount: 1 }),
		]);
		// The tool output is compact: no recipients, no reward links.
		expect(Object.keys(r.json[0]).sort()).toEqual(
			['idempotencyKey', 'orderId', 'productId', 'recipientCount', 'replayed', 'status', 'totalCost'].sort(),
		);
	});

	test('Continue On Fail: an order over Maximum per Order fails alone, the others are sent', async () => {
		limits(PER_ORDER);
		const r = await h.run({
			parameters: createParameters({ product: { __rl: true, mode: 'id', value: 'GC-STARBUCKS-USD' } }),
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
				h.run({ nodeType: GIFTRONAUT_TOOL_TYPE, parameters: toolParameters() as INodeParameters, input: [call({ amount: 60, email: `c${i}@example.com` })], executionId: `c${i}` }),
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
		for (let i = 0; i < 5; i++) results.push(await asTool([call({ amount: 50, email: `s${i}@example.com` })]));
		expect(h.sandbox.orders().map((o) => o.totalCost.amount)).toEqual([50, 50, 50, 50]);
		expect(results.slice(0, 4).map((r) => r.error)).toEqual([undefined, undefined, undefined, undefined]);
		expect(errorText(results[4].error)).toMatch(/Daily Limit: 200.00 USD was already ordered today .* this run adds 50.00 USD/);
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

	test('the credential test still passes with every limit set', async () => {
		limits({ ...PER_ORDER, ...PER_RUN, ...DAILY, ...PRODUCTS });
		expect(await h.testCredential()).toMatchObject({ status: 'OK' });
	});

	test('a limit that is not an amount is named, nothing is sent', async () => {
		limits({ maxPerOrderUsd: '100 dollars' });
		const r = await asTool([call()]);
		expect(orderPosts(h.sandbox)).toHaveLength(0);
		expect(errorText(r.error)).toMatch(/Maximum per Order in the Giftronaut credential is "100 dollars"/);
	});
});
