'use strict';
// Bad-input catalogue: each bad item is run alone, after good items (Continue On Fail off: nothing may
// go out) and after good items with Continue On Fail on (only the good items may go out).
const W = require('./workflows');

const long = (n) => 'x'.repeat(n);
const nextYear = new Date().getUTCFullYear() + 1;
const scheduled = (extra) => ({ timing: 'scheduled', at: `${nextYear}-05-01T10:00:00`, ...extra });
const keyParam = { options: { idempotencyKey: '={{ $json.key }}' } };

/** Everything an item can vary comes from its JSON, so one bad item can sit among good ones. */
const fromJson = W.createParameters({
	product: { __rl: true, mode: 'id', value: "={{ $json.product ?? 'GC-AMAZON-USD' }}" },
	additionalRecipientFields: { company: '={{ $json.company }}' },
	sendTiming: "={{ $json.timing ?? 'immediate' }}",
	scheduledAt: '={{ $json.at }}',
	timezone: "={{ $json.tz ?? 'America/New_York' }}",
});

const CASES = [
	{ name: 'email missing', item: { email: undefined } },
	{ name: 'email empty', item: { email: '' } },
	{ name: 'email only spaces', item: { email: '   ' } },
	{ name: 'email without @', item: { email: 'not-an-email' } },
	{ name: 'email without domain dot', item: { email: 'a@b' } },
	{ name: 'email with a space', item: { email: 'a b@example.com' } },
	{ name: 'email with two @', item: { email: 'a@b@example.com' } },
	{ name: 'email too long', item: { email: `${long(250)}@example.com` } },
	{ name: 'email not text', item: { email: { address: 'x' } } },
	{ name: 'email a list', item: { email: ['a@example.com', 'b@example.com'] } },
	{ name: 'amount not a denomination', item: { amount: 30 } },
	{ name: 'amount with cents not a denomination', item: { amount: 12.5 } },
	{ name: 'amount zero', item: { amount: 0 } },
	{ name: 'amount negative', item: { amount: -25 } },
	{ name: 'amount NaN text', item: { amount: 'NaN' } },
	{ name: 'amount Infinity', item: { product: 'GC-STARBUCKS-USD', amount: 'Infinity' } },
	{ name: 'amount with 3 decimals', item: { product: 'GC-STARBUCKS-USD', amount: 25.555 } },
	{ name: 'amount text', item: { amount: 'abc' } },
	{ name: 'amount empty', item: { amount: '' } },
	{ name: 'amount with currency sign', item: { amount: '$25' } },
	{
		name: 'amount with thousands separator',
		item: { product: 'GC-STARBUCKS-USD', amount: '1,000' },
	},
	{ name: 'amount in exponent form', item: { product: 'GC-STARBUCKS-USD', amount: '1e2' } },
	{ name: 'amount below range', item: { product: 'GC-STARBUCKS-USD', amount: 4 } },
	{ name: 'amount above range', item: { product: 'GC-STARBUCKS-USD', amount: 500.01 } },
	{ name: 'amount an object', item: { amount: { value: 25 } } },
	{ name: 'unknown product', item: { product: 'GC-NOPE-USD' } },
	{ name: 'choice product as branded', item: { product: 'CHOICE-GLOBAL-USD' } },
	{
		name: 'branded product as choice',
		parameters: { cardType: 'choice' },
		good: { product: 'CHOICE-GLOBAL-USD' },
		item: { product: 'GC-TESCO-GBP', amount: 15 },
	},
	{ name: 'product empty', item: { product: ' ' } },
	{ name: 'product id in lower case', item: { product: 'gc-amazon-usd' } },
	{ name: 'first name too long', item: { firstName: long(101) } },
	{ name: 'last name not text', item: { lastName: { a: 1 } } },
	{ name: 'company too long', item: { company: long(120) } },
	{ name: 'scheduled without time', item: scheduled({ at: '' }) },
	{ name: 'scheduled time not a date', item: scheduled({ at: 'tomorrow' }) },
	{ name: 'scheduled on 30 February', item: scheduled({ at: `${nextYear}-02-30T10:00:00` }) },
	{ name: 'scheduled at hour 25', item: scheduled({ at: `${nextYear}-01-01T25:00:00` }) },
	{ name: 'scheduled in the past', item: scheduled({ at: '2020-01-01T09:00:00' }) },
	{ name: 'timezone unknown', item: scheduled({ tz: 'Mars/Olympus' }) },
	{ name: 'timezone as offset', item: scheduled({ tz: '+02:00' }) },
	{ name: 'timezone a bare city name', item: scheduled({ tz: 'Berlin' }) },
	{ name: 'send timing unknown', item: { timing: 'sometimes' } },
	{
		name: 'idempotency key too long',
		parameters: keyParam,
		good: { key: undefined },
		item: { key: long(65) },
	},
	{ name: 'idempotency key empty', parameters: keyParam, item: { key: '' } },
	{ name: 'idempotency key with space', parameters: keyParam, item: { key: 'deal 1' } },
	{ name: 'idempotency key not ASCII', parameters: keyParam, item: { key: 'clé-1' } },
	{
		name: 'idempotency key reused for another order',
		parameters: keyParam,
		sameKey: true,
		item: { amount: 50 },
	},
	{
		name: 'email settings subject not text',
		parameters: { emailSettings: { subject: '={{ $json.subject }}' } },
		item: { subject: { a: 1 } },
	},
	{
		name: 'list recipient with bad email',
		parameters: {
			recipientSource: 'list',
			recipients: {
				recipient: [
					{ email: '={{ $json.email }}', amount: 25 },
					{ email: '={{ $json.second }}', amount: 25 },
				],
			},
		},
		good: { second: 'ok@example.com' },
		item: { second: 'nobody' },
	},
];

