import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';

const harness = useResourceHarness();
const create = { resource: 'recipient', operation: 'create' };

describe('Recipient → Create', () => {
	test('adds one recipient per item, with the additional fields, paired to its item', async () => {
		const h = harness();
		const r = await h.run({
			parameters: {
				...create,
				email: '={{ $json.email }}',
				additionalFields: { firstName: '={{ $json.first }}', company: 'Acme' },
			},
			input: [
				{ email: 'ada@example.com', first: 'Ada' },
				{ email: 'bob@example.com', first: 'Bob' },
			],
		});

		expect(r.error).toBeUndefined();
		expect(r.json.map((j) => [j.email, j.firstName, j.company])).toEqual([
			['ada@example.com', 'Ada', 'Acme'],
			['bob@example.com', 'Bob', 'Acme'],
		]);
		expect(r.json[0].recipientId).toMatch(/^RC-/);
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(
			h.sandbox
				.recipients()
				.map((x) => x.email)
				.sort(),
		).toEqual(['ada@example.com', 'bob@example.com']);
	});

	test('an e-mail already in the address book: RECIPIENT_EXISTS with a hint to use Create or Update', async () => {
		const h = harness();
		h.sandbox.createRecipient({ email: 'ada@example.com' });

		const r = await h.run({ parameters: { ...create, email: 'ada@example.com' } });

		expect(r.error?.message).toMatch(/HTTP 409 RECIPIENT_EXISTS/);
		expect(r.error?.description).toMatch(/Create or Update/);
		expect(r.error?.context?.itemIndex).toBe(0);
		expect(h.sandbox.recipients()).toHaveLength(1);
	});

	test('a bad e-mail is refused before any request, naming the field and the item; Continue On Fail goes on', async () => {
		const h = harness();
		const r = await h.run({
			parameters: { ...create, email: '={{ $json.email }}' },
			input: [{ email: 'ok@example.com' }, { email: 'not-an-address' }],
			settings: { onError: 'continueRegularOutput' },
		});

		expect(r.json[0].email).toBe('ok@example.com');
		expect(r.json[1].error).toBe('Email "not-an-address" is not a valid e-mail address (item 1)');
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(
			h.sandbox.requests().filter((q) => q.method === 'POST' && q.path === '/api/v1/recipients'),
		).toHaveLength(1);
	});

	test('without recipients.write: 403 naming the scope', async () => {
		const result = await runWithoutScope(
			harness(),
			{ ...create, email: 'ada@example.com' },
			'recipients.write',
		);
		expectScopeError(result, 'recipients.write');
	});
});
