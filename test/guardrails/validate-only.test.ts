import type { INodeParameters } from 'n8n-workflow';

import { createHarness, type Harness } from '../harness';
import { readRepoFile } from '../repo/files';
import { createParameters, errorText, orderPosts, person } from '../node/create-fixtures';
import { GIFTRONAUT_TOOL_TYPE, giftronautTool, toolParameters } from './tool-variant';

let h: Harness;
beforeAll(async () => {
	h = await createHarness({ nodeTypes: { [GIFTRONAUT_TOOL_TYPE]: giftronautTool } });
});
afterAll(async () => await h.close());
beforeEach(() => {
	h.sandbox.reset();
	h.updateCredential({
		maxPerOrderUsd: '',
		maxPerRunUsd: '',
		dailyLimitUsd: '',
		allowedProducts: '',
	});
});

const validateOnly = (options: object = {}) => ({ options: { validateOnly: true, ...options } });

describe('Validate Only', () => {
	test('1,000 items: every check runs, the output is what would be sent, 0 order requests', async () => {
		const input = Array.from({ length: 1000 }, (_, i) => person(i, { amount: i % 2 ? 25 : 50 }));
		const r = await h.run({ parameters: createParameters(validateOnly()), input });
		expect(r.error).toBeUndefined();
		expect(orderPosts(h.sandbox)).toHaveLength(0);
		expect(h.sandbox.orders()).toHaveLength(0);
		// The catalog and the balance were read: the checks ran.
		const paths = h.sandbox.requests().map((e) => `${e.method} ${e.path}`);
		expect(paths).toContain('GET /api/v1/balance');
		expect(paths.some((p) => p.startsWith('GET /api/v1/catalog/branded-cards'))).toBe(true);
		expect(r.json).toHaveLength(1000);
		expect(r.json[1]).toMatchObject({
			validateOnly: true,
			cardType: 'branded',
			productId: 'GC-AMAZON-USD',
			currency: 'USD',
			recipients: [
				{ email: 'person1@example.com', firstName: 'First1', lastName: 'Last1', amount: 25 },
			],
			amounts: [25],
			total: { amount: 25, currency: 'USD' },
			totalUsd: 25,
			batch: 2,
			items: [1],
			sendTiming: { type: 'IMMEDIATE' },
		});
		expect(String(r.json[1].idempotencyKey)).toMatch(/^n8n-[A-Za-z0-9_-]{43}$/);
		expect(r.items[999].pairedItem).toEqual([{ item: 999 }]);
	});

	test('the key shown is the key a real run then sends', async () => {
		const input = [person(1), person(2)];
		const dry = await h.run({ parameters: createParameters(validateOnly()), input });
		const real = await h.run({ parameters: createParameters(), input });
		expect(real.error).toBeUndefined();
		expect(h.sandbox.orders().map((o) => o.idempotencyKey)).toEqual(
			dry.json.map((j) => j.idempotencyKey),
		);
	});

	test('Combine Items: one output per batch, with its recipients and total', async () => {
		const input = Array.from({ length: 5 }, (_, i) => person(i));
		const r = await h.run({
			parameters: createParameters(validateOnly({ combineItems: true, batchSize: 2 })),
			input,
		});
		expect(orderPosts(h.sandbox)).toHaveLength(0);
		expect(
			r.json.map((j) => [j.batch, j.recipientCount, (j.total as { amount: number }).amount]),
		).toEqual([
			[1, 2, 50],
			[2, 2, 50],
			[3, 1, 25],
		]);
	});

	test('a bad item fails Validate Only the same way as a real run, and nothing is sent', async () => {
		const r = await h.run({
			parameters: createParameters(validateOnly()),
			input: [person(1), person(2, { amount: 33 })],
		});
		expect(orderPosts(h.sandbox)).toHaveLength(0);
		expect(errorText(r.error)).toMatch(/33 is not a denomination/);
	});

	test('a balance too small fails Validate Only', async () => {
		h.sandbox.configure({ balance: 40 });
		const r = await h.run({
			parameters: createParameters(validateOnly()),
			input: [person(1), person(2)],
		});
		expect(orderPosts(h.sandbox)).toHaveLength(0);
		expect(errorText(r.error)).toMatch(
			/this run needs 50.00 USD but the available balance is 40.00 USD/,
		);
	});

	test('as a tool: compact output, no recipients, nothing sent', async () => {
		const r = await h.run({
			nodeType: GIFTRONAUT_TOOL_TYPE,
			parameters: toolParameters(validateOnly()) as INodeParameters,
			input: [
				{
					cardType: 'branded',
					productId: 'GC-STARBUCKS-USD',
					email: 'a@example.com',
					firstName: 'A',
					lastName: 'B',
					amount: 42,
				},
			],
		});
		expect(r.error).toBeUndefined();
		expect(orderPosts(h.sandbox)).toHaveLength(0);
		expect(r.json).toEqual([
			{
				validateOnly: true,
				productId: 'GC-STARBUCKS-USD',
				total: { amount: 42, currency: 'USD' },
				recipientCount: 1,
				idempotencyKey: expect.stringMatching(/^n8n-/),
			},
		]);
	});
});

describe('examples/ai-agent-send-gift-card.json, its tools run without a model', () => {
	const example = JSON.parse(readRepoFile('examples/ai-agent-send-gift-card.json')) as {
		nodes: Array<{ name: string; type: string; parameters: INodeParameters }>;
	};
	const tool = (name: string) =>
		example.nodes.find((node) => node.name === name) as (typeof example.nodes)[number];
	const args = {
		productId: 'GC-AMAZON-USD',
		email: 'ann@example.com',
		firstName: 'Ann',
		lastName: 'Lee',
		amount: 50,
	};

	test('both tools are the Giftronaut tool variant', () => {
		expect([tool('Plan gift card').type, tool('Send gift card').type]).toEqual([
			GIFTRONAUT_TOOL_TYPE,
			GIFTRONAUT_TOOL_TYPE,
		]);
	});

	test('"Plan gift card" checks and sends nothing; "Send gift card" sends once, within the limits, then refuses over them', async () => {
		h.updateCredential({
			maxPerOrderUsd: '50',
			dailyLimitUsd: '100',
			allowedProducts: 'GC-AMAZON-USD',
		});
		const plan = await h.run({
			nodeType: GIFTRONAUT_TOOL_TYPE,
			parameters: tool('Plan gift card').parameters,
			input: [args],
		});
		expect(plan.json).toEqual([
			expect.objectContaining({ validateOnly: true, total: { amount: 50, currency: 'USD' } }),
		]);
		expect(orderPosts(h.sandbox)).toHaveLength(0);
		const send = () =>
			h.run({
				nodeType: GIFTRONAUT_TOOL_TYPE,
				parameters: tool('Send gift card').parameters,
				input: [args],
			});
		const first = await send();
		const again = await send();
		expect(again.json[0]).toMatchObject({ orderId: first.json[0].orderId, replayed: true });
		expect(h.sandbox.orders()).toHaveLength(1);
		const over = await h.run({
			nodeType: GIFTRONAUT_TOOL_TYPE,
			parameters: tool('Send gift card').parameters,
			input: [{ ...args, amount: 100 }],
		});
		expect(errorText(over.error)).toMatch(
			/Maximum per Order: the order of item 0 totals 100.00 USD, above the limit of 50.00 USD/,
		);
		expect(h.sandbox.orders()).toHaveLength(1);
	});
});