/** Run-level bad settings: every item is affected, so only the "alone" and "after good items" forms apply. */
const SETTING_CASES = [
	{ name: 'list without recipients', parameters: { recipientSource: 'list', recipients: {} } },
	{ name: 'batch size zero', parameters: { options: { combineItems: true, batchSize: 0 } } },
	{
		name: 'batch size above 1000',
		parameters: { options: { combineItems: true, batchSize: 1001 } },
	},
	{ name: 'request timeout too short', parameters: { options: { timeout: 10 } } },
	{ name: 'output mode unknown', parameters: { options: { output: 'everything' } } },
	{ name: 'card type unknown', parameters: { cardType: 'gold' } },
	{
		name: 'check balance first, run exceeds the balance',
		parameters: { options: { checkBalance: true } },
		balance: 20,
	},
];

async function runBadInputs(h, { log, onEvidence }) {
	let tried = 0;
	let sent = 0;
	const notRejected = [];
	const leakedOut = [];
	let caseNo = 0;
	const person = (tag, i, extra = {}) => ({
		email: `${tag}-${i}@example.com`,
		firstName: `F${i}`,
		lastName: `L${i}`,
		amount: 25,
		...extra,
	});

	/** Orders that went out for anything but the good items (matched by their emails). */
	async function attempt(c, input, settings, goodItems) {
		const before = h.sandbox.orders().length;
		const r = await h.run({
			parameters: { ...fromJson, ...c.parameters },
			input,
			settings,
			workflowId: `bad-${caseNo}`,
		});
		onEvidence(r);
		const goodEmails = new Set(goodItems.map((g) => g.email));
		const made = h.sandbox
			.orders()
			.slice(before)
			.filter((o) => !o.recipients.some((rec) => goodEmails.has(rec.email))).length;
		const rejected =
			Boolean(r.error) ||
			[...(r.outputs[0] ?? []), ...(r.outputs[1] ?? [])].some(
				(i) => i.json && i.json.error !== undefined,
			);
		return { made, rejected };
	}

	for (const c of CASES) {
		caseNo++;
		tried++;
		h.sandbox.reset();
		const tag = `bad${caseNo}`;
		const bad = { ...person(tag, 9), ...(c.sameKey ? { key: 'shared-key-1' } : {}), ...c.item };
		const goods = [person(tag, 0, c.good), person(tag, 1, c.good)].map((g) =>
			c.sameKey ? { ...g, key: 'shared-key-1' } : g,
		);
		// sameKey: the first good item owns the key; the second good one is dropped (it would reuse it too).
		const goodItems = c.sameKey ? goods.slice(0, 1) : goods;
		const forms = [
			{ input: [bad], settings: {}, good: [] },
			{ input: [...goodItems, bad], settings: {}, good: [] },
			{
				input: [...goodItems, bad],
				settings: { onError: 'continueRegularOutput' },
				good: goodItems,
			},
		];
		if (c.sameKey) forms.shift(); // alone, a reused key is not bad
		for (const form of forms) {
			const { made, rejected } = await attempt(c, form.input, form.settings, form.good);
			sent += made;
			if (made) leakedOut.push(c.name);
			if (!rejected) notRejected.push(c.name);
		}
	}
	for (const c of SETTING_CASES) {
		caseNo++;
		tried++;
		h.sandbox.reset(c.balance ? { balance: c.balance } : undefined);
		const tag = `bad${caseNo}`;
		for (const input of [[person(tag, 0)], [person(tag, 0), person(tag, 1)]]) {
			const { made, rejected } = await attempt(c, input, {}, []);
			sent += made;
			if (made) leakedOut.push(c.name);
			if (!rejected) notRejected.push(c.name);
		}
	}
	const result = {
		badInputsTried: tried,
		badInputOrdersSent: sent,
		detail: { notRejected: [...new Set(notRejected)], sentFor: [...new Set(leakedOut)] },
	};
	log(`bad inputs: ${JSON.stringify(result)}`);
	return result;
}

module.exports = { runBadInputs, CASES, SETTING_CASES };
