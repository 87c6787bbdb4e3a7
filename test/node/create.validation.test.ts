import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createHarness, type Harness } from '../harness';
import { createParameters, errorText, orderPosts, person } from './create-fixtures';

let h: Harness;
beforeAll(async () => {
	h = await createHarness();
});
afterAll(async () => await h.close());
beforeEach(() => h.sandbox.reset());

const long = (n: number) => 'x'.repeat(n);

/** Everything an item can vary comes from its JSON, so one bad item can sit among good ones. */
const fromJson = createParameters({
	product: { __rl: true, mode: 'id', value: "={{ $json.product ?? 'GC-AMAZON-USD' }}" },
	additionalRecipientFields: { company: '={{ $json.company }}' },
	sendTiming: "={{ $json.timing ?? 'immediate' }}",
	scheduledAt: '={{ $json.at }}',
	timezone: "={{ $json.tz ?? 'America/New_York' }}",
});
const nextYear = new Date().getUTCFullYear() + 1;
const scheduled = (extra: IDataObject) => ({
	timing: 'scheduled',
	at: `${nextYear}-05-01T10:00:00`,
	...extra,
});

interface BadCase {
	name: string;
	/** Fields of the bad item (merged into a valid person), or a whole item. */
	item?: IDataObject;
	parameters?: INodeParameters;
	/** Fields merged into the two good items, when the parameters need them. */
	good?: IDataObject;
	/** Expected text of the error message. */
	message: string;
	/** Index of the item the error names; null = a run-level setting. Default 2. */
	itemIndex?: number | null;
}

