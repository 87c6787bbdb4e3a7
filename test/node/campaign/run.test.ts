import type { Harness } from '../../harness';
import {
	campaignRecipients,
	contact,
	runParameters,
	runPosts,
	useCampaignSandbox,
} from './campaign-fixtures';

// Campaign → Run: recipients from the input items, the campaign's product and USD amount, one
// order per item (or per batch with Combine Items), the same default idempotency as Order → Create.

let h: Harness;
let campaignId: string;
useCampaignSandbox((harness, id) => ([h, campaignId] = [harness, id]));

test('one campaign order per item, each recipient at the campaign amount, output paired to its item', async () => {
	const r = await h.run({ parameters: runParameters(campaignId), input: [contact(0), contact(1)] });
	expect(r.error).toBeUndefined();
	const orders = h.sandbox.orders();
	expect(orders).toHaveLength(2);
	for (const order of orders) {
		expect(order).toMatchObject({
			orderType: 'CAMPAIGN',
			campaignId,
			totalCost: { amount: 25, currency: 'USD' },
		});
	}
	expect(campaignRecipients(h.sandbox)).toEqual(['contact0@example.com', 'contact1@example.com']);
	expect(orders[0].recipients[0]).toMatchObject({
		firstName: 'First0',
		lastName: 'Last0',
		amount: 25,
	});
	expect(r.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(r.json.map((json) => json.orderId)).toEqual(orders.map((order) => order.orderId));
	expect(r.json[0]).toMatchObject({ campaignId, replayed: false });

	const keys = runPosts(h.sandbox).map((entry) => entry.idempotencyKey);
	expect(new Set(keys).size).toBe(2);
	for (const key of keys) expect(key).toMatch(/^n8n-c-[A-Za-z0-9_-]{43}$/);
	expect(r.json.map((json) => json.idempotencyKey)).toEqual(keys);
});

test('the request carries no amount (the sandbox refuses one), and a changed subject on a re-run is a 409 that explains the key', async () => {
	const withSubject = (subject: string) =>
		runParameters(campaignId, { emailSettings: { subject } });
	await h.run({ parameters: withSubject('Welcome, friend'), input: [contact(0)] });
	expect(runPosts(h.sandbox).map((entry) => entry.status)).toEqual([201]);
	const changed = await h.run({ parameters: withSubject('Another subject'), input: [contact(0)] });
	const text = `${changed.error?.message}\n${changed.error?.description}`;
	expect(text).toContain('409');
	expect(text).toContain('DUPLICATE_IDEMPOTENCY_KEY');
	expect(text).toContain('the campaign and the recipients');
	expect(text).toContain(
		'a changed subject, sender, message, name or timing cannot change an order already placed',
	);
	expect(h.sandbox.orders()).toHaveLength(1);
});

test('re-running the same input: the same keys, replayed, no new order', async () => {
	const input = [contact(0), contact(1)];
	await h.run({ parameters: runParameters(campaignId), input });
	const again = await h.run({ parameters: runParameters(campaignId), input });
	expect(again.error).toBeUndefined();
	expect(h.sandbox.orders()).toHaveLength(2);
	expect(again.json.map((json) => json.replayed)).toEqual([true, true]);
	expect(runPosts(h.sandbox).map((entry) => entry.outcome)).toEqual([
		'created',
		'created',
		'replayed',
		'replayed',
	]);
});

test('a new item for the same person is a new gift; the same item in another workflow too', async () => {
	await h.run({ parameters: runParameters(campaignId), input: [contact(0, { signupId: 1 })] });
	await h.run({ parameters: runParameters(campaignId), input: [contact(0, { signupId: 2 })] });
	await h.run({
		parameters: runParameters(campaignId),
		input: [contact(0, { signupId: 1 })],
		workflowId: 'wf-2',
	});
	expect(campaignRecipients(h.sandbox)).toEqual(Array(3).fill('contact0@example.com'));
});

test('Deduplication Key: a redelivery with other fields is one order', async () => {
	const parameters = runParameters(campaignId, {
		options: { deduplicationKey: '={{ $json.contactId }}' },
	});
	await h.run({ parameters, input: [contact(0, { contactId: 'c-1', receivedAt: 'first' })] });
	const again = await h.run({
		parameters,
		input: [contact(0, { contactId: 'c-1', receivedAt: 'second' })],
	});
	expect(h.sandbox.orders()).toHaveLength(1);
	expect(again.json[0].replayed).toBe(true);
});

test('Combine Items: 250 contacts in batches of 100 → 3 orders, output per recipient paired to its item', async () => {
	const input = Array.from({ length: 250 }, (_, i) => contact(i));
	const r = await h.run({
		parameters: runParameters(campaignId, {
			options: { combineItems: true, batchSize: 100, output: 'recipients' },
		}),
		input,
	});
	expect(r.error).toBeUndefined();
	expect(h.sandbox.orders().map((order) => order.recipients.length)).toEqual([100, 100, 50]);
	expect(r.json).toHaveLength(250);
	expect(r.items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
		Array.from({ length: 250 }, (_, i) => i),
	);
	expect(r.json[249]).toMatchObject({
		email: 'contact249@example.com',
		amount: 25,
		currency: 'USD',
	});
	expect(String(r.json[0].rewardLink)).toContain('/redeem/');
});

test('Recipients From List: one order per item with everyone listed', async () => {
	const r = await h.run({
		parameters: runParameters(campaignId, {
			recipientSource: 'list',
			recipients: {
				recipient: [{ email: 'a@example.com' }, { email: 'b@example.com', company: 'Acme' }],
			},
		}),
		input: [{}],
	});
	expect(r.error).toBeUndefined();
	expect(campaignRecipients(h.sandbox)).toEqual(['a@example.com', 'b@example.com']);
	expect(h.sandbox.orders()[0].totalCost).toEqual({ amount: 50, currency: 'USD' });
});

test('Wait for Completion: the order is output COMPLETE with its reward link', async () => {
	h.sandbox.configure({ lifecycle: { pendingMs: 300, inProgressMs: 300 } });
	const r = await h.run({
		parameters: runParameters(campaignId, { waitForCompletion: true, waitTimeout: 20 }),
		input: [contact(0)],
	});
	expect(r.error).toBeUndefined();
	expect(r.json[0]).toMatchObject({ status: 'COMPLETE', waitTimedOut: false, campaignId });
	expect(String((r.json[0].recipients as Array<{ rewardLink: string }>)[0].rewardLink)).toContain(
		'/redeem/',
	);
});

test('Check Balance First counts the campaign amount × recipients in USD', async () => {
	h.sandbox.configure({ balance: 40 });
	const r = await h.run({
		parameters: runParameters(campaignId, { options: { checkBalance: true } }),
		input: [contact(0), contact(1)],
	});
	expect(r.error?.message).toContain(
		'this run needs 50.00 USD but the available balance is 40.00 USD',
	);
	expect(h.sandbox.orders()).toHaveLength(0);
});
