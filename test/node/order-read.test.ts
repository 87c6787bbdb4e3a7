import type { IDataObject } from 'n8n-workflow';

import { createHarness, type Harness } from '../harness';
import type { RequestLogEntry } from '../sandbox';

const DAY_MS = 24 * 60 * 60 * 1000;

let h: Harness;
/** Called by the sandbox after each answered request (lets a test change the data between pages). */
let afterRequest: ((entry: RequestLogEntry) => void) | undefined;

beforeAll(async () => {
	h = await createHarness({ sandbox: { onRequest: (entry) => afterRequest?.(entry) } });
});

afterAll(async () => {
	await h.close();
});

beforeEach(() => {
	afterRequest = undefined;
	h.sandbox.reset();
	// reset() forgets the sandbox's tokens; start without one so no 401 + retry shows in the counts.
	h.updateCredential({ accessToken: '' });
});

function seedOrder(productId = 'GC-AMAZON-USD', email = 'alice@example.com', amount = 25) {
	return h.sandbox.createOrder({ productId, recipients: [{ email, amount, firstName: 'Alice' }] })
		.order;
}

function seedOrders(count: number): string[] {
	return Array.from(
		{ length: count },
		(_, i) => seedOrder('GC-AMAZON-USD', `user${i}@example.com`).orderId,
	);
}

function listGets() {
	return h.sandbox.requests().filter((r) => r.method === 'GET' && r.path === '/api/v1/orders');
}

function day(epochMs: number): string {
	return new Date(epochMs).toISOString().slice(0, 10);
}

function getMany(parameters: IDataObject = {}) {
	return { resource: 'order', operation: 'getMany', ...parameters };
}

describe('Order → Get', () => {
	test('returns the full order with its recipients, unwrapped from { data }', async () => {
		const order = seedOrder();

		const r = await h.run({
			parameters: { resource: 'order', operation: 'get', orderId: order.orderId },
		});

		expect(r.error).toBeUndefined();
		expect(r.json).toHaveLength(1);
		expect(r.json[0]).not.toHaveProperty('data');
		expect(r.json[0]).toMatchObject({
			orderId: order.orderId,
			status: 'COMPLETE',
			cardType: 'BRANDED_CARD',
			totalCost: { amount: 25, currency: 'USD' },
			recipients: [{ email: 'alice@example.com', amount: 25 }],
		});
		expect((r.json[0].recipients as IDataObject[])[0].rewardLink).toEqual(
			expect.stringContaining('/redeem/'),
		);
	});

	test('accepts a bare response as well', async () => {
		h.sandbox.reset({ envelope: 'bare' });
		h.updateCredential({ accessToken: '' });
		const order = seedOrder();

		const r = await h.run({
			parameters: { resource: 'order', operation: 'get', orderId: order.orderId },
		});

		expect(r.json[0]).toMatchObject({ orderId: order.orderId, recipientCount: 1 });
	});

	test('runs once per input item, each output paired to its item', async () => {
		const first = seedOrder('GC-AMAZON-USD', 'a@example.com');
		const second = seedOrder('GC-STARBUCKS-USD', 'b@example.com', 40);

		const r = await h.run({
			parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			input: [{ id: first.orderId }, { id: ` ${second.orderId} ` }],
		});

		expect(r.json.map((o) => o.orderId)).toEqual([first.orderId, second.orderId]);
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(r.json[1]).toMatchObject({ totalCost: { amount: 40, currency: 'USD' } });
	});

	test('an empty Order ID fails naming the field and the item, without calling the API', async () => {
		const r = await h.run({
			parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			input: [{ id: '  ' }],
		});

		expect(r.error?.message).toBe('Order ID is empty (item 0)');
		expect(h.sandbox.requests().filter((q) => q.path.startsWith('/api/v1/orders'))).toHaveLength(0);
	});

	test('an unknown order fails with the HTTP 404 text, the item and the X-Request-Id', async () => {
		const known = seedOrder();

		const r = await h.run({
			parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			input: [{ id: known.orderId }, { id: 'OT20990101000001' }],
		});

		expect(r.error?.name).toBe('NodeApiError');
		expect(r.error?.message).toBe(
			'Giftronaut API error (HTTP 404 NOT_FOUND): Order "OT20990101000001" not found',
		);
		expect(r.error?.context?.itemIndex).toBe(1);
		const failed = h.sandbox.requests().find((q) => q.status === 404);
		expect(failed?.path).toBe('/api/v1/orders/OT20990101000001');
		expect(r.error?.description).toContain(`X-Request-Id: ${failed?.requestId}`);
	});

	test('with Continue On Fail the unknown order becomes an error item paired to its input', async () => {
		const known = seedOrder();

		const r = await h.run({
			parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.id }}' },
			input: [{ id: 'OT-NOPE' }, { id: known.orderId }],
			settings: { onError: 'continueRegularOutput' },
		});

		expect(r.items).toHaveLength(2);
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
		expect(r.json[0].error).toMatch(/HTTP 404 NOT_FOUND/);
		expect(r.json[0].description).toMatch(/X-Request-Id: [0-9a-f-]{36}/);
		expect(r.items[1]).toMatchObject({ json: { orderId: known.orderId }, pairedItem: { item: 1 } });
	});

	test('an order ID with a slash cannot reach another path', async () => {
		const r = await h.run({
			parameters: { resource: 'order', operation: 'get', orderId: '../balance' },
			settings: { onError: 'continueRegularOutput' },
		});

		expect(r.json[0].error).toMatch(/404/);
		expect(h.sandbox.requests().some((q) => q.path === '/api/v1/balance')).toBe(false);
	});
});

