import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Harness, RunResult } from '../harness';
import { createParameters, errorText, orderPosts, person } from '../node/create-fixtures';
import { GIFTRONAUT_TOOL_TYPE, giftronautTool, toolParameters } from './tool-variant';

/**
 * Attempts to get past the credential's spending limits, each to be refused with nothing sent. Shared
 * by test/guardrails/limits.test.ts and `npm run bench` (guardrailBreachAttempts, guardrailOrdersSent).
 */
export const NO_LIMITS = {
	maxPerOrderUsd: '',
	maxPerRunUsd: '',
	dailyLimitUsd: '',
	allowedProducts: '',
};

export interface Attempt {
	name: string;
	credential: IDataObject;
	/** USD already ordered today before the attempt. */
	seed?: number;
	run: (kit: GuardrailKit) => Promise<RunResult>;
	refusal: RegExp;
}

export const PER_ORDER = { maxPerOrderUsd: '100' };
export const PER_RUN = { maxPerRunUsd: '100' };
export const DAILY = { dailyLimitUsd: '200' };
export const PRODUCTS = { allowedProducts: 'GC-AMAZON-USD, CHOICE-THANKYOU-USD' };
export const WITH_STARBUCKS = { allowedProducts: 'GC-AMAZON-USD GC-STARBUCKS-USD' };

/** The tool arguments an agent sends for one gift card. */
export const call = (extra: IDataObject = {}): IDataObject => ({
	cardType: 'branded',
	productId: 'GC-STARBUCKS-USD',
	email: 'ada@example.com',
	firstName: 'Ada',
	lastName: 'Lovelace',
	amount: 25,
	...extra,
});

const people = (count: number, amount: number) =>
	Array.from({ length: count }, (_, i) => person(i, { amount }));

/** Registers the tool variant on the harness and returns helpers bound to it. */
export function guardrailKit(h: Harness) {
	h.nodeTypes.register(GIFTRONAUT_TOOL_TYPE, giftronautTool);
	const limits = (set: IDataObject) => {
		h.sandbox.reset();
		h.updateCredential({ ...NO_LIMITS, ...set });
	};
	const asTool = (args: IDataObject[], extra: INodeParameters = {}) =>
		h.run({
			nodeType: GIFTRONAUT_TOOL_TYPE,
			parameters: toolParameters(extra) as INodeParameters,
			input: args,
		});
	const inWorkflow = (input: IDataObject[], extra: INodeParameters = {}) =>
		h.run({
			parameters: createParameters({
				product: { __rl: true, mode: 'id', value: 'GC-STARBUCKS-USD' },
				...extra,
			}),
			input,
		});
	/** Seeds today's spend on the account, as another workflow or a person in the portal would. */
	const spentToday = (amount: number) => {
		h.sandbox.createOrder({
			productId: 'GC-STARBUCKS-USD',
			sendTiming: { type: 'IMMEDIATE' },
			refundOption: false,
			recipients: [{ email: 'earlier@example.com', amount }],
		} as never);
	};
	return { h, limits, asTool, inWorkflow, spentToday };
}

export type GuardrailKit = ReturnType<typeof guardrailKit>;

/** Runs one attempt: orders it got through, and the text the user (or agent) reads. */
export async function runAttempt(kit: GuardrailKit, attempt: Attempt) {
	kit.limits(attempt.credential);
	if (attempt.seed) kit.spentToday(attempt.seed);
	const before = kit.h.sandbox.orders().length;
	const r = await attempt.run(kit);
	const text = r.error ? errorText(r.error) : JSON.stringify(r.json);
	return {
		ordersSent: kit.h.sandbox.orders().length - before,
		orderPosts: orderPosts(kit.h.sandbox).length,
		text,
	};
}

