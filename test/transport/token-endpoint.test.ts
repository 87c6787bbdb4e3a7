// The token exchange (POST /oauth2/token) through the real engine: its 429/5xx are transient like
// any request, 400/401 stay permanent, the secret never shows, and one n8n process makes one
// exchange per credential however many executions start at once.
import { randomUUID } from 'crypto';

import { createHarness, findLeaks, type Harness } from '../harness';
import { createParameters, errorText, orderPosts, person } from '../node/create-fixtures';

let h: Harness;
beforeAll(async () => {
	h = await createHarness();
});
afterAll(async () => await h.close());
beforeEach(() => {
	h.sandbox.reset();
	h.addCredential({});
	h.resetCounters();
});

const balanceGet = { resource: 'balance', operation: 'get' };
const tokenLog = () =>
	h.sandbox
		.requests()
		.filter((e) => e.path === '/oauth2/token')
		.map((e) => e.status);

describe('token endpoint failures are transient like any request', () => {
	test('a token expiry plus one 503 on the refresh does not stop a 100-item run: 100 orders', async () => {
		await h.run({ parameters: balanceGet }); // stores a token
		h.sandbox.clearRequests();
		h.sandbox.injectFault([
			{ kind: 'delay', ms: 0, method: 'POST', path: '/api/v1/orders/', count: 39 },
			{ kind: 'expire-token', method: 'POST', path: '/api/v1/orders/' },
			{ kind: 'unavailable', path: '/oauth2/token' },
		]);
		const input = Array.from({ length: 100 }, (_, i) => person(i));
		const r = await h.run({ parameters: createParameters(), input });
		expect(r.error).toBeUndefined();
		expect(r.json).toHaveLength(100);
		expect(r.json.every((j) => typeof j.orderId === 'string')).toBe(true);
		const emails = h.sandbox.orders().map((o) => o.recipients[0].email);
		expect(emails).toHaveLength(100);
		expect(new Set(emails).size).toBe(100);
		expect(tokenLog()).toEqual([503, 200]);
	});

	test('a 429 with Retry-After from the token endpoint on a cold credential: waits, exchanges again, succeeds', async () => {
		h.sandbox.injectFault({ kind: 'rate-limit', path: '/oauth2/token', retryAfterSeconds: 1 });
		const r = await h.run({ parameters: balanceGet });
		expect(r.error).toBeUndefined();
		expect(r.json[0]).toHaveProperty('availableBalance');
		expect(tokenLog()).toEqual([429, 200]);
	});

	test('a 503 from the token endpoint on every attempt: the error says it was the token request, without the secret', async () => {
		h.sandbox.injectFault({ kind: 'unavailable', path: '/oauth2/token', count: 10 });
		const r = await h.run({ parameters: createParameters(), input: [person(1)] });
		expect(r.error).toBeDefined();
		const text = errorText(r.error);
		expect(text).toContain('HTTP 503');
		expect(text).toContain('/oauth2/token');
		expect(text).toContain('Nothing was ordered');
		expect(tokenLog()).toEqual([503, 503, 503, 503]);
		expect(orderPosts(h.sandbox)).toHaveLength(0);
		expect(findLeaks(r.run, { secret: h.sandbox.clientSecret })).toEqual([]);
	});

	test('a dropped connection on the token request is retried like any request', async () => {
		h.sandbox.injectFault({ kind: 'drop-before-commit', path: '/oauth2/token' });
		const r = await h.run({ parameters: balanceGet });
		expect(r.error).toBeUndefined();
		expect(tokenLog()).toEqual([0, 200]);
	});

	test('401 from the token endpoint (wrong secret) is permanent: one token request, a clear error, no secret', async () => {
		const wrong = randomUUID();
		h.addCredential({ clientSecret: wrong });
		const r = await h.run({ parameters: balanceGet });
		expect(errorText(r.error)).toContain('Giftronaut rejected the Client ID or Client Secret');
		expect(tokenLog()).toEqual([401]);
		expect(findLeaks(r.run, { wrong, secret: h.sandbox.clientSecret })).toEqual([]);
	});

	test('400 from the token endpoint (unknown scope) is permanent and names the scope', async () => {
		h.addCredential({ scopes: 'balance.read orders.launch' });
		const r = await h.run({ parameters: balanceGet });
		expect(errorText(r.error)).toContain('orders.launch');
		expect(tokenLog()).toEqual([400]);
	});
});

describe('Retry-After on 5xx', () => {
	test('a 503 with Retry-After: 2 is retried after 2 s, not after the short back-off', async () => {
		await h.run({ parameters: balanceGet });
		h.sandbox.injectFault({ kind: 'unavailable', path: '/api/v1/balance', retryAfterSeconds: 2 });
		const started = Date.now();
		const r = await h.run({ parameters: balanceGet });
		expect(r.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
	});
});

describe('one token exchange per credential in the whole process', () => {
	test('20 executions starting at once with a cold credential → 1 token exchange, all succeed', async () => {
		const runs = await Promise.all(
			Array.from(
				{ length: 20 },
				async (_, i) =>
					await h.run({
						parameters: balanceGet,
						workflowId: `wf-cold-${i}`,
						executionId: `cold-${i}`,
					}),
			),
		);
		expect(runs.map((r) => r.error?.message)).toEqual(Array(20).fill(undefined));
		expect(h.sandbox.stats().tokenRequests).toBe(1);
		expect(h.credential().accessToken).toBe(h.sandbox.issuedTokens().at(-1));
	});

	test('20 executions whose stored token expired, starting at once → 1 refresh', async () => {
		await h.run({ parameters: balanceGet });
		h.sandbox.expireTokens();
		h.sandbox.clearRequests();
		const runs = await Promise.all(
			Array.from(
				{ length: 20 },
				async (_, i) =>
					await h.run({
						parameters: balanceGet,
						workflowId: `wf-exp-${i}`,
						executionId: `exp-${i}`,
					}),
			),
		);
		expect(runs.map((r) => r.error?.message)).toEqual(Array(20).fill(undefined));
		expect(h.sandbox.stats().tokenRequests).toBe(1);
	});

	test('a rejected token this process did not obtain gets a new exchange, never an older kept token', async () => {
		await h.run({ parameters: balanceGet }); // this process keeps token T1
		h.sandbox.expireTokens(); // T1 is dead too
		h.updateCredential({ accessToken: 'sbx_from_another_process' });
		h.sandbox.clearRequests();
		const r = await h.run({ parameters: balanceGet });
		expect(r.error).toBeUndefined();
		expect(tokenLog()).toEqual([200]);
	});
});
