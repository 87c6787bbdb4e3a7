import type { INodeParameters } from 'n8n-workflow';

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

function apiGets(path: string) {
	return h.sandbox.requests().filter((r) => r.method === 'GET' && r.path === path);
}

/** Order → Create as the editor sends it with the load-options request. */
function createParams(extra: INodeParameters = {}): INodeParameters {
	return { resource: 'order', operation: 'create', cardType: 'branded', ...extra };
}

function productLocator(productId: string): INodeParameters {
	return { product: { __rl: true, mode: 'list', value: productId } };
}

describe('searchProducts', () => {
	test('pages the 165 branded products 100 at a time with a page-number token', async () => {
		const first = await h.listSearch('searchProducts', createParams());
		const second = await h.listSearch(
			'searchProducts',
			createParams(),
			undefined,
			first.paginationToken as string,
		);

		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		expect(second.results).toHaveLength(65);
		expect(second.paginationToken).toBeUndefined();
		const values = [...first.results, ...second.results].map((r) => r.value);
		expect(new Set(values).size).toBe(165);
		expect(first.results[0]).toEqual({
			name: 'Amazon — USD — 10/25/50/100',
			value: 'GC-AMAZON-USD',
		});
		// Each call reads the catalog once: 2 pages of 100.
		expect(apiGets('/api/v1/catalog/branded-cards')).toHaveLength(4);
	});

	test('filters by brand name and currency together, case-insensitively', async () => {
		const r = await h.listSearch('searchProducts', createParams(), 'starbucks USD');

		expect(r.results).toEqual([{ name: 'Starbucks — USD — 5–500', value: 'GC-STARBUCKS-USD' }]);
		expect(r.paginationToken).toBeUndefined();
	});

	test('filters by product ID', async () => {
		const r = await h.listSearch('searchProducts', createParams(), 'gc-tesco');

		expect(r.results.map((p) => p.value)).toEqual(['GC-TESCO-GBP']);
	});

	test('a currency as filter lists only that currency', async () => {
		const r = await h.listSearch('searchProducts', createParams(), 'gbp');

		expect(r.results.length).toBeGreaterThan(10);
		expect(r.results.every((p) => String(p.value).endsWith('-GBP'))).toBe(true);
	});

	test('a filter that matches nothing gives no results and no token', async () => {
		const r = await h.listSearch('searchProducts', createParams(), 'no such brand');

		expect(r).toEqual({ results: [] });
	});

	test('Card Type "choice" lists the choice catalog', async () => {
		const r = await h.listSearch('searchProducts', createParams({ cardType: 'choice' }));

		expect(r.results).toHaveLength(12);
		expect(r.results.every((p) => String(p.value).startsWith('CHOICE-'))).toBe(true);
		expect(apiGets('/api/v1/catalog/choice-cards')).toHaveLength(1);
		expect(apiGets('/api/v1/catalog/branded-cards')).toHaveLength(0);
	});

	test('without a Card Type the branded catalog is used', async () => {
		const r = await h.listSearch(
			'searchProducts',
			{ resource: 'order', operation: 'create' },
			'amazon eur',
		);

		expect(r.results.map((p) => p.value)).toEqual(['GC-AMAZON-EUR']);
	});

	test('a server that ignores `page` still gives a finite list without repeats', async () => {
		h.sandbox.reset({ ignorePaging: true });

		const first = await h.listSearch('searchProducts', createParams());

		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBeUndefined();
		expect(apiGets('/api/v1/catalog/branded-cards')).toHaveLength(2);
	});
});