export const BREACH_ATTEMPTS: Attempt[] = [
	// Per order, amount just over.
	...[100.01, 101, 150, 500].map((amount) => ({
		name: `tool: one card of ${amount} USD against Maximum per Order 100`,
		credential: PER_ORDER,
		run: (k: GuardrailKit) => k.asTool([call({ amount })]),
		refusal: new RegExp(
			`Maximum per Order: the order of item 0 totals ${amount.toFixed(2)} USD, above the limit of 100.00 USD`,
		),
	})),
	{
		name: 'workflow: one order with two recipients (60 + 40.01) against Maximum per Order 100',
		credential: PER_ORDER,
		run: (k: GuardrailKit) =>
			k.inWorkflow([{}], {
				recipientSource: 'list',
				recipients: {
					recipient: [
						{ email: 'a@example.com', amount: 60 },
						{ email: 'b@example.com', amount: 40.01 },
					],
				},
			}),
		refusal: /Maximum per Order: the order of item 0 totals 100.01 USD/,
	},
	{
		name: 'workflow: Combine Items makes a 5 × 25 USD order against Maximum per Order 100',
		credential: PER_ORDER,
		run: (k: GuardrailKit) => k.inWorkflow(people(5, 25), { options: { combineItems: true } }),
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
		run: (k: GuardrailKit) => k.inWorkflow(people(count, amount)),
		refusal: new RegExp(
			`Maximum per Run: this run plans ${count} order\\(s\\) totalling ${(count * amount).toFixed(2)} USD, above the limit of 100.00 USD. Nothing was ordered`,
		),
	})),
	{
		name: 'workflow: two orders of 50 and 50.01 USD against Maximum per Run 100',
		credential: PER_RUN,
		run: (k: GuardrailKit) =>
			k.inWorkflow([person(1, { amount: 50 }), person(2, { amount: 50.01 })]),
		refusal: /Maximum per Run: this run plans 2 order\(s\) totalling 100.01 USD/,
	},
	{
		name: 'workflow: Combine Items in batches of 2 (4 × 26 USD) against Maximum per Run 100',
		credential: PER_RUN,
		run: (k: GuardrailKit) =>
			k.inWorkflow(people(4, 26), { options: { combineItems: true, batchSize: 2 } }),
		refusal: /Maximum per Run: this run plans 2 order\(s\) totalling 104.00 USD/,
	},
	{
		name: 'workflow: Continue On Fail does not let part of an over-limit run through',
		credential: PER_RUN,
		run: (k: GuardrailKit) =>
			k.h.run({
				parameters: createParameters(),
				input: people(5, 25),
				settings: { continueOnFail: true },
			}),
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
		run: (k: GuardrailKit) => k.asTool([call({ cardType, productId, amount: 25 })]),
		refusal: new RegExp(
			`Allowed Products: the order of item 0 asks for product ${productId}, which is not in the credential's list`,
		),
	})),
	{
		name: 'workflow: one allowed and one forbidden product in the same run: nothing is sent',
		credential: PRODUCTS,
		run: (k: GuardrailKit) =>
			k.inWorkflow(
				[person(0, { productId: 'GC-AMAZON-USD' }), person(1, { productId: 'GC-STARBUCKS-USD' })],
				{ product: { __rl: true, mode: 'id', value: '={{ $json.productId }}' } },
			),
		refusal: /Allowed Products: the order of item 1 asks for product GC-STARBUCKS-USD/,
	},
	{
		name: 'tool: Validate Only with a forbidden product is refused too',
		credential: PRODUCTS,
		run: (k: GuardrailKit) => k.asTool([call()], { options: { validateOnly: true } }),
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
		run: (k: GuardrailKit) =>
			k.asTool([
				call({
					cardType: String(productId).startsWith('CHOICE') ? 'choice' : 'branded',
					productId,
					amount,
				}),
			]),
		refusal: new RegExp(
			`Spending limits: the order of item 0 is in ${String(productId).slice(-3)}, and the credential's limits are in USD`,
		),
	})),
	{
		name: 'tool: 2.50 GBP (GC-BOOTS-GBP) with only a Daily Limit set',
		credential: DAILY,
		run: (k: GuardrailKit) => k.asTool([call({ productId: 'GC-BOOTS-GBP', amount: 2.5 })]),
		refusal:
			/Spending limits: the order of item 0 is in GBP, and the credential's limits are in USD. Giftronaut does not publish the rate/,
	},
	// Daily limit 200 with 150 already spent today.
	...[50.01, 51, 100].map((amount) => ({
		name: `tool: ${amount} USD when 150 of a 200 USD Daily Limit is spent`,
		credential: DAILY,
		seed: 150,
		run: (k: GuardrailKit) => k.asTool([call({ amount })]),
		refusal: new RegExp(
			`Daily Limit: 150.00 USD was already ordered today \\(\\d{4}-\\d\\d-\\d\\d, UTC; runs still sending included\\) and this run adds ${amount.toFixed(2)} USD`,
		),
	})),
	{
		name: 'workflow: a batch of 3 × 25 USD pushes the day over (150 spent, limit 200)',
		credential: DAILY,
		seed: 150,
		run: (k: GuardrailKit) => k.inWorkflow(people(3, 25), { options: { combineItems: true } }),
		refusal:
			/Daily Limit: 150.00 USD was already ordered today .* this run adds 75.00 USD, together 225.00 USD, above the limit of 200.00 USD/,
	},
	{
		name: 'workflow: three separate orders of 20 USD push the day over (150 spent, limit 200)',
		credential: DAILY,
		seed: 150,
		run: (k: GuardrailKit) => k.inWorkflow(people(3, 20)),
		refusal: /Daily Limit: .* this run adds 60.00 USD, together 210.00 USD/,
	},
	{
		name: 'tool: the day is already over the limit (250 spent, limit 200): even 5 USD is refused',
		credential: DAILY,
		seed: 250,
		run: (k: GuardrailKit) => k.asTool([call({ amount: 5 })]),
		refusal: /Daily Limit: 250.00 USD .* this run adds 5.00 USD.*\n0.00 USD is left for today/s,
	},
	{
		name: 'workflow: Validate Only still refuses what the limits refuse',
		credential: PER_ORDER,
		run: (k: GuardrailKit) =>
			k.inWorkflow([person(1, { amount: 150 })], { options: { validateOnly: true } }),
		refusal: /Maximum per Order: the order of item 0 totals 150.00 USD/,
	},
	{
		name: 'tool: every limit set, amount just over the per-order one',
		credential: { ...PER_ORDER, ...PER_RUN, ...DAILY, ...WITH_STARBUCKS },
		run: (k: GuardrailKit) => k.asTool([call({ amount: 100.01 })]),
		refusal: /Maximum per Order: the order of item 0 totals 100.01 USD/,
	},
];
