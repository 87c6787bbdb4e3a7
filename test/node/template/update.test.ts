import { useResourceHarness } from '../resources-fixtures';

const harness = useResourceHarness();
const template = (operation: string) => ({ resource: 'template', operation });

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
