import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';

const harness = useResourceHarness();
const template = (operation: string) => ({ resource: 'template', operation });

describe('Template → Get Many and Get', () => {
	test('Get Many lists the default first and honours Limit; Get returns one', async () => {
		const h = harness();
		const all = await h.run({ parameters: { ...template('getMany'), returnAll: true } });
		const two = await h.run({ parameters: { ...template('getMany'), returnAll: false, limit: 2 } });
		const one = await h.run({ parameters: { ...template('get'), templateId: '15' } });

		expect(all.json[0]).toMatchObject({ isDefault: true });
		expect(all.json).toHaveLength(h.sandbox.templates().length);
		expect(two.json).toHaveLength(2);
		expect(one.json).toEqual([expect.objectContaining({ templateId: '15', name: 'Thank You' })]);
	});

	test('the template dropdown lists the same templates, a new one included', async () => {
		const h = harness();
		await h.run({ parameters: { ...template('create'), name: 'Fresh', senderName: 'S' } });

		const options = await h.loadOptions('getTemplates', { resource: 'template', operation: 'get' });

		expect(options[0].description).toBe('Default template of the account');
		expect(options.map((o) => o.name)).toContain('Fresh');
	});

	test('without templates.read: 403 naming the scope', async () => {
		const result = await runWithoutScope(
			harness(),
			{ ...template('get'), templateId: '15' },
			'templates.read',
		);
		expectScopeError(result, 'templates.read');
	});
});
