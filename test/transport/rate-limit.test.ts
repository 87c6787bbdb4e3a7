// The rate governor through the real engine: a 429 pauses every request of the account in this
// process (all executions), does not use up the retries, and Rate-Limit Patience bounds the wait.
import { createHarness, type Harness } from '../harness';
import { createParameters, errorText, orderPosts, person } from '../node/create-fixtures';

interface Answered {
	at: number;
	status: number;
	path: string;
}

let answered: Answered[] = [];
let h: Harness;
beforeAll(async () => {
	h = await createHarness({
		sandbox: {
			onRequest: (entry) =>
				answered.push({ at: Date.now(), status: entry.status, path: entry.path }),
		},
	});
});
afterAll(async () => await h.close());
beforeEach(() => {
	h.sandbox.reset();
	h.addCredential({});
	h.resetCounters();
	answered = [];
});

const people = (n: number, tag: string) =>
	Array.from({ length: n }, (_, i) => person(i, { email: `${tag}${i}@example.com` }));

describe('a 429 is a wait, not a failure', () => {
	test('6 answers 429 in a row (Retry-After: 0) do not use up the 3 retries: one order, no error', async () => {
		h.sandbox.injectFault({
			kind: 'rate-limit',
			method: 'POST',
			path: '/api/v1/orders/',
			count: 6,
			retryAfterSeconds: 0,
		});
		const r = await h.run({ parameters: createParameters(), input: [person(1)] });
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(1);
		expect(orderPosts(h.sandbox).map((e) => e.status)).toEqual([429, 429, 429, 429, 429, 429, 201]);
	});

	test('429 without Retry-After, 4 times: still one order (back-off instead of giving up)', async () => {
		h.sandbox.injectFault({
			kind: 'rate-limit',
			method: 'POST',
			path: '/api/v1/orders/',
			count: 4,
			retryAfterSeconds: null,
		});
		const r = await h.run({ parameters: createParameters(), input: [person(1)] });
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(1);
		expect(orderPosts(h.sandbox).filter((e) => e.status === 429)).toHaveLength(4);
	}, 60_000);

	test('a real failure still has only 3 retries, even after 429s', async () => {
		h.sandbox.injectFault([
			{
				kind: 'rate-limit',
				method: 'POST',
				path: '/api/v1/orders/',
				count: 2,
				retryAfterSeconds: 0,
			},
			{ kind: 'unavailable', method: 'POST', path: '/api/v1/orders/', count: 4 },
		]);
		const r = await h.run({ parameters: createParameters(), input: [person(1)] });
		expect(errorText(r.error)).toContain('HTTP 503');
		expect(orderPosts(h.sandbox).map((e) => e.status)).toEqual([429, 429, 503, 503, 503, 503]);
	});
});

describe('one pause for everyone', () => {
	test('a 429 (Retry-After: 2) pauses every request of both executions running at once', async () => {
		await h.run({ parameters: { resource: 'balance', operation: 'get' } }); // token stored
		answered = [];
		// Each order takes 150 ms, so without a shared pause the other requests would go on landing.
		h.sandbox.injectFault([
			{ kind: 'rate-limit', method: 'POST', path: '/api/v1/orders/', retryAfterSeconds: 2 },
			{ kind: 'delay', ms: 150, method: 'POST', path: '/api/v1/orders/', count: 100 },
		]);
		const [a, b] = await Promise.all([
			h.run({ parameters: createParameters(), input: people(40, 'a'), workflowId: 'wf-a' }),
			h.run({ parameters: createParameters(), input: people(40, 'b'), workflowId: 'wf-b' }),
		]);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(80);
		const limited = answered.find((e) => e.status === 429);
		expect(limited).toBeDefined();
		// Requests already in flight when the 429 came back (150 ms each) may still land just after it; nothing
		// new is sent until the 2 s are over.
		const during = answered.filter((e) => e.at > limited!.at + 400 && e.at < limited!.at + 1900);
		expect(during).toEqual([]);
		const after = answered.filter((e) => e.at >= limited!.at + 1900);
		expect(after.length).toBeGreaterThan(0);
	});

	test('with a 25/min server limit and no Retry-After, 30 separate orders: all sent, and few 429s', async () => {
		h.sandbox.reset({ rateLimit: { enabled: true, perMinute: 25, retryAfter: 'none' } });
		h.addCredential({});
		const r = await h.run({ parameters: createParameters(), input: people(30, 'c') });
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(30);
		// The 10 in flight can all hit the limit once; after that the governor keeps to the pace.
		expect(answered.filter((e) => e.status === 429).length).toBeLessThanOrEqual(10);
	}, 90_000);
});

describe('Rate-Limit Patience', () => {
	test('a wait longer than the patience stops the run with the orders already accepted, and a re-run replays them', async () => {
		await h.run({ parameters: { resource: 'balance', operation: 'get' } });
		h.sandbox.clearRequests();
		h.sandbox.injectFault([
			{ kind: 'delay', ms: 0, method: 'POST', path: '/api/v1/orders/', count: 12 },
			{ kind: 'rate-limit', method: 'POST', path: '/api/v1/orders/', retryAfterSeconds: 30 },
		]);
		const parameters = createParameters({ options: { rateLimitPatience: 0.1 } }); // 6 s
		const started = Date.now();
		const r = await h.run({ parameters, input: people(20, 'p') });
		expect(Date.now() - started).toBeLessThan(10_000);
		const text = errorText(r.error);
		expect(text).toContain('HTTP 429');
		expect(text).toContain('Rate-Limit Patience');
		expect(text).toMatch(/\d+ order\(s\) of this run were already accepted/);
		const accepted = h.sandbox.orders().length;
		expect(accepted).toBeGreaterThanOrEqual(12);
		expect(accepted).toBeLessThan(20);

		h.addCredential({}); // later: the account's pause is over (a fresh process)
		const rerun = await h.run({ parameters, input: people(20, 'p') });
		expect(rerun.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(20);
		expect(rerun.json.filter((j) => j.replayed === true)).toHaveLength(accepted);
	});
});
