import type { IDataObject } from 'n8n-workflow';

import type { Harness } from '../../harness';
import type { FaultKind } from '../../sandbox';
import { errorText } from '../create-fixtures';
import {
	campaignRecipients,
	contact,
	runParameters,
	runPosts,
	welcomeCampaign,
	useCampaignSandbox,
} from './campaign-fixtures';

// Campaign → Run when things go wrong: faults after Giftronaut committed, bad rows fixed and
// re-run, a missing scope, a deleted campaign, Continue On Fail. Never a second gift.

let h: Harness;
let campaignId: string;
useCampaignSandbox((harness, id) => ([h, campaignId] = [harness, id]));

const fault = (kind: FaultKind, count: number) => ({
	kind,
	method: 'POST',
	path: '/api/v1/campaigns/',
	count,
	retryAfterSeconds: 1,
});

describe.each(['drop-after-commit', 'error-after-commit'] as FaultKind[])(
	'fault %s on the run',
	(kind) => {
		test('the transport retries with the same key: exactly one order', async () => {
			h.sandbox.injectFault(fault(kind, 1));
			const r = await h.run({ parameters: runParameters(campaignId), input: [contact(0)] });
			expect(r.error).toBeUndefined();
			expect(h.sandbox.orders()).toHaveLength(1);
			const posts = runPosts(h.sandbox);
			expect(posts.map((entry) => entry.outcome)).toEqual(['created', 'replayed']);
			expect(new Set(posts.map((entry) => entry.idempotencyKey)).size).toBe(1);
			expect(r.json[0].orderId).toBe(h.sandbox.orders()[0].orderId);
		});

		test('retries exhausted, then n8n Retry On Fail: still exactly one order', async () => {
			h.sandbox.injectFault(fault(kind, 4));
			const r = await h.run({
				parameters: runParameters(campaignId),
				input: [contact(0)],
				settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 },
			});
			expect(r.error).toBeUndefined();
			expect(h.sandbox.orders()).toHaveLength(1);
			expect(runPosts(h.sandbox)).toHaveLength(5);
		});

		test('retries exhausted: the error says a re-run is safe until the window ends; the re-run replays', async () => {
			h.sandbox.injectFault(fault(kind, 4));
			const failed = await h.run({ parameters: runParameters(campaignId), input: [contact(0)] });
			const key = runPosts(h.sandbox)[0].idempotencyKey;
			const text = errorText(failed.error);
			expect(text).toContain(`"${key}"`);
			expect(text).toContain('Running this again with the same input is safe');
			expect(text).toMatch(
				/That holds until \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z \(24 hours after the first attempt\)/,
			);
			expect(text).not.toContain(h.sandbox.clientSecret);
			const rerun = await h.run({ parameters: runParameters(campaignId), input: [contact(0)] });
			expect(rerun.json[0]).toMatchObject({ idempotencyKey: key, replayed: true });
			expect(h.sandbox.orders()).toHaveLength(1);
		});
	},
);

describe('fixed rows with Combine Items', () => {
	const rows = (bad: number[]): IDataObject[] =>
		Array.from({ length: 250 }, (_, i) =>
			bad.includes(i) ? contact(i, { email: `contact${i}(at)example.com` }) : contact(i),
		);
	const continueOnFail = { onError: 'continueRegularOutput' as const };
	const distinct = () => {
		const emails = campaignRecipients(h.sandbox);
		return { total: emails.length, distinct: new Set(emails).size };
	};

	test('a bad row holds back its batch whole; fixing rows one re-run at a time: 0 duplicate recipients', async () => {
		const combined = runParameters(campaignId, { options: { combineItems: true, batchSize: 100 } });
		const first = await h.run({
			parameters: combined,
			input: rows([5, 150]),
			settings: continueOnFail,
		});
		expect(distinct()).toEqual({ total: 50, distinct: 50 });
		const errors = first.items.filter((item) => item.json.error !== undefined);
		expect(errors).toHaveLength(200);
		expect(String(errors[5].json.error)).toContain('is not a valid email address');
		expect(String(errors[0].json.error)).toMatch(/held back/i);
		expect(errors.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			Array.from({ length: 200 }, (_, i) => i),
		);
		await h.run({ parameters: combined, input: rows([150]), settings: continueOnFail });
		expect(distinct()).toEqual({ total: 150, distinct: 150 });
		const fixed = await h.run({ parameters: combined, input: rows([]), settings: continueOnFail });
		expect(fixed.items.filter((item) => item.json.error !== undefined)).toHaveLength(0);
		expect(distinct()).toEqual({ total: 250, distinct: 250 });
		expect(h.sandbox.orders()).toHaveLength(3);
	});
});