const CASES: BadCase[] = [
	{ name: 'email missing', item: { email: undefined }, message: 'Email is required' },
	{ name: 'email empty', item: { email: '' }, message: 'Email is required' },
	{
		name: 'email without @',
		item: { email: 'not-an-email' },
		message: 'Email "not-an-email" is not a valid email address',
	},
	{
		name: 'email without domain dot',
		item: { email: 'a@b' },
		message: 'Email "a@b" is not a valid email address',
	},
	{
		name: 'email with a space',
		item: { email: 'a b@example.com' },
		message: 'is not a valid email address',
	},
	{
		name: 'email too long',
		item: { email: `${long(250)}@example.com` },
		message: 'is not a valid email address',
	},
	{ name: 'email not text', item: { email: { address: 'x' } }, message: 'Email must be text' },
	{
		name: 'amount not a denomination',
		item: { amount: 30 },
		message: 'Amount 30 is not a denomination of Amazon (GC-AMAZON-USD): choose 10, 25, 50 or 100',
	},
	{
		name: 'amount with cents not a denomination',
		item: { amount: 12.5 },
		message: 'Amount 12.5 is not a denomination of Amazon',
	},
	{ name: 'amount zero', item: { amount: 0 }, message: 'Amount 0 must be greater than 0' },
	{ name: 'amount negative', item: { amount: -25 }, message: 'Amount -25 must be greater than 0' },
	{
		name: 'amount with 3 decimals',
		item: { product: 'GC-STARBUCKS-USD', amount: 25.555 },
		message: 'Amount 25.555 has more than 2 decimal places',
	},
	{ name: 'amount text', item: { amount: 'abc' }, message: 'Amount "abc" is not a number' },
	{ name: 'amount empty', item: { amount: '' }, message: 'Amount is required' },
	{
		name: 'amount with currency sign',
		item: { amount: '$25' },
		message: 'Amount "$25" is not a number',
	},
	{
		name: 'amount with thousands separator',
		item: { product: 'GC-STARBUCKS-USD', amount: '1,000' },
		message: 'Amount "1,000" is not a number',
	},
	{
		name: 'amount below range',
		item: { product: 'GC-STARBUCKS-USD', amount: 4 },
		message: 'Amount 4 is below the minimum of Starbucks (GC-STARBUCKS-USD): choose 5 to 500 USD',
	},
	{
		name: 'amount above range',
		item: { product: 'GC-STARBUCKS-USD', amount: 500.01 },
		message: 'Amount 500.01 is above the maximum of Starbucks',
	},
	{
		name: 'unknown product',
		item: { product: 'GC-NOPE-USD' },
		message: 'Product "GC-NOPE-USD" is not in the Branded Card catalog',
	},
	{
		name: 'choice product as branded',
		item: { product: 'CHOICE-GLOBAL-USD' },
		message: 'it is a Choice Card, so set Card Type to Choice Card',
	},
	{
		name: 'branded product as choice',
		parameters: { cardType: 'choice' },
		good: { product: 'CHOICE-GLOBAL-USD' },
		item: { product: 'GC-TESCO-GBP', amount: 15 },
		message: 'it is a Branded Card',
	},
	{ name: 'product empty', item: { product: ' ' }, message: 'Product is required' },
	{
		name: 'first name too long',
		item: { firstName: long(101) },
		message: 'First Name is 101 characters long; Giftronaut accepts at most 100',
	},
	{ name: 'last name not text', item: { lastName: { a: 1 } }, message: 'Last Name must be text' },
	{
		name: 'company too long',
		item: { company: long(120) },
		message: 'Company is 120 characters long',
	},
	{
		name: 'scheduled without time',
		item: scheduled({ at: '' }),
		message: 'Scheduled At is required when Send Timing is Scheduled',
	},
	{
		name: 'scheduled time not a date',
		item: scheduled({ at: 'tomorrow' }),
		message: 'Scheduled At "tomorrow" is not a valid date and time',
	},
	{
		name: 'scheduled on 30 February',
		item: scheduled({ at: `${nextYear}-02-30T10:00:00` }),
		message: 'is not a valid date and time',
	},
	{
		name: 'scheduled at hour 25',
		item: scheduled({ at: `${nextYear}-01-01T25:00:00` }),
		message: 'is not a valid date and time',
	},
	{
		name: 'scheduled in the past',
		item: scheduled({ at: '2020-01-01T09:00:00' }),
		message: 'Scheduled At 2020-01-01T09:00:00 in America/New_York is in the past',
	},
	{
		name: 'timezone unknown',
		item: scheduled({ tz: 'Mars/Olympus' }),
		message: 'Timezone "Mars/Olympus" is not an IANA time zone',
	},
	{
		name: 'timezone as offset',
		item: scheduled({ tz: '+02:00' }),
		message: 'Timezone "+02:00" is not an IANA time zone',
	},
	// An empty Timezone is no longer bad input: it means the workflow's time zone (create.panel.test.ts).
	{
		name: 'send timing unknown',
		item: { timing: 'sometimes' },
		message: 'Send Timing "sometimes" must be "immediate" or "scheduled"',
	},
	{
		name: 'idempotency key too long',
		parameters: { options: { idempotencyKey: '={{ $json.key }}' } },
		item: { key: long(65) },
		message: 'Idempotency Key is 65 characters long; Giftronaut accepts at most 64',
	},
	{
		name: 'idempotency key empty',
		parameters: { options: { idempotencyKey: '={{ $json.key }}' } },
		item: { key: '' },
		message: 'Idempotency Key is empty',
	},
	{
		name: 'idempotency key with space',
		parameters: { options: { idempotencyKey: '={{ $json.key }}' } },
		item: { key: 'deal 1' },
		message: 'Idempotency Key may only contain visible ASCII characters',
	},
	{
		name: 'idempotency key not ASCII',
		parameters: { options: { idempotencyKey: '={{ $json.key }}' } },
		item: { key: 'clé-1' },
		message: 'Idempotency Key may only contain visible ASCII characters',
	},
	{
		name: 'email settings subject not text',
		parameters: { emailSettings: { subject: '={{ $json.subject }}' } },
		item: { subject: { a: 1 } },
		message: 'Email Settings → Subject must be text',
	},
	{
		name: 'list recipient with bad email',
		parameters: {
			recipientSource: 'list',
			recipients: {
				recipient: [
					{ email: '={{ $json.email }}', amount: 25 },
					{ email: '={{ $json.second }}', amount: 25 },
				],
			},
		},
		good: { second: 'ok@example.com' },
		item: { second: 'nobody' },
		message: 'Recipient 2 of 2: Email "nobody" is not a valid email address',
	},
	{
		name: 'list without recipients',
		parameters: { recipientSource: 'list', recipients: {} },
		message: 'Recipients is empty: add at least one recipient',
		itemIndex: 0,
	},
	{
		name: 'item with more recipients than the batch size',
		parameters: {
			recipientSource: 'list',
			recipients: {
				recipient: [
					{ email: 'a@example.com', amount: 25 },
					{ email: 'b@example.com', amount: 25 },
					{ email: 'c@example.com', amount: 25 },
				],
			},
			options: { combineItems: true, batchSize: 2 },
		},
		message: 'Recipients has 3 entries; one item may have at most 2 (the Batch Size)',
		itemIndex: 0,
	},
	{
		name: 'batch size zero',
		parameters: { options: { combineItems: true, batchSize: 0 } },
		message: 'Batch Size 0 must be a whole number from 1 to 1000',
		itemIndex: null,
	},
	{
		name: 'batch size above 1000',
		parameters: { options: { combineItems: true, batchSize: 1001 } },
		message: 'Batch Size 1001 must be a whole number from 1 to 1000',
		itemIndex: null,
	},
	{
		name: 'request timeout too short',
		parameters: { options: { timeout: 10 } },
		message: 'Timeout 10 must be at least 1000 milliseconds',
		itemIndex: null,
	},
];

