import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';

const harness = useResourceHarness();
const template = (operation: string) => ({ resource: 'template', operation });

describe('Template → Create', () => {
	test('creates a template with its colours; output paired to the item', async () => {
		const h = harness();
		const r = await h.run({
			parameters: {
				...template('create'),
				name: 'Spring',
				senderName: 'People Team',
				additionalFields: { buttonColor: '#FF8800', imageSize: 60 },
			},
		});

		expect(r.error).toBeUndefined();
		expect(r.json[0]).toMatchObject({
			name: 'Spring',
			buttonColor: '#FF8800',
			imageSize: 60,
			isDefault: false,
		});
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
		expect(h.sandbox.templates().map((t) => t.name)).toContain('Spring');
	});

	test('a colour that is not #RRGGBB is refused before any request, naming the field and the item', async () => {
		const h = harness();
		const r = await h.run({
			parameters: {
				...template('create'),
				name: 'Bad',
				senderName: 'X',
				additionalFields: { borderColor: '={{ $json.colour }}' },
			},
			input: [{ colour: '#303033' }, { colour: 'red' }],
			settings: { onError: 'continueRegularOutput' },
		});

		expect(r.json[0].borderColor).toBe('#303033');
		expect(r.json[1].error).toBe('Border Color "red" is not a hex colour #RRGGBB (item 1)');
		expect(
			h.sandbox.requests().filter((q) => q.method === 'POST' && q.path === '/api/v1/templates'),
		).toHaveLength(1);
	});

	test('without templates.write: 403 naming the scope', async () => {
		const result = await runWithoutScope(
			harness(),
			{ ...template('create'), name: 'N', senderName: 'S' },
			'templates.write',
		);
		expectScopeError(result, 'templates.write');
	});
});

describe('Template → Get / Get Many', () => {
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

describe('Template → Update', () => {
	test('changes the given fields, keeps the rest (PUT sends the whole template)', async () => {
		const h = harness();
		const r = await h.run({
			parameters: {
				...template('update'),
				templateId: '21',
				updateFields: { buttonFontColor: '#FFFFFF' },
			},
		});

		expect(r.error).toBeUndefined();
		expect(h.sandbox.templates().find((t) => t.templateId === '21')).toMatchObject({
			name: 'Work Anniversary',
			senderName: 'People Team',
			buttonFontColor: '#FFFFFF',
		});
	});

	test('a bad colour is refused before the template is read or written', async () => {
		const h = harness();
		const r = await h.run({
			parameters: {
				...template('update'),
				templateId: '21',
				updateFields: { buttonColor: '#12345' },
			},
		});

		expect(r.error?.message).toBe('Button Color "#12345" is not a hex colour #RRGGBB (item 0)');
		expect(h.sandbox.requests().filter((q) => q.path.startsWith('/api/v1/templates'))).toHaveLength(
			0,
		);
	});
});

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
});
