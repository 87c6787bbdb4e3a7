import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';
import { addCampaign } from './fixtures';

const harness = useResourceHarness();
const getMany = { resource: 'campaign', operation: 'getMany' };

describe('Campaign → Get Many', () => {
	test('Return All, Limit and Search by name; deleted campaigns are not listed', async () => {
		const h = harness();
		for (let i = 0; i < 105; i++) addCampaign(h, { name: `Batch ${i}` });
		const gone = addCampaign(h, { name: 'Welcome old' });
		addCampaign(h, { name: 'Welcome new' });
		h.sandbox.deleteCampaign(gone.campaignId);

		const all = await h.run({ parameters: { ...getMany, returnAll: true } });
		const three = await h.run({ parameters: { ...getMany, returnAll: false, limit: 3 } });
		const searched = await h.run({
			parameters: { ...getMany, returnAll: true, search: 'welcome' },
		});

		expect(all.json).toHaveLength(106);
		expect(three.json).toHaveLength(3);
		expect(searched.json.map((j) => j.name)).toEqual(['Welcome new']);
	});

	test('without campaigns.read: 403 naming the scope', async () => {
		const result = await runWithoutScope(
			harness(),
			{ ...getMany, returnAll: true },
			'campaigns.read',
		);
		expectScopeError(result, 'campaigns.read');
	});
});