describe('searchAmounts', () => {
	test('a FIXED product lists each denomination', async () => {
		const r = await h.listSearch('searchAmounts', createParams(productLocator('GC-AMAZON-USD')));

		expect(r.results).toEqual([
			{ name: '10 USD', value: '10' },
			{ name: '25 USD', value: '25' },
			{ name: '50 USD', value: '50' },
			{ name: '100 USD', value: '100' },
		]);
	});

	test('decimal denominations show cents in the label and stay exact in the value', async () => {
		const r = await h.listSearch('searchAmounts', createParams(productLocator('GC-IKEA-EUR')));

		expect(r.results[0]).toEqual({ name: '12.50 EUR', value: '12.5' });
	});

	test('a RANGE product offers the minimum, round amounts and the maximum', async () => {
		const r = await h.listSearch('searchAmounts', createParams(productLocator('GC-STARBUCKS-USD')));

		expect(r.results).toEqual([
			{ name: '5 USD (minimum)', value: '5' },
			{ name: '10 USD', value: '10' },
			{ name: '25 USD', value: '25' },
			{ name: '50 USD', value: '50' },
			{ name: '100 USD', value: '100' },
			{ name: '250 USD', value: '250' },
			{ name: '500 USD (maximum)', value: '500' },
		]);
	});

	test('a typed amount inside the range is offered first', async () => {
		const r = await h.listSearch(
			'searchAmounts',
			createParams(productLocator('GC-STARBUCKS-USD')),
			'37.5',
		);

		expect(r.results[0]).toEqual({ name: '37.50 USD', value: '37.5' });
	});

	test('a typed amount outside the range is not offered', async () => {
		const r = await h.listSearch(
			'searchAmounts',
			createParams(productLocator('GC-STARBUCKS-USD')),
			'600',
		);

		expect(r.results).toEqual([]);
	});

	test('the filter narrows the denominations of a FIXED product', async () => {
		const r = await h.listSearch(
			'searchAmounts',
			createParams(productLocator('GC-AMAZON-USD')),
			'25',
		);

		expect(r.results).toEqual([{ name: '25 USD', value: '25' }]);
	});

	test('a choice product is looked up in the choice catalog', async () => {
		const r = await h.listSearch(
			'searchAmounts',
			createParams({ cardType: 'choice', ...productLocator('CHOICE-THANKYOU-USD') }),
		);

		expect(r.results.map((a) => a.value)).toEqual(['10', '25', '50', '100']);
	});

	test('a product picked by ID (mode "id") works the same', async () => {
		const r = await h.listSearch(
			'searchAmounts',
			createParams({ product: { __rl: true, mode: 'id', value: 'GC-AMAZON-USD' } }),
		);

		expect(r.results).toHaveLength(4);
	});

	test('no product chosen says "Choose a product first" (an entry with no value) and makes no request', async () => {
		const empty = await h.listSearch('searchAmounts', createParams());
		const blank = await h.listSearch('searchAmounts', createParams(productLocator('')));
		const expression = await h.listSearch(
			'searchAmounts',
			createParams(productLocator('={{ $json.productId }}')),
		);

		const hint = { results: [{ name: 'Choose a product first', value: '' }] };
		expect([empty, blank, expression]).toEqual([hint, hint, hint]);
		expect(h.sandbox.requests().filter((r) => r.path.startsWith('/api/'))).toHaveLength(0);
	});

	test('an unknown product offers no amount and says to choose a product', async () => {
		const r = await h.listSearch('searchAmounts', createParams(productLocator('GC-NOPE-USD')));

		expect(r).toEqual({
			results: [
				{
					name: 'Product GC-NOPE-USD is not in the branded catalog: choose a product first',
					value: '',
				},
			],
		});
	});
});

describe('getTemplates', () => {
	test('lists the templates by name with their IDs, the default first, in one request', async () => {
		const options = await h.loadOptions('getTemplates', createParams());

		expect(options.map((o) => [o.name, o.value])).toEqual([
			['Giftronaut Default', '1'],
			['Holiday Cheer', '12'],
			['Thank You', '15'],
			['Work Anniversary', '21'],
			['Welcome Aboard', '34'],
		]);
		expect(apiGets('/api/v1/templates')).toHaveLength(1);
	});

	test('a failing template request surfaces the API error', async () => {
		h.sandbox.addClient({
			clientId: 'no-templates',
			clientSecret: 'secret-nt',
			scopes: ['orders.write'],
		});
		h.addCredential(
			{ clientId: 'no-templates', clientSecret: 'secret-nt', scopes: 'orders.write' },
			{ id: 'nt' },
		);

		await expect(
			h.loadOptions('getTemplates', createParams(), { credentialId: 'nt' }),
		).rejects.toThrow(/HTTP 403 INSUFFICIENT_SCOPE/);
	});
});

