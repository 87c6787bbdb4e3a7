import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';

const harness = useResourceHarness();
const template = (operation: string) => ({ resource: 'template', operation });

describe('Template → Delete', () => {
	test('deletes a template; the default one is refused with DEFAULT_TEMPLATE', async () => {
		const h = harness();
		const r = await h.run({
			parameters: { ...template('delete'), templateId: '={{ $json.id }}' },
			input: [{ id: '12' }, { id: '1' }],
			settings: { onError: 'continueRegularOutput' },
		});

		expect(r.json[0]).toEqual({ templateId: '12', deleted: true });
		expect(r.json[1].error).toMatch(/HTTP 409 DEFAULT_TEMPLATE/);
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(h.sandbox.templates().map((t) => t.templateId)).not.toContain('12');
	});

	test('a template a campaign uses: TEMPLATE_IN_USE with what to do', async () => {
		const h = harness();
		h.sandbox.createCampaign({
			name: 'Welcome',
			cardType: 'BRANDED_CARD',
			productId: 'GC-AMAZON-USD',
			amount: 25,
			subject: 'Welcome!',
			senderName: 'People Team',
			templateId: '34',
		});

		const r = await h.run({ parameters: { ...template('delete'), templateId: '34' } });

		expect(r.error?.message).toMatch(/HTTP 409 TEMPLATE_IN_USE/);
		expect(r.error?.description).toMatch(/Campaign → Update/);
		expect(h.sandbox.templates().map((t) => t.templateId)).toContain('34');
	});

	test('without templates.write: 403 naming the scope', async () => {
		const result = await runWithoutScope(
			harness(),
			{ ...template('delete'), templateId: '12' },
			'templates.write',
		);
		expectScopeError(result, 'templates.write');
	});
});
