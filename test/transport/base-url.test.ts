// Base URL of the credential: https only (plain http only to loopback, for a local sandbox), a
// trailing /api/v1 dropped, refused before the client secret is sent anywhere.
import { readBaseUrl } from '../../nodes/Giftronaut/transport/baseUrl';
import { DEFAULT_CREDENTIAL_ID, createHarness, findLeaks, type Harness } from '../harness';
import { errorText } from '../node/create-fixtures';

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

describe('the rule', () => {
	test.each([
		['https://api.giftronaut.com', 'https://api.giftronaut.com'],
		['https://api.giftronaut.com/', 'https://api.giftronaut.com'],
		['https://api.giftronaut.com/api/v1', 'https://api.giftronaut.com'],
		['https://api.giftronaut.com/api/v1/', 'https://api.giftronaut.com'],
		['  https://API.giftronaut.com/API/V1//  ', 'https://api.giftronaut.com'],
		['https://proxy.example.com/giftronaut/api/v1', 'https://proxy.example.com/giftronaut'],
		['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
		['http://127.3.4.5:8787/api/v1', 'http://127.3.4.5:8787'],
		['http://localhost:8787/', 'http://localhost:8787'],
		['http://[::1]:8787', 'http://[::1]:8787'],
		['', 'https://api.giftronaut.com'],
	])('%j → %s', (raw, url) => {
		expect(readBaseUrl(raw)).toEqual({ url });
	});

	test.each([
		'http://api.giftronaut.com',
		'http://10.0.0.5:8787',
		'http://127.0.0.1.example.com',
		'http://localhost.example.com',
		'ftp://api.giftronaut.com',
		'api.giftronaut.com',
		'https://api.giftronaut.com/?x=1',
	])('%j is refused', (raw) => {
		expect(readBaseUrl(raw)).toHaveProperty('problem');
	});
});

describe('in the engine', () => {
	test('a trailing /api/v1/ is stripped: requests go to /api/v1/balance, not /api/v1/api/v1/balance', async () => {
		h.addCredential({ baseUrl: `${h.sandbox.url}/api/v1/` });
		const r = await h.run({ parameters: balanceGet });
		expect(r.error).toBeUndefined();
		expect(h.sandbox.requests().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
			'POST /oauth2/token 200',
			'GET /api/v1/balance 200',
		]);
	});

	test('the "Test" button also strips /api/v1', async () => {
		const result = await h.testCredential(DEFAULT_CREDENTIAL_ID, {
			baseUrl: `${h.sandbox.url}/api/v1`,
		});
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	test('http:// to a host that is not this machine is refused with a clear message, nothing sent', async () => {
		h.addCredential({ baseUrl: 'http://giftronaut.invalid' });
		const r = await h.run({ parameters: balanceGet });
		const text = errorText(r.error);
		expect(text).toContain('must start with https://');
		expect(text).toContain('Base URL');
		expect(h.sandbox.requests()).toHaveLength(0);
		expect(h.preAuthCalls).toBe(0);
		expect(findLeaks(r.run, { secret: h.sandbox.clientSecret })).toEqual([]);
	});

	test('the "Test" button refuses http:// to another host before any token request', async () => {
		const result = await h.testCredential(DEFAULT_CREDENTIAL_ID, {
			baseUrl: 'http://giftronaut.invalid',
		});
		expect(result.status).toBe('Error');
		expect(result.message).toContain('must start with https://');
		expect(result.message).not.toContain(h.sandbox.clientSecret);
	});
});
