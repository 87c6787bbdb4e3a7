import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';

const harness = useResourceHarness();
const get = { resource: 'recipient', operation: 'get' };

describe('Recipient → Get', () => {
	test('returns the recipient of each item', async () => {
		const h = harness();
		const ada = h.sandbox.createRecipient({ email: 'ada@example.com', lastName: 'Lovelace' });

		const r = await h.run({ parameters: { ...get, recipientId: ada.recipientId } });

		expect(r.json).toEqual([
			expect.objectContaining({ recipientId: ada.recipientId, lastName: 'Lovelace' }),
		]);
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
	});

	test('an unknown ID is a 404 naming the item; an empty one fails before any request', async () => {
		const h = harness();
		const missing = await h.run({ parameters: { ...get, recipientId: 'RC-NOPE0000' } });
		const empty = await h.run({
			parameters: { ...get, recipientId: '={{ $json.id }}' },
			input: [{ id: '' }],
		});

		expect(missing.error?.message).toMatch(/HTTP 404 NOT_FOUND/);
		expect(missing.error?.context?.itemIndex).toBe(0);
		expect(empty.error?.message).toBe('Recipient ID is empty (item 0)');
	});

	test('without recipients.read: 403 naming the scope', async () => {
		const result = await runWithoutScope(
			harness(),
			{ ...get, recipientId: 'RC-AAAAAAAA' },
			'recipients.read',
		);
		expectScopeError(result, 'recipients.read');
	});
});
