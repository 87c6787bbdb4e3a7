import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';

const harness = useResourceHarness();
const getMany = { resource: 'recipient', operation: 'getMany' };

describe('Recipient → Get Many', () => {
	test('Return All pages through the whole address book; Limit stops early', async () => {
		const h = harness();
		for (let i = 0; i < 130; i++) h.sandbox.createRecipient({ email: `p${i}@example.com` });

		const all = await h.run({ parameters: { ...getMany, returnAll: true } });
		const limited = await h.run({ parameters: { ...getMany, returnAll: false, limit: 7 } });

		expect(new Set(all.json.map((j) => j.email)).size).toBe(130);
		expect(limited.json).toHaveLength(7);
		expect(all.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('Search finds by name or e-mail', async () => {
		const h = harness();
		h.sandbox.createRecipient({ email: 'ada@example.com', firstName: 'Ada' });
		h.sandbox.createRecipient({ email: 'bob@example.com', firstName: 'Bob' });

		const r = await h.run({ parameters: { ...getMany, returnAll: true, search: 'ada' } });

		expect(r.json.map((j) => j.email)).toEqual(['ada@example.com']);
	});

	test('without recipients.read: 403 naming the scope', async () => {
		const result = await runWithoutScope(
			harness(),
			{ ...getMany, returnAll: true },
			'recipients.read',
		);
		expectScopeError(result, 'recipients.read');
	});
});
