// The Giftronaut API credential through n8n-core's real request path (httpRequestWithAuthentication
// → CLI-style preAuthentication → generic authenticate → 401 refresh), against the local sandbox.
// Until the Giftronaut node exists these run on the harness's test node AUTH_REQUEST_TYPE.
import { randomUUID } from 'crypto';

import {
	DEFAULT_GIFTRONAUT_SCOPES,
	GiftronautApi,
} from '../../credentials/GiftronautApi.credentials';

import {
	AUTH_REQUEST_TYPE,
	DEFAULT_CREDENTIAL_ID,
	createHarness,
	findLeaks,
	type Harness,
	type RunOptions,
} from '../harness';

const NODE = { nodeType: AUTH_REQUEST_TYPE, nodeName: 'Auth Request' } as const;
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ n: i }));

let h: Harness;

beforeAll(async () => {
	h = await createHarness();
});

afterAll(async () => {
	await h?.close();
});

/** Fresh server state, a fresh stored credential (no token) and zeroed counters for each test. */
function resetAll(credential: Record<string, string> = {}) {
	h.sandbox.reset();
	h.addCredential(credential);
	h.resetCounters();
}

const run = async (opts: RunOptions = {}) => await h.run({ ...NODE, ...opts });

describe('token caching', () => {
	beforeEach(() => resetAll());

	test('100 items → 1 token request; 4 more runs with the stored token → 0 more (measured: [1,0,0,0,0])', async () => {
		const perRun: number[] = [];
		let before = h.sandbox.stats().tokenRequests;
		for (let runNo = 0; runNo < 5; runNo++) {
			const r = await run({ input: items(100) });
			expect(r.error).toBeUndefined();
			expect(r.items).toHaveLength(100);
			const now = h.sandbox.stats().tokenRequests;
			perRun.push(now - before);
			before = now;
		}
		expect(perRun).toEqual([1, 0, 0, 0, 0]);
		expect(h.preAuthCalls).toBe(1);
		expect(h.sandbox.stats().apiRequests).toBe(500);
		// The token persisted to the store is the one the sandbox issued.
		expect(h.credential().accessToken).toBe(h.sandbox.issuedTokens().at(-1));
		expect(h.credentialStore.data(DEFAULT_CREDENTIAL_ID).accessToken).toBe(
			h.sandbox.issuedTokens().at(-1),
		);
	});

	test('a token already stored is used as is: 0 token requests', async () => {
		await run();
		const stored = h.credential().accessToken;
		h.sandbox.clearRequests();
		h.resetCounters();
		const r = await run({ input: items(3) });
		expect(r.error).toBeUndefined();
		expect(h.sandbox.stats().tokenRequests).toBe(0);
		expect(h.preAuthCalls).toBe(0);
		expect(h.credential().accessToken).toBe(stored);
	});

	test('the Bearer header is really sent: every API call in the sandbox log is authenticated as the client', async () => {
		const r = await run({ input: items(3) });
		expect(r.error).toBeUndefined();
		const log = h.sandbox.requests();
		expect(log.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
			'POST /oauth2/token 200',
			'GET /api/v1/catalog/branded-cards 200',
			'GET /api/v1/catalog/branded-cards 200',
			'GET /api/v1/catalog/branded-cards 200',
		]);
		expect(log.slice(1).every((e) => e.clientId === h.sandbox.clientId)).toBe(true);
		expect(r.json[0]).toMatchObject({ index: 0, count: 1 });
	});

	test('without the Bearer header the sandbox answers 401 (control: the 200s above are due to the header)', async () => {
		const res = await fetch(`${h.sandbox.url}/api/v1/catalog/branded-cards`);
		expect(res.status).toBe(401);
	});
});

