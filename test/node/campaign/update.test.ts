import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';
import { addCampaign, byId, welcome } from './fixtures';

const harness = useResourceHarness();
const update = { resource: 'campaign', operation: 'update' };

describe('Campaign → Update', () => {
	test('changes the given fields and keeps the others (PUT sends the whole campaign)', async () => {
		const h = harness();
		const c = addCampaign(h, { templateId: '34' } as never);

		const r = await h.run({
			parameters: {
				...update,
				campaignId: byId(c.campaignId, 'list'),
				updateFields: { amount: 50 },
			},
		});

		expect(r.error).toBeUndefined();
		expect(h.sandbox.campaigns()[0]).toMatchObject({ ...welcome, amount: 50, templateId: '34' });
		expect(r.json[0]).toMatchObject({ campaignId: c.campaignId, amount: 50 });
	});

	test('a bad amount fails before the campaign is read or written', async () => {
		const h = harness();
		const c = addCampaign(h);

		const r = await h.run({
			parameters: { ...update, campaignId: byId(c.campaignId), updateFields: { amount: -5 } },
		});

		expect(r.error?.message).toBe(
			'Amount -5 is not a positive USD amount with at most 2 decimals (item 0)',
		);
		expect(h.sandbox.requests().filter((q) => q.path.startsWith('/api/v1/campaigns'))).toHaveLength(
			0,
		);
	});

	test('without campaigns.write: 403 naming the scope', async () => {
		const h = harness();
		const c = addCampaign(h);
		const result = await runWithoutScope(
			h,
			{ ...update, campaignId: byId(c.campaignId), updateFields: { name: 'X' } },
			'campaigns.write',
		);
		expectScopeError(result, 'campaigns.write');
	});
});
