import type { Harness } from '../../harness';
import { errorText } from '../create-fixtures';
import { contact, runParameters, runPosts, useCampaignSandbox } from './campaign-fixtures';

// Campaign → Run under the credential's spending limits (docs/api-contract.md#spending): an order
// of a run costs the campaign's USD amount × its recipients. And Validate Only: every check, no run.

let h: Harness;
let campaignId: string;
useCampaignSandbox((harness, id) => ([h, campaignId] = [harness, id]));
beforeEach(() => {
	h.updateCredential({
		maxPerOrderUsd: undefined,
		maxPerRunUsd: undefined,
		dailyLimitUsd: undefined,
		allowedProducts: undefined,
	});
});

const combined = () => runParameters(campaignId, { options: { combineItems: true } });

test('Maximum per Order: 3 recipients × 25 USD = 75 over 50 → refused, nothing sent', async () => {
	h.updateCredential({ maxPerOrderUsd: 50 });
	const r = await h.run({ parameters: combined(), input: [contact(0), contact(1), contact(2)] });
	const text = errorText(r.error);
	expect(text).toMatch(/75(\.00)? USD/);
	expect(text).toMatch(/50(\.00)? USD/);
	expect(text).toMatch(/set in the Giftronaut credential/);
	expect(runPosts(h.sandbox)).toHaveLength(0);
});

test('Maximum per Run: one order per item, 3 × 25 = 75 over 60 → refused before the first', async () => {
	h.updateCredential({ maxPerRunUsd: 60 });
	const r = await h.run({
		parameters: runParameters(campaignId),
		input: [contact(0), contact(1), contact(2)],
	});
	expect(errorText(r.error)).toMatch(/75(\.00)? USD/);
	expect(runPosts(h.sandbox)).toHaveLength(0);
});

test('Allowed Products: a campaign whose product is not in the list is refused', async () => {
	h.updateCredential({ allowedProducts: 'GC-STARBUCKS-USD' });
	const r = await h.run({ parameters: runParameters(campaignId), input: [contact(0)] });
	expect(errorText(r.error)).toContain('GC-AMAZON-USD');
	expect(runPosts(h.sandbox)).toHaveLength(0);
});

test('within the limits the run goes out', async () => {
	h.updateCredential({ maxPerOrderUsd: 75, maxPerRunUsd: 75, allowedProducts: 'GC-AMAZON-USD' });
	const r = await h.run({ parameters: combined(), input: [contact(0), contact(1), contact(2)] });
	expect(r.error).toBeUndefined();
	expect(h.sandbox.orders().map((order) => order.totalCost)).toEqual([
		{ amount: 75, currency: 'USD' },
	]);
});

test('Validate Only: what would be sent, per order, and no run request', async () => {
	const input = Array.from({ length: 250 }, (_, i) => contact(i));
	const r = await h.run({
		parameters: runParameters(campaignId, {
			options: { combineItems: true, batchSize: 100, validateOnly: true },
		}),
		input,
	});
	expect(r.error).toBeUndefined();
	expect(runPosts(h.sandbox)).toHaveLength(0);
	expect(h.sandbox.orders()).toHaveLength(0);
	expect(r.json).toHaveLength(3);
	expect(r.json[0]).toMatchObject({
		validateOnly: true,
		campaignId,
		recipientCount: 100,
		total: { amount: 2500, currency: 'USD' },
		totalUsd: 2500,
		batch: 1,
	});
	expect(String(r.json[0].idempotencyKey)).toMatch(/^n8n-c-/);

	// The keys shown are the ones a real run then uses.
	const sent = await h.run({
		parameters: runParameters(campaignId, { options: { combineItems: true, batchSize: 100 } }),
		input,
	});
	expect(sent.json.map((json) => json.idempotencyKey)).toEqual(
		r.json.map((json) => json.idempotencyKey),
	);
});
