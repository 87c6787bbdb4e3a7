import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';

const harness = useResourceHarness();
const upsert = { resource: 'recipient', operation: 'upsert' };

function params(extra: Record<string, unknown> = {}) {
	return {
		...upsert,
		email: '={{ $json.email }}',
		additionalFields: { firstName: '={{ $json.first }}' },
		...extra,
	};
}

describe('Recipient → Create or Update', () => {
	test('creates a new e-mail, updates an existing one (case-insensitive) keeping its other fields', async () => {
		const h = harness();
		const ada = h.sandbox.createRecipient({
			email: 'Ada@Example.com',
			firstName: 'A.',
			company: 'Acme',
		});
		// Another recipient whose address contains Ada's: the search matches it, the upsert must not.
		h.sandbox.createRecipient({ email: 'ada@example.com.au', firstName: 'Other' });

		const r = await h.run({
			parameters: params(),
			input: [
				{ email: 'ada@example.com', first: 'Ada' },
				{ email: 'new@example.com', first: 'Neo' },
			],
		});

		expect(r.error).toBeUndefined();
		expect(r.json[0]).toMatchObject({
			recipientId: ada.recipientId,
			firstName: 'Ada',
			company: 'Acme',
		});
		expect(r.json[1]).toMatchObject({ email: 'new@example.com', firstName: 'Neo' });
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const book = h.sandbox.recipients();
		expect(book).toHaveLength(3);
		expect(book.find((x) => x.email === 'ada@example.com.au')?.firstName).toBe('Other');
	});

	test('running the same sync twice leaves one recipient per e-mail', async () => {
		const h = harness();
		const input = [{ email: 'ada@example.com', first: 'Ada' }];

		await h.run({ parameters: params(), input });
		const again = await h.run({ parameters: params(), input });

		expect(again.error).toBeUndefined();
		expect(h.sandbox.recipients()).toHaveLength(1);
	});

	test('two items of one run with the same e-mail: one recipient, the later fields win', async () => {
		const h = harness();
		const r = await h.run({
			parameters: params(),
			input: [
				{ email: 'ada@example.com', first: 'Ada' },
				{ email: 'ADA@example.com', first: 'Augusta' },
			],
		});

		expect(r.json[0].recipientId).toBe(r.json[1].recipientId);
		expect(h.sandbox.recipients()).toEqual([expect.objectContaining({ firstName: 'Augusta' })]);
	});

	test('two runs racing on one e-mail (both look it up before either creates): one recipient, both succeed', async () => {
		const h = harness();
		// The first create is held back, so the second run's look-up and create both happen before it.
		h.sandbox.injectFault({ kind: 'delay', ms: 1500, method: 'POST', path: '/api/v1/recipients' });
		const run = (first: string) =>
			h.run({ parameters: params(), input: [{ email: 'ada@example.com', first }] });

		const [a, b] = await Promise.all([run('Ada'), run('Augusta')]);

		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect(a.json[0].recipientId).toBe(b.json[0].recipientId);
		expect(h.sandbox.recipients()).toHaveLength(1);
		const posts = h.sandbox
			.requests()
			.filter((q) => q.method === 'POST' && q.path === '/api/v1/recipients');
		expect(posts.map((q) => q.status).sort()).toEqual([201, 409]);
		expect(h.sandbox.requests().filter((q) => q.method === 'PUT')).toHaveLength(1);
	});

	test('a bad e-mail fails before any request; Continue On Fail keeps the other items', async () => {
		const h = harness();
		const r = await h.run({
			parameters: params(),
			input: [{ email: '' }, { email: 'ok@example.com', first: 'Ok' }],
			settings: { onError: 'continueRegularOutput' },
		});

		expect(r.json[0].error).toBe('Email is empty (item 0)');
		expect(r.json[1].email).toBe('ok@example.com');
	});

	test('without recipients.read: 403 naming the scope', async () => {
		const result = await runWithoutScope(
			harness(),
			{ ...upsert, email: 'ada@example.com' },
			'recipients.read',
		);
		expectScopeError(result, 'recipients.read');
	});
});