test('the catalogue has at least 30 distinct bad inputs', () => {
	expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
	expect(CASES.length).toBeGreaterThanOrEqual(30);
});

describe.each(CASES)('bad input: $name', ({ item, good, parameters, message, itemIndex = 2 }) => {
	test('stops before any order request, naming the field and the item', async () => {
		const bad = { ...person(2), ...item };
		const r = await h.run({
			parameters: { ...fromJson, ...parameters },
			input: [person(0, good), person(1, good), bad],
		});
		expect(r.error?.message).toContain(message);
		if (itemIndex !== null) expect(r.error?.message).toContain(`(item ${itemIndex})`);
		expect(orderPosts(h.sandbox)).toHaveLength(0);
		expect(h.sandbox.orders()).toHaveLength(0);
	});
});

test('several bad items: the error lists the others and says nothing was ordered', async () => {
	const r = await h.run({
		parameters: fromJson,
		input: [
			person(0, { amount: 30 }),
			person(1),
			person(2, { email: 'nope' }),
			person(3, { product: 'GC-X' }),
		],
	});
	expect(r.error?.message).toContain('(item 0)');
	const text = errorText(r.error);
	expect(text).toContain('Nothing was ordered');
	expect(text).toContain('2 more item(s) have problems');
	expect(text).toContain('Email "nope" is not a valid email address (item 2)');
	expect(text).toContain('Product "GC-X" is not in the Branded Card catalog');
	expect(orderPosts(h.sandbox)).toHaveLength(0);
});

test('Continue On Fail: bad items become error items, the good ones are ordered', async () => {
	const r = await h.run({
		parameters: fromJson,
		input: [person(0), person(1, { amount: 30 }), person(2), person(3, { email: 'bad' })],
		settings: { continueOnFail: true },
	});
	expect(r.items.map((i) => i.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 1 },
		{ item: 2 },
		{ item: 3 },
	]);
	expect(r.json[1].error).toContain('Amount 30 is not a denomination');
	expect(r.json[3].error).toContain('Email "bad" is not a valid email address');
	expect(r.json[0].orderId).toBeDefined();
	expect(r.json[2].orderId).toBeDefined();
	expect(h.sandbox.orders().map((o) => o.recipients[0].email)).toEqual([
		'person0@example.com',
		'person2@example.com',
	]);
});

describe('balance and permissions', () => {
	test('Check Balance First: one balance read, then an error before any order when the run needs more', async () => {
		h.sandbox.configure({ balance: 60 });
		const r = await h.run({
			parameters: createParameters({ options: { checkBalance: true } }),
			input: [person(0), person(1), person(2)],
		});
		expect(r.error?.message).toContain(
			'this run needs 75.00 USD but the available balance is 60.00 USD; add 15.00 USD',
		);
		expect(r.error?.message).toContain('Nothing was ordered');
		expect(orderPosts(h.sandbox)).toHaveLength(0);
		expect(h.sandbox.requests().filter((e) => e.path === '/api/v1/balance')).toHaveLength(1);
	});

	test('Check Balance First passes when the balance is enough (one balance read for many items)', async () => {
		h.sandbox.configure({ balance: 75 });
		const r = await h.run({
			parameters: createParameters({ options: { checkBalance: true } }),
			input: [person(0), person(1), person(2)],
		});
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(3);
		expect(h.sandbox.requests().filter((e) => e.path === '/api/v1/balance')).toHaveLength(1);
	});

	test('402 from Giftronaut says how much is missing', async () => {
		h.sandbox.configure({ balance: 10 });
		const r = await h.run({ parameters: createParameters(), input: [person(0)] });
		const text = errorText(r.error);
		expect(text).toContain('402');
		expect(text).toContain('INSUFFICIENT_BALANCE');
		expect(text).toContain('add 15.00 USD');
		expect(h.sandbox.orders()).toHaveLength(0);
	});

	test('403 names the missing scope orders.write', async () => {
		const credentialId = h.addCredential(
			{ scopes: 'catalog.read orders.read' },
			{ id: 'read-only' },
		);
		const r = await h.run({ parameters: createParameters(), input: [person(0)], credentialId });
		const text = errorText(r.error);
		expect(text).toContain('403');
		expect(text).toContain('orders.write');
		expect(text).toContain('Scopes (Advanced) field');
		expect(h.sandbox.orders()).toHaveLength(0);
	});
});
