import { useResourceHarness } from '../resources-fixtures';
import { addCampaign } from './fixtures';

const harness = useResourceHarness();
const params = { resource: 'campaign', operation: 'get' };

describe('Campaign dropdown (searchCampaigns)', () => {
	test('lists campaigns with their amount, searches by name, pages with a token', async () => {
		const h = harness();
		for (let i = 0; i < 60; i++) addCampaign(h, { name: `Batch ${i}` });
		const welcome = addCampaign(h, { name: 'Welcome', amount: 12.5 });
		const gone = addCampaign(h, { name: 'Welcome old' });
		h.sandbox.deleteCampaign(gone.campaignId);

		const first = await h.listSearch('searchCampaigns', params);
		const second = await h.listSearch(
			'searchCampaigns',
			params,
			undefined,
			first.paginationToken as string,
		);
		const searched = await h.listSearch('searchCampaigns', params, 'welc');

		expect(first.results).toHaveLength(50);
		expect(second.results).toHaveLength(11);
		expect(second.paginationToken).toBeUndefined();
		expect(searched.results).toEqual([{ name: 'Welcome (12.50 USD)', value: welcome.campaignId }]);
	});
});