describe('Order → Get Many', () => {
	test('the default Limit returns every order (fewer than 50) newest first, one item each', async () => {
		const ids = seedOrders(5);

		const r = await h.run({ parameters: getMany() });

		expect(r.json.map((o) => o.orderId)).toEqual([...ids].reverse());
		expect(listGets()).toHaveLength(1);
		expect(listGets()[0].query.pageSize).toBe('50');
		expect(r.items.map((i) => i.pairedItem)).toEqual(ids.map(() => ({ item: 0 })));
	});

	test('Return All over 250 orders: 3 requests of 100 and every order once', async () => {
		const ids = seedOrders(250);

		const r = await h.run({ parameters: getMany({ returnAll: true }) });

		expect(r.json).toHaveLength(250);
		expect(new Set(r.json.map((o) => o.orderId))).toEqual(new Set(ids));
		expect(listGets().map((g) => g.query.page)).toEqual(['1', '2', '3']);
		expect(listGets().every((g) => g.query.pageSize === '100')).toBe(true);
	});

	test('Limit 120 stops after 120 orders (2 requests)', async () => {
		seedOrders(250);

		const r = await h.run({ parameters: getMany({ limit: 120 }) });

		expect(r.json).toHaveLength(120);
		expect(listGets()).toHaveLength(2);
	});

	test('a server that ignores `page` ends after the repeated page', async () => {
		seedOrders(150);
		h.sandbox.configure({ ignorePaging: true });

		const r = await h.run({ parameters: getMany({ returnAll: true }) });

		expect(r.json).toHaveLength(100);
		expect(new Set(r.json.map((o) => o.orderId)).size).toBe(100);
		expect(listGets()).toHaveLength(2);
	});

	test('an order that arrives between two pages shifts the list; no order comes out twice', async () => {
		const ids = seedOrders(150);
		afterRequest = (entry) => {
			if (entry.path === '/api/v1/orders' && entry.query.page === '1') seedOrder();
		};

		const r = await h.run({ parameters: getMany({ returnAll: true }) });

		// Page 2 starts with the last order of page 1 again; it is kept once.
		expect(listGets()).toHaveLength(2);
		expect(r.json).toHaveLength(150);
		expect(new Set(r.json.map((o) => o.orderId))).toEqual(new Set(ids));
	});

	test('the Status filter is sent and only matching orders come back', async () => {
		const [, canceled] = seedOrders(3);
		h.sandbox.setOrderStatus(canceled, 'CANCELED');

		const r = await h.run({ parameters: getMany({ filters: { status: 'CANCELED' } }) });

		expect(r.json.map((o) => o.orderId)).toEqual([canceled]);
		expect(listGets()[0].query.status).toBe('CANCELED');
	});

	test('the Card Type filter lists choice card orders only', async () => {
		seedOrders(2);
		const choice = seedOrder('CHOICE-GLOBAL-USD', 'c@example.com', 30);

		const r = await h.run({ parameters: getMany({ filters: { cardType: 'CHOICE_CARD' } }) });

		expect(r.json.map((o) => o.orderId)).toEqual([choice.orderId]);
		expect(r.json[0].cardType).toBe('CHOICE_CARD');
		expect(listGets()[0].query.cardType).toBe('CHOICE_CARD');
	});

	test('the Order Type filter is sent (the sandbox only holds ONE_TIME orders)', async () => {
		seedOrders(2);

		const oneTime = await h.run({ parameters: getMany({ filters: { orderType: 'ONE_TIME' } }) });
		const links = await h.run({ parameters: getMany({ filters: { orderType: 'LINK' } }) });

		expect(oneTime.json).toHaveLength(2);
		expect(links.json).toHaveLength(0);
		expect(listGets().map((g) => g.query.orderType)).toEqual(['ONE_TIME', 'LINK']);
	});

	test('Start Date and End Date are sent as YYYY-MM-DD and select orders of those days', async () => {
		seedOrder('GC-AMAZON-USD', 'day1@example.com');
		h.sandbox.advanceClock(DAY_MS);
		const secondDay = h.sandbox.now();
		const onDay2 = seedOrder('GC-AMAZON-USD', 'day2@example.com');
		h.sandbox.advanceClock(DAY_MS);
		seedOrder('GC-AMAZON-USD', 'day3@example.com');

		const r = await h.run({
			parameters: getMany({
				filters: { startDate: `${day(secondDay)}T00:00:00`, endDate: `${day(secondDay)}T23:59:59` },
			}),
		});

		expect(r.json.map((o) => o.orderId)).toEqual([onDay2.orderId]);
		expect(listGets()[0].query).toMatchObject({
			startDate: day(secondDay),
			endDate: day(secondDay),
		});
	});

	test('a date from an expression with an offset keeps its own calendar day', async () => {
		await h.run({
			parameters: getMany({ filters: { startDate: '2026-03-01T00:30:00.000+02:00' } }),
		});

		expect(listGets()[0].query.startDate).toBe('2026-03-01');
	});

	test('an End Date before the Start Date fails naming both, without calling the API', async () => {
		const r = await h.run({
			parameters: getMany({
				filters: { startDate: '2026-05-10T00:00:00', endDate: '2026-05-01T00:00:00' },
			}),
		});

		expect(r.error?.message).toBe('End Date 2026-05-01 is before Start Date 2026-05-10 (item 0)');
		expect(listGets()).toHaveLength(0);
	});

	test('a Start Date that is not a date fails naming the field', async () => {
		const r = await h.run({ parameters: getMany({ filters: { startDate: 'next tuesday' } }) });

		expect(r.error?.message).toBe('Start Date "next tuesday" is not a valid date (item 0)');
	});

	test('Search Keyword is sent and matches the card name', async () => {
		seedOrder('GC-AMAZON-USD', 'a@example.com');
		const starbucks = seedOrder('GC-STARBUCKS-USD', 'b@example.com', 20);

		const r = await h.run({ parameters: getMany({ filters: { searchKeyword: ' starbucks ' } }) });

		expect(r.json.map((o) => o.orderId)).toEqual([starbucks.orderId]);
		expect(listGets()[0].query.searchKeyword).toBe('starbucks');
	});
});