test('bad input stops the run before any request to the campaign, naming the field and the item', async () => {
	const r = await h.run({
		parameters: runParameters(campaignId),
		input: [contact(0), contact(1, { email: 'not-an-email' }), contact(2, { email: '' })],
	});
	expect(r.error?.message).toBe('Email "not-an-email" is not a valid email address (item 1)');
	expect(errorText(r.error)).toContain('Nothing was ordered');
	expect(errorText(r.error)).toContain('Email is required');
	expect(runPosts(h.sandbox)).toHaveLength(0);
});

test('Continue On Fail: bad items become error items paired to their input, the good ones are sent', async () => {
	const r = await h.run({
		parameters: runParameters(campaignId),
		input: [contact(0), contact(1, { email: 'not-an-email' }), contact(2)],
		settings: { onError: 'continueRegularOutput' },
	});
	expect(campaignRecipients(h.sandbox)).toEqual(['contact0@example.com', 'contact2@example.com']);
	expect(r.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(String(r.json[1].error)).toContain('(item 1)');
	expect(r.json[0].orderId).toBeDefined();
});

test('a deleted campaign: stopped before sending, the message says so and names the item', async () => {
	h.sandbox.deleteCampaign(campaignId);
	const r = await h.run({ parameters: runParameters(campaignId), input: [contact(0), contact(1)] });
	expect(r.error?.message).toBe(
		`Campaign "${campaignId}" was not found: it does not exist for this account, or it was deleted (a deleted campaign can no longer be run) (item 0)`,
	);
	expect(errorText(r.error)).toContain('Campaign → Get Many');
	expect(runPosts(h.sandbox)).toHaveLength(0);
});

test('two campaigns in one run, one deleted: nothing is sent for either', async () => {
	const other = h.sandbox.createCampaign({ ...welcomeCampaign, name: 'Other' }).campaignId;
	h.sandbox.deleteCampaign(other);
	const r = await h.run({
		parameters: runParameters('={{ $json.campaign }}'),
		input: [contact(0, { campaign: campaignId }), contact(1, { campaign: other })],
	});
	expect(r.error?.message).toContain(`Campaign "${other}" was not found`);
	expect(r.error?.message).toContain('(item 1)');
	expect(h.sandbox.orders()).toHaveLength(0);
});

test('a volatile expression in a field that makes the order is refused before anything is sent', async () => {
	const r = await h.run({
		parameters: runParameters(campaignId, {
			emailSettings: { message: '=Sent {{ $now.toISO() }}' },
		}),
		input: [contact(0)],
	});
	expect(r.error?.message).toContain('Email Settings → Message reads $now');
	expect(h.sandbox.requests()).toHaveLength(0);
});

// The credential lacks one scope: campaigns.read stops the read before sending, campaigns.write the run.
test.each([
	['campaigns.write', 'orders.read orders.write campaigns.read'],
	['campaigns.read', 'orders.read orders.write campaigns.write'],
])(
	'403 without %s: the message names the scope and the item; nothing is sent',
	async (missing, scopes) => {
		const credentialId = h.addCredential({ scopes }, { id: `without-${missing}` });
		const r = await h.run({
			parameters: runParameters(campaignId),
			input: [contact(0)],
			credentialId,
		});
		const text = errorText(r.error);
		expect(text).toContain('403');
		expect(text).toContain(missing);
		expect(text).toContain('Scopes');
		expect(r.error?.context?.itemIndex).toBe(0);
		expect(h.sandbox.orders()).toHaveLength(0);
	},
);
