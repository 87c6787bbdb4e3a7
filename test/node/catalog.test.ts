import type { IDataObject } from 'n8n-workflow';

import { createHarness, type Harness } from '../harness';
import { startFilterBlindProxy, type FilterBlindProxy } from './filter-blind-proxy';

const BRANDED_PATH = '/api/v1/catalog/branded-cards';
const CHOICE_PATH = '/api/v1/catalog/choice-cards';

let h: Harness;
let filterBlindProxy: FilterBlindProxy;

beforeAll(async () => {
	h = await createHarness();
	filterBlindProxy = await startFilterBlindProxy(h.sandbox.url);
	h.addCredential({ baseUrl: filterBlindProxy.url }, { id: 'filter-blind' });
});

afterAll(async () => {
	await filterBlindProxy.close();
	await h.close();
});

beforeEach(() => {
	h.sandbox.reset();
	// reset() forgets the sandbox's tokens; start without one so no 401 + retry shows in the counts.
	h.updateCredential({ accessToken: '' });
	h.updateCredential({ accessToken: '' }, 'filter-blind');
});

function catalogGets(path: string) {
	return h.sandbox.requests().filter((r) => r.method === 'GET' && r.path === path);
}

function ids(json: IDataObject[]): string[] {
	return json.map((product) => String(product.productId));
}

function branded(parameters: IDataObject = {}) {
	return { resource: 'catalog', operation: 'getManyBranded', ...parameters };
}

