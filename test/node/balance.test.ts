import { createHarness, type Harness } from '../harness';

let h: Harness;

beforeAll(async () => {
	h = await createHarness();
});

afterAll(async () => {
	await h.close();
});

beforeEach(() => {
	h.sandbox.reset();
	h.updateCredential({ accessToken: '' });
});

const balanceGet = { resource: 'balance', operation: 'get' };

describe('Balance → Get', () => {
	test('returns one item with the available and pending balance, unwrapped from { data }', async () => {
		h.sandbox.reset({ balance: 2500, lifecycle: { pendingMs: 60_000 } });
		h.sandbox.createOrder({
			productId: 'GC-AMAZON-USD',
			recipients: [{ email: 'a@example.com', amount: 100 }],
		});

		const r = await h.run({ parameters: balanceGet });

		expect(r.error).toBeUndefined();
		expect(r.json).toEqual([
			{
				availableBalance: { amount: 2400, currency: 'USD' },
				pendingBalance: { amount: 100, currency: 'USD' },
			},
		]);
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
		expect(h.sandbox.requests().filter((q) => q.path === '/api/v1/balance')).toHaveLength(1);
	});

	test.each(['bare', 'data'] as const)(
		'gives the same item when the server answers %s',
		async (envelope) => {
			h.sandbox.reset({ envelope, balance: 750 });

			const r = await h.run({ parameters: balanceGet });

			expect(r.json).toEqual([
				{
					availableBalance: { amount: 750, currency: 'USD' },
					pendingBalance: { amount: 0, currency: 'USD' },
				},
			]);
		},
	);

	test('runs once per input item', async () => {
		const r = await h.run({ parameters: balanceGet, input: [{ a: 1 }, { a: 2 }] });

		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(r.json[1]).toHaveProperty('availableBalance.currency', 'USD');
	});

	test('a credential without balance.read gets the 403 with the scope hint; Continue On Fail makes it an item', async () => {
		h.sandbox.addClient({
			clientId: 'no-balance',
			clientSecret: 'secret-nb',
			scopes: ['orders.read'],
		});
		h.addCredential(
			{ clientId: 'no-balance', clientSecret: 'secret-nb', scopes: 'orders.read' },
			{ id: 'no-balance' },
		);

		const failed = await h.run({ parameters: balanceGet, credentialId: 'no-balance' });
		const continued = await h.run({
			parameters: balanceGet,
			credentialId: 'no-balance',
			settings: { onError: 'continueRegularOutput' },
		});

		expect(failed.error?.message).toMatch(/^Giftronaut API error \(HTTP 403 INSUFFICIENT_SCOPE\)/);
		expect(failed.error?.description).toMatch(
			/needs the scope "balance.read"\. Add it to the Scopes \(Advanced\) field/,
		);
		expect(continued.items).toHaveLength(1);
		expect(continued.items[0].pairedItem).toEqual({ item: 0 });
		expect(continued.json[0].error).toMatch(/HTTP 403 INSUFFICIENT_SCOPE/);
		expect(JSON.stringify(continued.json)).not.toContain('secret-nb');
	});
});