describe('token expired on the server', () => {
	beforeEach(() => resetAll());

	test('expired between items (mid-run) → exactly one refresh, no failed item, new token persisted', async () => {
		await run(); // stores token T1
		const t1 = h.credential().accessToken;
		h.sandbox.clearRequests();
		h.resetCounters();
		// Faults are consumed FIFO: 5 API calls pass (zero delay), the 6th gets 401 and T1 is revoked.
		h.sandbox.injectFault([
			{ kind: 'delay', ms: 0, path: '/api/v1/', count: 5 },
			{ kind: 'expire-token', path: '/api/v1/' },
		]);
		const r = await run({ input: items(10) });
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(10);
		expect(r.json.every((j) => j.error === undefined)).toBe(true);
		expect(h.sandbox.stats().tokenRequests).toBe(1);
		expect(h.preAuthCalls).toBe(1);
		expect(h.preAuthEvents.filter((e) => e.reason !== 'skipped')).toEqual([
			expect.objectContaining({ reason: 'expired', credentialsExpired: true, outcome: 'stored' }),
		]);
		const log = h.sandbox.requests().map((e) => `${e.method} ${e.path} ${e.status}`);
		expect(log).toEqual([
			...Array(5).fill('GET /api/v1/catalog/branded-cards 200'),
			'GET /api/v1/catalog/branded-cards 401',
			'POST /oauth2/token 200',
			...Array(5).fill('GET /api/v1/catalog/branded-cards 200'),
		]);
		const t2 = h.credential().accessToken;
		expect(t2).not.toBe(t1);
		expect(t2).toBe(h.sandbox.issuedTokens().at(-1));

		// The next run uses T2 from the store: no token request.
		h.sandbox.clearRequests();
		await run({ input: items(2) });
		expect(h.sandbox.stats().tokenRequests).toBe(0);
		expect(h.credential().accessToken).toBe(t2);
		expect(h.sandbox.requests().every((e) => e.status === 200)).toBe(true);
	});

	test('all tokens expired between executions → one refresh on the first item, then the new token', async () => {
		await run();
		const t1 = h.credential().accessToken;
		h.sandbox.expireTokens();
		h.sandbox.clearRequests();
		h.resetCounters();
		const r = await run({ input: items(5) });
		expect(r.error).toBeUndefined();
		expect(r.items).toHaveLength(5);
		expect(h.sandbox.stats().tokenRequests).toBe(1);
		expect(h.credential().accessToken).not.toBe(t1);
	});

	test('n8n refreshes only once per request: a second 401 right after the refresh fails the item', async () => {
		await run();
		h.sandbox.clearRequests();
		h.resetCounters();
		h.sandbox.injectFault({ kind: 'expire-token', path: '/api/v1/', count: 2 });
		const r = await run({ input: items(1) });
		expect(r.error).toBeDefined();
		expect(r.error?.httpCode).toBe('401');
		expect(h.sandbox.stats().tokenRequests).toBe(1);
	});

	test('with the token lifetime passed on the virtual clock → one refresh, no failed item', async () => {
		await run();
		h.sandbox.advanceClock(86400 * 1000 + 1);
		h.sandbox.clearRequests();
		const r = await run({ input: items(3) });
		expect(r.error).toBeUndefined();
		expect(h.sandbox.stats().tokenRequests).toBe(1);
	});
});

describe('errors never leak secrets', () => {
	const WRONG_SECRET = `wrong-${randomUUID()}`;

	test('wrong client secret → "Giftronaut rejected the Client ID or Client Secret", no secret/token in error or output', async () => {
		resetAll({ clientSecret: WRONG_SECRET });
		const r = await run({ input: items(2) });
		expect(r.status).toBe('error');
		expect(r.error?.message).toContain('Giftronaut rejected the Client ID or Client Secret');
		expect(h.sandbox.stats().tokenRequests).toBe(1);
		expect(h.credential().accessToken).toBe('');
		const secrets = {
			wrongSecret: WRONG_SECRET,
			realSecret: h.sandbox.clientSecret,
			...Object.fromEntries(h.sandbox.issuedTokens().map((t, i) => [`token${i}`, t])),
		};
		expect(findLeaks(r.error, secrets)).toEqual([]);
		expect(findLeaks(r.run, secrets)).toEqual([]);
		expect(findLeaks(r.items, secrets)).toEqual([]);
	});

	test('stored token expired and the secret since rotated (wrong) → refresh fails, old token and secret not in the error', async () => {
		resetAll();
		await run();
		const oldToken = h.credential().accessToken as string;
		h.updateCredential({ clientSecret: WRONG_SECRET });
		h.sandbox.expireTokens();
		const r = await run({ input: items(1) });
		expect(r.error?.message).toContain('Giftronaut rejected the Client ID or Client Secret');
		expect(
			findLeaks(r.run, { oldToken, wrongSecret: WRONG_SECRET, realSecret: h.sandbox.clientSecret }),
		).toEqual([]);
	});

	test('with continueOnFail the error becomes an output item, still without secrets', async () => {
		resetAll({ clientSecret: WRONG_SECRET });
		const r = await run({ input: items(2), settings: { onError: 'continueRegularOutput' } });
		expect(r.status).toBe('success');
		expect(String(r.json[0].error)).toContain('Giftronaut rejected the Client ID or Client Secret');
		expect(
			findLeaks(r.run, { wrongSecret: WRONG_SECRET, realSecret: h.sandbox.clientSecret }),
		).toEqual([]);
	});
});

