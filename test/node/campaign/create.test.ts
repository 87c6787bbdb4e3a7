import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';
import { welcome } from './fixtures';

const harness = useResourceHarness();
const create = { resource: 'campaign', operation: 'create', ...welcome };

describe('Campaign → Create', () => {
	test('creates the campaign with its additional fields', async () => {
		const h = harness();
		const r = await h.run({
			parameters: {
				...create,
				additionalFields: { templateId: '34', refundOption: true, message: 'Hi' },
			},
		});

		expect(r.error).toBeUndefined();
		expect(r.json[0]).toMatchObject({
			...welcome,
			templateId: '34',
			refundOption: true,
			message: 'Hi',
		});
		expect(r.json[0].campaignId).toMatch(/^CA-/);
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
		expect(h.sandbox.campaigns()).toHaveLength(1);
	});

	test('an amount with 3 decimals or an empty subject fails before any request, naming field and item', async () => {
		const h = harness();
		const r = await h.run({
			parameters: { ...create, amount: '={{ $json.amount }}', subject: '={{ $json.subject }}' },
			input: [
				{ amount: 12.345, subject: 'Hi' },
				{ amount: 10, subject: '' },
			],
			settings: { onError: 'continueRegularOutput' },
		});

		expect(r.json[0].error).toBe(
			'Amount 12.345 is not a positive USD amount with at most 2 decimals (item 0)',
		);
		expect(r.json[1].error).toBe('Subject is empty (item 1)');
		expect(h.sandbox.requests().filter((q) => q.path.startsWith('/api/v1/campaigns'))).toHaveLength(
			0,
		);
	});

	test("a product not in the card type's catalog: the API's 400 names the field", async () => {
		const h = harness();
		const r = await h.run({ parameters: { ...create, cardType: 'CHOICE_CARD' } });

		expect(r.error?.message).toMatch(/HTTP 400 VALIDATION_ERROR.*productId/);
		expect(r.error?.context?.itemIndex).toBe(0);
	});

	test('without campaigns.write: 403 naming the scope', async () => {
		const result = await runWithoutScope(harness(), create, 'campaigns.write');
		expectScopeError(result, 'campaigns.write');
	});
});
