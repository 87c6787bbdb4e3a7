import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';

const harness = useResourceHarness();
const update = { resource: 'recipient', operation: 'update' };

describe('Recipient → Update', () => {
	test('changes the given fields and keeps the others (the API replaces the whole record)', async () => {
		const h = harness();
		const ada = h.sandbox.createRecipient({
			email: 'ada@example.com',
			firstName: 'Ada',
			company: 'Old Co',
		});

		const r = await h.run({
			parameters: { ...update, recipientId: ada.recipientId, updateFields: { company: 'New Co' } },
		});

		expect(r.error).toBeUndefined();
		expect(h.sandbox.recipients()).toEqual([
			expect.objectContaining({ email: 'ada@example.com', firstName: 'Ada', company: 'New Co' }),
		]);
		expect(r.json[0]).toMatchObject({ recipientId: ada.recipientId, company: 'New Co' });
	});

	test("changing the e-mail to another recipient's: RECIPIENT_EXISTS", async () => {
		const h = harness();
		const ada = h.sandbox.createRecipient({ email: 'ada@example.com' });
		h.sandbox.createRecipient({ email: 'bob@example.com' });

		const r = await h.run({
			parameters: {
				...update,
				recipientId: ada.recipientId,
				updateFields: { email: 'bob@example.com' },
			},
		});

		expect(r.error?.message).toMatch(/HTTP 409 RECIPIENT_EXISTS/);
		expect(
			h.sandbox
				.recipients()
				.map((x) => x.email)
				.sort(),
		).toEqual(['ada@example.com', 'bob@example.com']);
	});

	test('no Update Fields: an error naming the field and item, before any request', async () => {
		const h = harness();
		const r = await h.run({
			parameters: { ...update, recipientId: 'RC-AAAAAAAA', updateFields: {} },
		});

		expect(r.error?.message).toBe('Update Fields is empty (item 0)');
		expect(h.sandbox.requests().filter((q) => q.path.startsWith('/api/'))).toHaveLength(0);
	});

	test('without recipients.write: 403 naming the scope', async () => {
		const h = harness();
		const ada = h.sandbox.createRecipient({ email: 'ada@example.com' });
		const result = await runWithoutScope(
			h,
			{ ...update, recipientId: ada.recipientId, updateFields: { company: 'X' } },
			'recipients.write',
		);
		expectScopeError(result, 'recipients.write');
	});
});
