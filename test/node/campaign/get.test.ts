import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';
import { addCampaign, byId } from './fixtures';

const harness = useResourceHarness();
const get = { resource: 'campaign', operation: 'get' };

describe('Campaign → Get', () => {
	test.each(['list', 'id'] as const)('returns the campaign picked in %s mode', async (mode) => {
		const h = harness();
		const c = addCampaign(h);

		const r = await h.run({ parameters: { ...get, campaignId: byId(c.campaignId, mode) } });

		expect(r.json).toEqual([expect.objectContaining({ campaignId: c.campaignId, amount: 25 })]);
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('a deleted campaign is a 404; an empty one fails before any request', async () => {
		const h = harness();
		const c = addCampaign(h);
		h.sandbox.deleteCampaign(c.campaignId);

		const deleted = await h.run({ parameters: { ...get, campaignId: byId(c.campaignId) } });
		const empty = await h.run({
			parameters: { ...get, campaignId: byId('={{ $json.id }}') },
			input: [{ id: '' }],
		});

		expect(deleted.error?.message).toMatch(/HTTP 404 NOT_FOUND/);
		expect(empty.error?.message).toBe('Campaign is empty (item 0)');
	});

	test('without campaigns.read: 403 naming the scope', async () => {
		const h = harness();
		const c = addCampaign(h);
		const result = await runWithoutScope(
			h,
			{ ...get, campaignId: byId(c.campaignId) },
			'campaigns.read',
		);
		expectScopeError(result, 'campaigns.read');
	});
});
