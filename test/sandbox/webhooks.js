'use strict';

// Signed webhook deliveries from the sandbox to a receiver set through /__sandbox/webhooks/config
// (docs/api-contract.md#webhooks, #signatures, #delivery): at least once, retried after 1, 2, 4, 8
// and 16 s (scalable for tests), with faults on request: deliver twice, out of order, bad or missing
// signature, receiver down.
const http = require('node:http');
const crypto = require('node:crypto');
const { validationError, isPlainObject } = require('./util');

const CONTRACT_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16000];
const CONTRACT_TIMEOUT_MS = 10000;
const EVENT_TYPES = [
	'order.delivery_complete',
	'order.delivery_partial',
	'order.created',
	'balance.low_balance',
	'balance.depleted',
	'balance.ach_approved',
	'balance.ach_rejected',
];
const ORGANIZATION_ID = 'ORG-SANDBOX';

const sign = (body, secret) =>
	`sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;

/** Compact JSON with every non-ASCII character escaped (\uXXXX), the way many Java senders write it. */
const serialize = (value) =>
	JSON.stringify(value).replace(
		/[\u0080-\uffff]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);

function createWebhooks(core) {
	let config = {
		url: '',
		secret: '',
		retryDelaysMs: CONTRACT_RETRY_DELAYS_MS.slice(),
		timeoutMs: CONTRACT_TIMEOUT_MS,
	};
	let events = new Map(); // eventId -> { envelope, copies: number, open: number, outcome }
	let attempts = [];
	const timers = new Set();
	let seq = 0;

	const later = (ms, fn) => {
		const t = setTimeout(() => {
			timers.delete(t);
			fn();
		}, ms);
		t.unref();
		timers.add(t);
	};

	function configure(partial) {
		if (!isPlainObject(partial)) throw validationError('webhooks config must be an object');
		const next = { ...config };
		if (partial.url !== undefined) {
			let u;
			try {
				u = new URL(String(partial.url));
			} catch {
				throw validationError('webhooks url must be an absolute http URL');
			}
			if (u.protocol !== 'http:' || !['127.0.0.1', 'localhost'].includes(u.hostname))
				throw validationError(
					'webhooks url must be http://127.0.0.1:<port>/… (the sandbox never leaves the machine)',
				);
			next.url = u.toString();
		}
		if (partial.secret !== undefined) next.secret = String(partial.secret);
		if (partial.retryDelaysMs !== undefined) {
			if (
				!Array.isArray(partial.retryDelaysMs) ||
				partial.retryDelaysMs.some((v) => typeof v !== 'number' || v < 0)
			)
				throw validationError('webhooks retryDelaysMs must be an array of non-negative numbers');
			next.retryDelaysMs = partial.retryDelaysMs.slice();
		}
		if (partial.retryScale !== undefined) {
			if (typeof partial.retryScale !== 'number' || !(partial.retryScale > 0))
				throw validationError('webhooks retryScale must be a positive number');
			next.retryDelaysMs = CONTRACT_RETRY_DELAYS_MS.map((ms) => ms * partial.retryScale);
		}
		if (partial.timeoutMs !== undefined) {
			if (typeof partial.timeoutMs !== 'number' || !(partial.timeoutMs > 0))
				throw validationError('webhooks timeoutMs must be a positive number');
			next.timeoutMs = partial.timeoutMs;
		}
		config = next;
		return status();
	}

	function status() {
		const all = [...events.values()];
		return {
			url: config.url,
			secretSet: config.secret !== '',
			retryDelaysMs: config.retryDelaysMs.slice(),
			timeoutMs: config.timeoutMs,
			events: all.length,
			pending: all.filter((e) => e.open > 0).length,
			delivered: all.filter((e) => e.delivered > 0).length,
			givenUp: all.filter((e) => e.open === 0 && e.delivered === 0).length,
			attempts: attempts.length,
		};
	}

	function post(body, headers) {
		return new Promise((resolve) => {
			if (!config.url) {
				resolve({ status: 0, error: 'no receiver URL set (POST /__sandbox/webhooks/config)' });
				return;
			}
			const req = http.request(
				config.url,
				{
					method: 'POST',
					headers: {
						'Content-Type': 'application/json',
						'User-Agent': 'GiftronautAPI-Webhook/1.0',
						'Content-Length': body.length,
						...headers,
					},
					timeout: config.timeoutMs,
				},
				(res) => {
					const chunks = [];
					res.on('data', (c) => chunks.push(c));
					res.on('end', () =>
						resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }),
					);
					res.on('error', (e) => resolve({ status: 0, error: e.message }));
				},
			);
			req.on('timeout', () => {
				req.destroy(new Error(`no answer within ${config.timeoutMs} ms`));
			});
			req.on('error', (e) => resolve({ status: 0, error: e.code || e.message }));
			req.end(body);
		});
	}

	async function challenge(token) {
		const challengeToken = typeof token === 'string' && token ? token : crypto.randomUUID();
		const r = await post(Buffer.from(JSON.stringify({ challengeToken })), {});
		let echoed = false;
		try {
			echoed = r.status === 200 && JSON.parse(r.body).challengeToken === challengeToken;
		} catch {
			echoed = false;
		}
		return { challengeToken, status: r.status, echoed, error: r.error };
	}

	function buildEnvelope(input) {
		if (!isPlainObject(input)) throw validationError('a webhook event must be an object');
		if (!EVENT_TYPES.includes(input.eventType))
			throw validationError(`eventType must be one of ${EVENT_TYPES.join(', ')}`);
		const data = isPlainObject(input.data) ? { ...input.data } : {};
		if (input.eventType.startsWith('order.') && typeof data.orderId === 'string') {
			const order = core.store.get(data.orderId);
			if (order) {
				const s = core.store.summary(order);
				const fromOrder =
					input.eventType === 'order.created'
						? {
								orderType: s.orderType,
								cardType: s.cardType,
								quantity: s.recipientCount,
								totalCost: s.totalCost,
							}
						: {
								orderType: s.orderType,
								cardType: s.cardType,
								recipientCount: s.recipientCount,
								sentCount: s.sentCount,
								bouncedCount: s.bouncedCount,
							};
				Object.assign(data, { ...fromOrder, ...data });
			}
		} else if (input.eventType.startsWith('balance.') && data.organizationId === undefined) {
			data.organizationId = ORGANIZATION_ID;
		}
		return {
			eventId:
				typeof input.eventId === 'string' && input.eventId ? input.eventId : crypto.randomUUID(),
			eventType: input.eventType,
			// The vendor's examples carry no zone suffix (docs/api-contract.md#assumptions: read as UTC).
			createdAt:
				typeof input.createdAt === 'string'
					? input.createdAt
					: new Date(core.now()).toISOString().slice(0, 19),
			data,
		};
	}

	/** One copy of an event: first attempt now, then the retry schedule until a 2xx. */
	function deliverCopy(record, copy, options) {
		record.open++;
		const body = Buffer.from(serialize(record.envelope));
		const signature =
			options.signature === 'missing'
				? undefined
				: sign(
						body,
						options.signature === 'bad' ? `${config.secret}-not-the-secret` : config.secret,
					);
		const downUntil = options.receiverDownMs ? Date.now() + options.receiverDownMs : 0;
		const attempt = async (n) => {
			const entry = {
				seq: ++seq,
				eventId: record.envelope.eventId,
				eventType: record.envelope.eventType,
				copy,
				attempt: n,
				at: new Date().toISOString(),
			};
			attempts.push(entry);
			const r =
				Date.now() < downUntil
					? { status: 0, error: 'ECONNREFUSED (sandbox fault: receiver-down)' }
					: await post(body, signature ? { 'X-Giftronaut-Signature': signature } : {});
			entry.status = r.status;
			if (r.error) entry.error = r.error;
			if (r.status >= 200 && r.status < 300) {
				record.delivered++;
				record.open--;
				return true;
			}
			const delay = config.retryDelaysMs[n - 1];
			if (delay === undefined) {
				record.open--;
				entry.gaveUp = true;
				return false;
			}
			later(delay, () => {
				void attempt(n + 1);
			});
			return false;
		};
		return attempt(1);
	}

	/**
	 * Queue events. options: duplicate (each event twice: true/'sequential' after the first copy's
	 * first answer, 'concurrent' at once), outOfOrder (last event first), signature ('bad' | 'missing'),
	 * receiverDownMs (attempts in that window fail as if nothing listened).
	 */
	function send(input, options = {}) {
		const list = (Array.isArray(input) ? input : [input]).map(buildEnvelope);
		if (!isPlainObject(options)) throw validationError('webhook send options must be an object');
		if (options.signature !== undefined && !['bad', 'missing'].includes(options.signature))
			throw validationError("signature must be 'bad' or 'missing'");
		if (!config.secret && options.signature !== 'missing')
			throw validationError(
				'set a signing secret first (POST /__sandbox/webhooks/config {secret})',
			);
		const order = options.outOfOrder ? list.slice().reverse() : list;
		const records = order.map((envelope) => {
			const record = events.get(envelope.eventId) || { envelope, open: 0, delivered: 0 };
			events.set(envelope.eventId, record);
			return record;
		});
		void (async () => {
			for (const record of records) {
				const first = deliverCopy(record, 1, options);
				if (options.duplicate === 'concurrent') void deliverCopy(record, 2, options);
				else if (options.duplicate) {
					await first;
					void deliverCopy(record, 2, options);
				}
				if (options.sequential) await first;
			}
		})();
		return {
			eventIds: list.map((e) => e.eventId),
			order: order.map((e) => e.eventId),
			envelopes: list,
		};
	}

	function reset() {
		for (const t of timers) clearTimeout(t);
		timers.clear();
		events = new Map();
		attempts = [];
	}

	return {
		configure,
		status,
		challenge,
		send,
		reset,
		deliveries: () => attempts.map((a) => ({ ...a })),
		signBody: (body) => sign(Buffer.from(body), config.secret),
	};
}

const byCore = new WeakMap();
function webhooksOf(core) {
	let w = byCore.get(core);
	if (!w) {
		w = createWebhooks(core);
		byCore.set(core, w);
	}
	return w;
}

/** /__sandbox/webhooks… controls; returns undefined when the path is not one of them. */
async function handleWebhookControl(core, method, sub, body) {
	if (sub !== '/webhooks' && !sub.startsWith('/webhooks/')) return undefined;
	const w = webhooksOf(core);
	switch (`${method} ${sub}`) {
		case 'GET /webhooks':
			return w.status();
		case 'DELETE /webhooks':
			w.reset();
			return w.status();
		case 'POST /webhooks/config':
			return w.configure(body);
		case 'POST /webhooks/challenge':
			return await w.challenge(body.challengeToken);
		case 'POST /webhooks/events': {
			const { events: list, options, ...single } = body;
			return w.send(list !== undefined ? list : single, options || {});
		}
		case 'GET /webhooks/deliveries':
			return w.deliveries();
		default:
			return undefined;
	}
}

module.exports = {
	webhooksOf,
	handleWebhookControl,
	sign,
	serialize,
	EVENT_TYPES,
	CONTRACT_RETRY_DELAYS_MS,
};
