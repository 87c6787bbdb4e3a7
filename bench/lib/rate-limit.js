'use strict';
// Rate limit (issue: a run-wide rate-limit governor): 1,000 separate orders against a 300/min
// account limit whose 429s carry no Retry-After, and 1,000 recipients with Combine Items at 60/min.
// Physics: 1,000 requests at 300/min need 200 s; that section cannot be quicker.
const W = require('./workflows');

const SEPARATE_ORDERS = 1000;
const SEPARATE_PER_MINUTE = 300;
const PHYSICAL_MINIMUM_SECONDS = (SEPARATE_ORDERS / SEPARATE_PER_MINUTE) * 60;

function failedItems(r, expected) {
	if (r.error)
		return expected - r.json.filter((j) => typeof j.orderId === 'string' && !j.error).length;
	return (
		r.json.filter((j) => j.error !== undefined || typeof j.orderId !== 'string').length +
		Math.max(0, expected - r.json.length)
	);
}

async function runRateLimit(h, { log }) {
	// 1,000 separate orders (no Combine Items), 300/min, 429 without Retry-After.
	h.sandbox.reset({
		rateLimit: { enabled: true, perMinute: SEPARATE_PER_MINUTE, retryAfter: 'none' },
	});
	h.addCredential({}, { id: 'bench-rate-300' });
	log(
		`rate limit: ${SEPARATE_ORDERS} separate orders at ${SEPARATE_PER_MINUTE}/min, 429 without Retry-After (takes ≥ ${PHYSICAL_MINIMUM_SECONDS} s)`,
	);
	let started = Date.now();
	const separate = await h.run({
		parameters: W.createParameters(),
		input: W.people(SEPARATE_ORDERS, 'rl300'),
		credentialId: 'bench-rate-300',
		workflowId: 'bench-rate-300',
	});
	const separateSeconds = (Date.now() - started) / 1000;
	const requests = h.sandbox.requests();
	const limited = requests.filter((e) => e.status === 429).length;
	const orders = h.sandbox.orders();
	const separateOrdersAt300PerMinFailures = failedItems(separate, SEPARATE_ORDERS);
	const separateOrdersAt300PerMinRatio =
		Math.round((separateSeconds / PHYSICAL_MINIMUM_SECONDS) * 1000) / 1000;
	const rateLimited429Share = Math.round((limited / requests.length) * 10000) / 10000;
	log(
		`rate limit: ${orders.length} orders in ${separateSeconds.toFixed(1)} s (ratio ${separateOrdersAt300PerMinRatio}), ` +
			`${separateOrdersAt300PerMinFailures} failed item(s), ${limited} × 429 of ${requests.length} requests` +
			(separate.error ? `; run error: ${separate.error.message}` : ''),
	);

	// 1,000 recipients with Combine Items (orders of up to the default batch size) at 60/min.
	h.sandbox.reset({ rateLimit: { enabled: true, perMinute: 60 } });
	h.addCredential({}, { id: 'bench-rate-60' });
	started = Date.now();
	const bulk = await h.run({
		parameters: W.createParameters({ options: { combineItems: true } }),
		input: W.people(1000, 'rl60bulk'),
		credentialId: 'bench-rate-60',
		workflowId: 'bench-rate-60',
	});
	const bulkSeconds = (Date.now() - started) / 1000;
	const bulkOrders = h.sandbox.orders().length;
	const recipients = h.sandbox.orders().reduce((sum, o) => sum + o.recipients.length, 0);
	const bulkFailures = bulk.error
		? 1000 - recipients
		: bulk.json.filter((j) => j.error !== undefined).length;
	log(
		`rate limit: 1,000 recipients combined at 60/min → ${h.sandbox.orders().length} orders, ${recipients} recipients, ${bulkFailures} failure(s), ${bulkSeconds.toFixed(1)} s`,
	);
	h.sandbox.reset();

	return {
		separateOrdersAt300PerMinFailures,
		separateOrdersAt300PerMinRatio,
		rateLimited429Share,
		bulk1000RecipientsSeconds60PerMin: Math.round(bulkSeconds * 100) / 100,
		bulk1000RecipientsFailures60PerMin: bulkFailures,
		detail: {
			separateSeconds,
			separateOrders: orders.length,
			distinctRecipients: new Set(orders.map((o) => o.recipients[0].email)).size,
			responses429: limited,
			requests: requests.length,
			tokenRequests: requests.filter((e) => e.path === '/oauth2/token').length,
			separateRunError: separate.error?.message ?? null,
			bulkSeconds,
			bulkOrders,
			bulkRecipients: recipients,
			bulkFailures,
			bulkRunError: bulk.error?.message ?? null,
		},
	};
}

module.exports = { runRateLimit, PHYSICAL_MINIMUM_SECONDS };
