import { createHarness, type Harness } from '../harness';
import { createParameters, errorText, orderPosts, person } from './create-fixtures';

// Issue 9, cases 2, 3, 5 and 7: the default key depends only on what stays the same between
// attempts of one event; fields that read the clock or the execution are refused before sending.

let h: Harness;
beforeAll(async () => {
	h = await createHarness();
});
afterAll(async () => await h.close());
beforeEach(() => h.sandbox.reset());

const DAY_MS = 24 * 60 * 60 * 1000;
/** The transport's 4 attempts all drop after Giftronaut committed the order. */
const dropAllAttempts = () =>
	h.sandbox.injectFault({
		kind: 'drop-after-commit',
		method: 'POST',
		path: '/api/v1/orders/',
		count: 4,
	});
const retryOnFail = { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 };
const withMessage = (message: string, options = {}) =>
	createParameters({ emailSettings: { message }, options });

/** The ISO UTC date-time stated in a text after "until", as epoch ms. */
function untilOf(text: string): number {
	const match = /until (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d{3})?Z)/.exec(text);
	expect(match).not.toBeNull();
	return Date.parse(match![1]);
}

describe('volatile expressions in fields that reach the order', () => {
	test('$now in the message, a drop after commit and Retry On Fail: refused before anything is sent', async () => {
		dropAllAttempts();
		const r = await h.run({
			parameters: withMessage('=Sent {{ $now.toISO() }}'),
			input: [person(1)],
			settings: retryOnFail,
		});
		expect(orderPosts(h.sandbox)).toHaveLength(0);
		expect(h.sandbox.orders()).toHaveLength(0);
		const text = errorText(r.error);
		expect(text).toContain('Email Settings → Message');
		expect(text).toContain('$now');
		expect(text).toContain('Idempotency Key');
	});

	test.each([
		[
			'Scheduled At',
			{
				sendTiming: 'scheduled',
				scheduledAt: '={{ $now.plus({ days: 1 }).toISO() }}',
				timezone: 'UTC',
			},
			'$now',
		],
		[
			'Email Settings → Subject',
			{ emailSettings: { subject: '=Run {{ $execution.id }}' } },
			'$execution',
		],
		[
			'Email Settings → Sender Name',
			{ emailSettings: { senderName: '=Team {{ $runIndex }}' } },
			'$runIndex',
		],
		[
			'Email Settings → Message',
			{ emailSettings: { message: '=Hi {{ $today.toFormat("d") }}' } },
			'$today',
		],
		['Last Name', { lastName: '={{ $json.lastName + Math.random() }}' }, 'Math.random'],
		['First Name', { firstName: '={{ $json.firstName + Date.now() }}' }, 'Date'],
		[
			'Options → Deduplication Key',
			{ options: { deduplicationKey: '={{ $json.dealId }}-{{ $now.toMillis() }}' } },
			'$now',
		],
	])('%s reading %s is refused, naming the field', async (field, overrides, what) => {
		const r = await h.run({
			parameters: createParameters(overrides),
			input: [person(1, { dealId: 'D-1' })],
		});
		const text = errorText(r.error);
		expect(text).toContain(field);
		expect(text).toContain(what);
		expect(orderPosts(h.sandbox)).toHaveLength(0);
	});

	test('under Continue On Fail every item comes out as the refusal, nothing is sent', async () => {
		const r = await h.run({
			parameters: withMessage('=Sent {{ $now.toISO() }}'),
			input: [person(1), person(2)],
			settings: { onError: 'continueRegularOutput' },
		});
		expect(r.json).toHaveLength(2);
		expect(r.json.every((json) => String(json.error).includes('Email Settings → Message'))).toBe(
			true,
		);
		expect(orderPosts(h.sandbox)).toHaveLength(0);
	});

	test("with the user's own Idempotency Key the node sends, and a retry never makes a second order", async () => {
		dropAllAttempts();
		await h.run({
			parameters: withMessage('=Sent {{ $now.toISO() }}', {
				idempotencyKey: '=deal-{{ $json.dealId }}',
			}),
			input: [person(1, { dealId: 'D-9' })],
			settings: retryOnFail,
		});
		expect(h.sandbox.orders()).toHaveLength(1);
		expect(h.sandbox.orders()[0].idempotencyKey).toBe('deal-D-9');
	});

	test('an Idempotency Key of the user that reads $execution is refused too: it would differ on every attempt', async () => {
		const r = await h.run({
			parameters: createParameters({ options: { idempotencyKey: '=run-{{ $execution.id }}' } }),
			input: [person(1)],
		});
		expect(errorText(r.error)).toContain('Options → Idempotency Key reads $execution');
		expect(orderPosts(h.sandbox)).toHaveLength(0);
	});

	test('a message that reads only the item data is accepted, also with words like Date outside {{ }}', async () => {
		const r = await h.run({
			parameters: withMessage(
				"=Thanks {{ $json.firstName }}! Date won: {{ DateTime.fromISO($json.wonAt).toFormat('d LLL') }}, Math.random fans.",
			),
			input: [person(1, { wonAt: '2026-11-30T09:15:00Z' })],
		});
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(1);
	});
});