describe('Catalog → Get Many Branded Cards', () => {
	test('Return All reads the 165 branded products in 2 pages of 100, one item per product', async () => {
		const r = await h.run({ parameters: branded({ returnAll: true }) });

		expect(r.error).toBeUndefined();
		expect(r.json.length).toBeGreaterThanOrEqual(150);
		expect(new Set(ids(r.json)).size).toBe(r.json.length);
		expect(r.json[0]).toMatchObject({
			productId: 'GC-AMAZON-USD',
			brandName: 'Amazon',
			currencyCode: 'USD',
		});
		const gets = catalogGets(BRANDED_PATH);
		expect(gets.map((g) => [g.query.page, g.query.pageSize])).toEqual([
			['1', '100'],
			['2', '100'],
		]);
		expect(r.items.every((item) => item.pairedItem !== undefined)).toBe(true);
	});

	test('the default Limit of 50 returns 50 products with one request', async () => {
		const r = await h.run({ parameters: branded() });

		expect(r.json).toHaveLength(50);
		expect(catalogGets(BRANDED_PATH)).toHaveLength(1);
	});

	test('Limit 120 returns exactly 120 distinct products across two pages', async () => {
		const r = await h.run({ parameters: branded({ limit: 120 }) });

		expect(r.json).toHaveLength(120);
		expect(new Set(ids(r.json)).size).toBe(120);
		expect(catalogGets(BRANDED_PATH)).toHaveLength(2);
	});

	test('a server that ignores `page` still ends, with every product once', async () => {
		h.sandbox.reset({ ignorePaging: true });

		const r = await h.run({ parameters: branded({ returnAll: true }) });

		expect(r.error).toBeUndefined();
		// The server only ever serves its first 100: page 2 repeats them, so the walk stops there.
		expect(r.json).toHaveLength(100);
		expect(new Set(ids(r.json)).size).toBe(100);
		expect(catalogGets(BRANDED_PATH)).toHaveLength(2);
	});

	test('the Currency filter is sent as currencyCode and every product is in that currency', async () => {
		const r = await h.run({
			parameters: branded({ returnAll: true, filters: { currencyCode: 'gbp' } }),
		});

		expect(r.json.length).toBeGreaterThan(10);
		expect(r.json.every((p) => p.currencyCode === 'GBP')).toBe(true);
		expect(ids(r.json)).toContain('GC-TESCO-GBP');
		expect(catalogGets(BRANDED_PATH)[0].query.currencyCode).toBe('GBP');
	});

	test('the Brand Name filter matches a part of the name, case-insensitively', async () => {
		const r = await h.run({
			parameters: branded({ returnAll: true, filters: { brandName: 'uber' } }),
		});

		expect(r.json.length).toBeGreaterThan(0);
		expect(r.json.every((p) => String(p.brandName).toLowerCase().includes('uber'))).toBe(true);
		expect(r.json.map((p) => p.brandName)).toEqual(expect.arrayContaining(['Uber', 'Uber Eats']));
		expect(catalogGets(BRANDED_PATH)[0].query.brandName).toBe('uber');
	});

	test('both filters together narrow to one product', async () => {
		const r = await h.run({
			parameters: branded({
				returnAll: true,
				filters: { brandName: 'Amazon', currencyCode: 'EUR' },
			}),
		});

		expect(ids(r.json)).toEqual(['GC-AMAZON-EUR']);
	});

	test('the filters are applied on this side too when the server ignores them', async () => {
		const r = await h.run({
			credentialId: 'filter-blind',
			parameters: branded({ limit: 5, filters: { currencyCode: 'CAD', brandName: 'o' } }),
		});

		expect(r.error).toBeUndefined();
		expect(catalogGets(BRANDED_PATH)[0].query.currencyCode).toBeUndefined();
		expect(r.json).toHaveLength(5);
		expect(r.json.every((p) => p.currencyCode === 'CAD')).toBe(true);
		expect(r.json.every((p) => String(p.brandName).toLowerCase().includes('o'))).toBe(true);
	});

	test('with a filter-blind server Return All still finds every match across all pages', async () => {
		const r = await h.run({
			credentialId: 'filter-blind',
			parameters: branded({ returnAll: true, filters: { brandName: 'sony' } }),
		});

		// Sony Store is near the end of the catalog (page 2): USD, EUR, GBP.
		expect(ids(r.json)).toEqual(['GC-SONYSTORE-USD', 'GC-SONYSTORE-EUR', 'GC-SONYSTORE-GBP']);
		expect(catalogGets(BRANDED_PATH)).toHaveLength(2);
	});

	test('a currency that is not an ISO code fails naming the field and the item', async () => {
		const r = await h.run({ parameters: branded({ filters: { currencyCode: 'dollars' } }) });

		expect(r.error?.message).toMatch(
			/Currency filter "dollars" is not a three-letter ISO 4217 code \(item 0\)/,
		);
		expect(catalogGets(BRANDED_PATH)).toHaveLength(0);
	});

	test('a Limit of 0 from an expression fails naming Limit', async () => {
		const r = await h.run({ parameters: branded({ limit: 0 }) });

		expect(r.error?.message).toMatch(/Limit must be a whole number of at least 1/);
	});

	test('each input item gets its own list, paired to it', async () => {
		const r = await h.run({
			parameters: branded({ returnAll: true, filters: { currencyCode: '={{ $json.currency }}' } }),
			input: [{ currency: 'USD' }, { currency: 'GBP' }],
		});

		const of = (index: number) =>
			r.items.filter((item) => (item.pairedItem as { item: number }).item === index);
		expect(of(0).length).toBeGreaterThan(0);
		expect(of(1).length).toBeGreaterThan(0);
		expect(of(0).every((item) => item.json.currencyCode === 'USD')).toBe(true);
		expect(of(1).every((item) => item.json.currencyCode === 'GBP')).toBe(true);
		expect(of(0).length + of(1).length).toBe(r.items.length);
	});

	test('three items with the same Return All settings share one catalog walk (2 requests)', async () => {
		const r = await h.run({ parameters: branded({ returnAll: true }), input: [{}, {}, {}] });

		expect(r.items).toHaveLength(3 * 165);
		expect(catalogGets(BRANDED_PATH)).toHaveLength(2);
	});
});

describe('Catalog → Get Many Choice Cards', () => {
	test('Return All lists the 12 choice cards from the choice catalog in one request', async () => {
		const r = await h.run({
			parameters: { resource: 'catalog', operation: 'getManyChoice', returnAll: true },
		});

		expect(r.json).toHaveLength(12);
		expect(ids(r.json)).toContain('CHOICE-GLOBAL-USD');
		expect(r.json.every((p) => String(p.productId).startsWith('CHOICE-'))).toBe(true);
		expect(catalogGets(CHOICE_PATH)).toHaveLength(1);
		expect(catalogGets(BRANDED_PATH)).toHaveLength(0);
	});

	test('Limit and the Currency filter apply to choice cards too', async () => {
		const r = await h.run({
			parameters: {
				resource: 'catalog',
				operation: 'getManyChoice',
				limit: 2,
				filters: { currencyCode: 'USD' },
			},
		});

		expect(r.json).toHaveLength(2);
		expect(r.json.every((p) => p.currencyCode === 'USD')).toBe(true);
	});
});