describe('scopes', () => {
	test('a client lacking orders.write → the order call fails and the error names orders.write', async () => {
		resetAll();
		const limited = { clientId: 'no-write-client', clientSecret: `no-write-${randomUUID()}` };
		h.sandbox.addClient({
			...limited,
			scopes: ['catalog.read', 'orders.read', 'balance.read', 'templates.read'],
		});
		h.addCredential(limited);
		const r = await run({
			input: [
				{
					method: 'POST',
					path: '/api/v1/orders/branded-cards',
					body: { productId: 'x', recipients: [] },
				},
			],
		});
		expect(r.error).toBeDefined();
		expect(r.error?.httpCode).toBe('403');
		expect(JSON.stringify([r.error?.message, r.error?.description])).toContain('orders.write');
		expect(h.sandbox.orders()).toHaveLength(0);
		expect(findLeaks(r.run, { secret: limited.clientSecret })).toEqual([]);
	});

	test('an unknown scope in the Scopes field → the token error names it', async () => {
		resetAll({ scopes: 'catalog.read orders.launch' });
		const r = await run();
		expect(r.error?.message).toContain('orders.launch');
		expect(r.error?.message).toContain('Scopes (Advanced) field');
		expect(h.credential().accessToken).toBe('');
	});

	test('Scopes is an advanced field with the name, type and default saved credentials carry', () => {
		const field = new GiftronautApi().properties.find((p) => p.name === 'scopes');
		expect(field).toMatchObject({
			displayName: 'Scopes (Advanced)',
			type: 'string',
			default: DEFAULT_GIFTRONAUT_SCOPES,
		});
		expect(field?.description).toMatch(/^Leave as is unless/);
	});

	test('a comma-separated Scopes field is accepted', async () => {
		resetAll({ scopes: 'catalog.read, orders.read' });
		const r = await run();
		expect(r.error).toBeUndefined();
	});
});

describe('credential test (the "Test" button)', () => {
	beforeEach(() => resetAll());

	test('good credentials → OK, and the test always fetches a fresh token (forced preAuthentication)', async () => {
		await run();
		h.sandbox.clearRequests();
		h.resetCounters();
		const result = await h.testCredential();
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(h.sandbox.stats().tokenRequests).toBe(1);
		expect(h.preAuthEvents.at(-1)).toMatchObject({ reason: 'test', outcome: 'stored' });
		expect(h.sandbox.requests().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
			'POST /oauth2/token 200',
			'GET /api/v1/catalog/branded-cards 200',
		]);
		expect(h.sandbox.requests()[1].query).toMatchObject({ page: '1', pageSize: '1' });
	});

	test('wrong secret → Error naming the problem, without the secret', async () => {
		const wrong = `wrong-${randomUUID()}`;
		const result = await h.testCredential(DEFAULT_CREDENTIAL_ID, { clientSecret: wrong });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Giftronaut rejected the Client ID or Client Secret');
		expect(result.message).not.toContain(wrong);
	});

	test('unknown client id → Error', async () => {
		const result = await h.testCredential(DEFAULT_CREDENTIAL_ID, { clientId: 'nobody' });
		expect(result.status).toBe('Error');
	});

	test('base URL with a trailing slash works', async () => {
		const result = await h.testCredential(DEFAULT_CREDENTIAL_ID, { baseUrl: `${h.sandbox.url}/` });
		expect(result.status).toBe('OK');
	});
});