describe('key v2: presentation and timing do not feed the key', () => {
	test('an edited message after the order went out: a 409 explained as "already ordered", no second order', async () => {
		const first = await h.run({ parameters: withMessage('Congratulations!'), input: [person(1)] });
		expect(first.error).toBeUndefined();
		const second = await h.run({
			parameters: withMessage('Congratulations, well done!'),
			input: [person(1)],
		});
		expect(h.sandbox.orders()).toHaveLength(1);
		const text = errorText(second.error);
		expect(text).toContain('409');
		expect(text).toContain(
			'this event was already ordered with different content; nothing was sent again',
		);
	});

	test('the same event with another subject, sender and refund option keeps its key', async () => {
		const a = await h.run({ parameters: createParameters(), input: [person(1)] });
		h.sandbox.reset();
		const b = await h.run({
			parameters: createParameters({
				emailSettings: { subject: 'Hi', senderName: 'Acme' },
				refundOption: true,
			}),
			input: [person(1)],
		});
		expect(b.json[0].idempotencyKey).toBe(a.json[0].idempotencyKey);
	});

	test('who gets what still feeds the key: another amount or e-mail is another order', async () => {
		const a = await h.run({ parameters: createParameters(), input: [person(1)] });
		const b = await h.run({
			parameters: createParameters({ amount: { __rl: true, mode: 'value', value: '50' } }),
			input: [person(1)],
		});
		const c = await h.run({
			parameters: createParameters({ email: 'other@example.com' }),
			input: [person(1)],
		});
		expect(new Set([a, b, c].map((r) => r.json[0].idempotencyKey)).size).toBe(3);
		expect(h.sandbox.orders()).toHaveLength(3);
	});
});

