import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';
import { addCampaign, byId } from './fixtures';

const harness = useResourceHarness();
const del = { resource: 'campaign', operation: 'delete' };

describe('Campaign → Delete', () => {
	test('soft-deletes: gone from the list; deleting it again is a 404 (Continue On Fail keeps going)', async () => {
		const h = harness();
		const c = addCampaign(h);
		const keep = addCampaign(h, { name: 'Keep' });

		const r = await h.run({
			parameters: { ...del, campaignId: byId('={{ $json.id }}') },
			input: [{ id: c.campaignId }, { id: c.campaignId }],
			settings: { onError: 'continueRegularOutput' },
		});
		const listed = await h.run({
			parameters: { resource: 'campaign', operation: 'getMany', returnAll: true },
		});

		expect(r.json[0]).toEqual({ campaignId: c.campaignId, deleted: true });
		expect(r.json[1].error).toMatch(/HTTP 404 NOT_FOUND/);
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(listed.json.map((j) => j.campaignId)).toEqual([keep.campaignId]);
	});

	test('without campaigns.write: 403 naming the scope', async () => {
		const h = harness();
		const c = addCampaign(h);
		const result = await runWithoutScope(
			h,
			{ ...del, campaignId: byId(c.campaignId) },
			'campaigns.write',
		);
		expectScopeError(result, 'campaigns.write');
	});
});
