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