describe('getTimezones', () => {
	test("the workflow's zone (value empty), UTC, then every IANA zone once in alphabetical order, without any request", async () => {
		const all = await h.loadOptions('getTimezones', createParams());
		expect(all[0]).toEqual({
			name: expect.stringMatching(/^Workflow Time Zone \(.+\)$/),
			value: '',
		});
		const options = all.slice(1);
		const values = options.map((o) => String(o.value));

		expect(values[0]).toBe('UTC');
		expect(values).toEqual(
			expect.arrayContaining(['America/New_York', 'Europe/Berlin', 'Asia/Seoul']),
		);
		expect(values.slice(1)).toEqual([...values.slice(1)].sort());
		expect(new Set(values).size).toBe(values.length);
		expect(options.find((o) => o.value === 'America/New_York')?.name).toBe('America/New York');
		expect(h.sandbox.requests()).toHaveLength(0);
	});
});

describe('getTimezones: current IANA names', () => {
	const search = (options: Array<{ name: string; value: unknown }>, text: string) =>
		options
			.filter((o) => o.name.toLowerCase().includes(text.toLowerCase()))
			.map((o) => String(o.value));

	test("offers the current names, never the runtime's old ones", async () => {
		const options = await h.loadOptions('getTimezones', createParams());
		const values = options.map((o) => String(o.value));
		expect(values).toEqual(
			expect.arrayContaining([
				'Asia/Kolkata',
				'Europe/Kyiv',
				'Asia/Ho_Chi_Minh',
				'Asia/Kathmandu',
				'America/Argentina/Buenos_Aires',
				'Asia/Yangon',
			]),
		);
		for (const old of [
			'Asia/Calcutta',
			'Europe/Kiev',
			'Asia/Saigon',
			'Asia/Katmandu',
			'America/Buenos_Aires',
		]) {
			expect(values).not.toContain(old);
		}
	});

	test('old names are searchable and lead to the current name', async () => {
		const options = (await h.loadOptions('getTimezones', createParams())) as Array<{
			name: string;
			value: unknown;
		}>;
		expect(search(options, 'Calcutta')).toEqual(['Asia/Kolkata']);
		expect(search(options, 'Kolkata')).toEqual(['Asia/Kolkata']);
		expect(search(options, 'Kiev')).toEqual(['Europe/Kyiv']);
		expect(search(options, 'Saigon')).toEqual(['Asia/Ho_Chi_Minh']);
		expect(search(options, 'Katmandu')).toEqual(['Asia/Kathmandu']);
		expect(search(options, 'Buenos')).toEqual(['America/Argentina/Buenos_Aires']);
	});
});

describe('a time zone typed by expression', () => {
	const nextYear = new Date().getUTCFullYear() + 1;
	test.each([
		['Asia/Calcutta', 'Asia/Kolkata'],
		['europe/kiev', 'Europe/Kyiv'],
		['Asia/Kolkata', 'Asia/Kolkata'],
	])('%s is sent as %s', async (typed, sent) => {
		const r = await h.run({
			parameters: {
				resource: 'order',
				operation: 'create',
				cardType: 'branded',
				product: { __rl: true, mode: 'id', value: 'GC-AMAZON-USD' },
				recipientSource: 'fields',
				email: 'someone@example.com',
				amount: { __rl: true, mode: 'value', value: 25 },
				sendTiming: 'scheduled',
				scheduledAt: `${nextYear}-03-01T09:30:00`,
				timezone: '={{ $json.zone }}',
			},
			input: [{ zone: typed }],
		});
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()[0].sendTiming).toEqual({
			type: 'SCHEDULED',
			scheduledAt: `${nextYear}-03-01T09:30:00`,
			timezone: sent,
		});
	});
});