describe('Deduplication Key replaces the item data in the key', () => {
	const delivery = (deliveryId: string, retry: number) => ({
		headers: { 'x-delivery-id': deliveryId, 'x-timestamp': `2026-12-0${retry + 1}T10:00:00Z` },
		body: { dealId: 'D-77', email: 'winner@example.com', amount: 50 },
		retryCount: retry,
	});
	const webhookParameters = createParameters({
		email: '={{ $json.body.email }}',
		firstName: '',
		lastName: '',
		amount: { __rl: true, mode: 'value', value: '={{ $json.body.amount }}' },
		options: { deduplicationKey: '={{ $json.body.dealId }}' },
	});

	test('two deliveries of one deal that differ in headers and retry counter: 1 order', async () => {
		const first = await h.run({
			parameters: webhookParameters,
			input: [delivery('d-1', 0)],
			mode: 'webhook',
		});
		const again = await h.run({
			parameters: webhookParameters,
			input: [delivery('d-2', 1)],
			mode: 'webhook',
		});
		expect(first.error).toBeUndefined();
		expect(again.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(1);
		expect(again.json[0]).toMatchObject({
			idempotencyKey: first.json[0].idempotencyKey,
			replayed: true,
		});
	});

	test('both deliveries in one run: sent once', async () => {
		const r = await h.run({
			parameters: webhookParameters,
			input: [delivery('d-1', 0), delivery('d-2', 1)],
		});
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(1);
		expect(r.json[1]).toMatchObject({ orderId: r.json[0].orderId, duplicateOfItem: 0 });
	});

	test('another deal is another order', async () => {
		await h.run({ parameters: webhookParameters, input: [delivery('d-1', 0)] });
		const other = delivery('d-3', 0);
		other.body.dealId = 'D-78';
		await h.run({ parameters: webhookParameters, input: [other] });
		expect(h.sandbox.orders()).toHaveLength(2);
	});
});

describe('the 24-hour window is stated as a date-time', () => {
	test('a request that gave up says until when re-running is safe (first attempt + 24 h)', async () => {
		const before = Date.now();
		h.sandbox.injectFault({
			kind: 'unavailable',
			method: 'POST',
			path: '/api/v1/orders/',
			count: 4,
		});
		// An input no earlier test sent: the node remembers first attempts for the life of the process.
		const r = await h.run({ parameters: createParameters(), input: [person(901)] });
		const text = errorText(r.error);
		expect(text).toContain('Running this again with the same input is safe');
		const until = untilOf(text);
		expect(until).toBeGreaterThanOrEqual(before + DAY_MS - 1000);
		expect(until).toBeLessThanOrEqual(Date.now() + DAY_MS);
	});

	test('"orders already accepted" says until when a re-run only replays them', async () => {
		const before = Date.now();
		h.sandbox.injectFault({
			kind: 'unavailable',
			method: 'POST',
			path: '/api/v1/orders/choice-cards',
			count: 4,
		});
		const r = await h.run({
			parameters: createParameters({
				cardType: '={{ $json.cardType }}',
				product: { __rl: true, mode: 'id', value: '={{ $json.productId }}' },
			}),
			input: [
				person(902, { cardType: 'branded', productId: 'GC-AMAZON-USD' }),
				person(903, { cardType: 'choice', productId: 'CHOICE-GLOBAL-USD' }),
			],
		});
		const text = errorText(r.error);
		expect(text).toContain('already accepted');
		const until = untilOf(text.slice(text.indexOf('already accepted')));
		expect(until).toBeGreaterThanOrEqual(before + DAY_MS - 1000);
		expect(until).toBeLessThanOrEqual(Date.now() + DAY_MS);
		expect(h.sandbox.orders()).toHaveLength(1);
	});
});

describe('replays in a run that is not a retry are not silent', () => {
	const hints = (r: Awaited<ReturnType<Harness['run']>>) =>
		r.nodeRuns.flatMap((run) => run.hints ?? []);

	test('the same input a second time: an execution hint counts the replays and says how to send again', async () => {
		const input = [person(1), person(2), person(3)];
		const first = await h.run({ parameters: createParameters(), input, mode: 'trigger' });
		expect(hints(first)).toHaveLength(0);
		const second = await h.run({
			parameters: createParameters(),
			input: [...input, person(4)],
			mode: 'trigger',
		});
		expect(h.sandbox.orders()).toHaveLength(4);
		const messages = hints(second).map((hint) => hint.message);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toContain('3 of 4 items');
		expect(messages[0]).toContain('Deduplication Key');
	});

	test("no hint when the replays come from this execution's own retries", async () => {
		dropAllAttempts();
		const r = await h.run({
			parameters: createParameters(),
			input: [person(1)],
			settings: retryOnFail,
		});
		expect(r.error).toBeUndefined();
		expect(h.sandbox.orders()).toHaveLength(1);
		expect(r.json[0].replayed).toBe(true);
		expect(hints(r)).toHaveLength(0);
	});

	test('no hint for a transport retry after a dropped connection', async () => {
		h.sandbox.injectFault({ kind: 'drop-after-commit', method: 'POST', path: '/api/v1/orders/' });
		const r = await h.run({ parameters: createParameters(), input: [person(1)] });
		expect(r.json[0].replayed).toBe(true);
		expect(hints(r)).toHaveLength(0);
	});

	test('no hint in n8n\'s "retry execution" mode', async () => {
		await h.run({ parameters: createParameters(), input: [person(1)] });
		const r = await h.run({ parameters: createParameters(), input: [person(1)], mode: 'retry' });
		expect(r.json[0].replayed).toBe(true);
		expect(hints(r)).toHaveLength(0);
	});
});