describe('Order → Get: From list (searchOrders)', () => {
	const getParams = { resource: 'order', operation: 'get' };

	test('lists the recent orders newest first, labelled with ID, card, status and time', async () => {
		const older = seedOrder('GC-AMAZON-USD', 'old@example.com');
		h.sandbox.advanceClock(60_000);
		const newer = seedOrder('GC-STARBUCKS-USD', 'new@example.com', 40);

		const r = await h.listSearch('searchOrders', getParams);

		expect(r.results.map((e) => e.value)).toEqual([newer.orderId, older.orderId]);
		expect(r.results[0].name).toMatch(
			new RegExp(
				`^${newer.orderId} — Starbucks.* — (PENDING|IN_PROGRESS|COMPLETE) — \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d$`,
			),
		);
		expect(r.paginationToken).toBeUndefined();
	});

	test('the typed text filters by order ID or card name', async () => {
		const amazon = seedOrder('GC-AMAZON-USD', 'a@example.com');
		const starbucks = seedOrder('GC-STARBUCKS-USD', 'b@example.com', 40);

		const byId = await h.listSearch('searchOrders', getParams, starbucks.orderId.toLowerCase());
		const byCard = await h.listSearch('searchOrders', getParams, 'amazon');

		expect(byId.results.map((e) => e.value)).toEqual([starbucks.orderId]);
		expect(byCard.results.map((e) => e.value)).toEqual([amazon.orderId]);
	});

	test('a full page hands out a token for the next one', async () => {
		seedOrders(101);

		const first = await h.listSearch('searchOrders', getParams);
		const second = await h.listSearch(
			'searchOrders',
			getParams,
			undefined,
			first.paginationToken as string,
		);

		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		expect(second.results).toHaveLength(1);
		expect(new Set([...first.results, ...second.results].map((e) => e.value)).size).toBe(101);
	});

	test('an order picked from the list is fetched; a plain string saved before the list existed still works', async () => {
		const order = seedOrder();

		const picked = await h.run({
			parameters: { ...getParams, orderId: { __rl: true, mode: 'list', value: order.orderId } },
		});
		const byId = await h.run({
			parameters: { ...getParams, orderId: { __rl: true, mode: 'id', value: order.orderId } },
		});
		const saved = await h.run({ parameters: { ...getParams, orderId: order.orderId } });

		for (const r of [picked, byId, saved]) {
			expect(r.error).toBeUndefined();
			expect(r.json[0]).toMatchObject({ orderId: order.orderId });
		}
	});
});
