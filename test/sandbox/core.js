'use strict';

const { createClock } = require('./clock');
const { createAuth, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } = require('./auth');
const { createOrderStore } = require('./orders');
const { createCampaignStore } = require('./campaigns');
const { createRecipientStore } = require('./recipients');
const { createTemplateStore } = require('./templates');
const { createLedger } = require('./ledger');
const { createFaults } = require('./faults');
const { validationError, isPlainObject, SandboxError } = require('./util');

function defaultConfig() {
	return {
		tokenLifetimeSeconds: 86400,
		balance: 1000000,
		lifecycle: { pendingMs: 0, inProgressMs: 0 },
		rateLimit: { enabled: false, perMinute: 60, retryAfter: 'exact' },
		ignorePaging: false,
		envelope: 'mixed',
		listOrder: 'desc',
		maxRecipientsPerOrder: 1000,
		rejectUnknownFields: true,
		clients: [],
		hiddenOrders: [],
		orderGetErrors: {},
		createdAtFormat: 'iso',
		createdAtZone: 'UTC',
		createdAtSkewMs: 0,
		clampPages: false,
		createdAtShiftMs: {},
		listedTwice: [],
	};
}

const nonNeg = (v, name) => {
	if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
		throw validationError(`config ${name} must be a non-negative number`);
};

const CREATED_AT_FORMATS = ['iso', 'zoneless', 'epoch', 'bracket', 'unreadable'];

/** Trigger-facing list behaviours (all off by default): hidden orders, failing GETs, odd timestamps, clamped pages. */
function mergeTriggerFaults(c, p) {
	if (p.hiddenOrders !== undefined) {
		if (!Array.isArray(p.hiddenOrders) || !p.hiddenOrders.every((id) => typeof id === 'string'))
			throw validationError('config hiddenOrders must be an array of order ids');
		c.hiddenOrders = p.hiddenOrders.slice();
	}
	if (p.orderGetErrors !== undefined) {
		if (
			!isPlainObject(p.orderGetErrors) ||
			!Object.values(p.orderGetErrors).every((v) => v === 403 || v === 404)
		)
			throw validationError('config orderGetErrors must map order ids to 403 or 404');
		c.orderGetErrors = { ...p.orderGetErrors };
	}
	if (p.createdAtFormat !== undefined) {
		if (!CREATED_AT_FORMATS.includes(p.createdAtFormat))
			throw validationError(
				`config createdAtFormat must be one of ${CREATED_AT_FORMATS.join(', ')}`,
			);
		c.createdAtFormat = p.createdAtFormat;
	}
	if (p.createdAtZone !== undefined) {
		if (typeof p.createdAtZone !== 'string')
			throw validationError('config createdAtZone must be an IANA time zone');
		c.createdAtZone = p.createdAtZone;
	}
	if (p.createdAtSkewMs !== undefined) {
		if (typeof p.createdAtSkewMs !== 'number' || !Number.isFinite(p.createdAtSkewMs))
			throw validationError('config createdAtSkewMs must be a number');
		c.createdAtSkewMs = p.createdAtSkewMs;
	}
	if (p.clampPages !== undefined) c.clampPages = !!p.clampPages;
	if (p.createdAtShiftMs !== undefined) {
		if (
			!isPlainObject(p.createdAtShiftMs) ||
			!Object.values(p.createdAtShiftMs).every((v) => typeof v === 'number' && Number.isFinite(v))
		)
			throw validationError('config createdAtShiftMs must map order ids to milliseconds');
		c.createdAtShiftMs = { ...p.createdAtShiftMs };
	}
	if (p.listedTwice !== undefined) {
		if (!Array.isArray(p.listedTwice) || !p.listedTwice.every((id) => typeof id === 'string'))
			throw validationError('config listedTwice must be an array of order ids');
		c.listedTwice = p.listedTwice.slice();
	}
}

/** Merge a partial config into a full one (validating it). Returns a new object. */
function mergeConfig(base, partial) {
	if (partial === undefined || partial === null) partial = {};
	if (!isPlainObject(partial)) throw validationError('config must be an object');
	const c = {
		...base,
		lifecycle: { ...base.lifecycle },
		rateLimit: { ...base.rateLimit },
		clients: base.clients.slice(),
		hiddenOrders: base.hiddenOrders.slice(),
		orderGetErrors: { ...base.orderGetErrors },
		createdAtShiftMs: { ...base.createdAtShiftMs },
		listedTwice: base.listedTwice.slice(),
	};
	const p = partial;
	if (p.tokenLifetimeSeconds !== undefined) {
		nonNeg(p.tokenLifetimeSeconds, 'tokenLifetimeSeconds');
		c.tokenLifetimeSeconds = p.tokenLifetimeSeconds;
	}
	if (p.balance !== undefined) {
		const b = isPlainObject(p.balance) ? p.balance.amount : p.balance;
		nonNeg(b, 'balance');
		c.balance = b;
	}
	if (p.lifecycle !== undefined) {
		if (!isPlainObject(p.lifecycle)) throw validationError('config lifecycle must be an object');
		if (p.lifecycle.pendingMs !== undefined) {
			nonNeg(p.lifecycle.pendingMs, 'lifecycle.pendingMs');
			c.lifecycle.pendingMs = p.lifecycle.pendingMs;
		}
		if (p.lifecycle.inProgressMs !== undefined) {
			nonNeg(p.lifecycle.inProgressMs, 'lifecycle.inProgressMs');
			c.lifecycle.inProgressMs = p.lifecycle.inProgressMs;
		}
	}
	if (p.rateLimit !== undefined) {
		if (!isPlainObject(p.rateLimit)) throw validationError('config rateLimit must be an object');
		if (p.rateLimit.enabled !== undefined) c.rateLimit.enabled = !!p.rateLimit.enabled;
		if (p.rateLimit.perMinute !== undefined) {
			if (!Number.isInteger(p.rateLimit.perMinute) || p.rateLimit.perMinute < 1)
				throw validationError('config rateLimit.perMinute must be a positive integer');
			c.rateLimit.perMinute = p.rateLimit.perMinute;
		}
		if (p.rateLimit.retryAfter !== undefined) {
			if (!['exact', 'fixed', 'none'].includes(p.rateLimit.retryAfter))
				throw validationError('config rateLimit.retryAfter must be exact, fixed or none');
			c.rateLimit.retryAfter = p.rateLimit.retryAfter;
		}
	}
	if (p.ignorePaging !== undefined) c.ignorePaging = !!p.ignorePaging;
	if (p.rejectUnknownFields !== undefined) c.rejectUnknownFields = !!p.rejectUnknownFields;
	if (p.envelope !== undefined) {
		if (!['mixed', 'data', 'bare'].includes(p.envelope))
			throw validationError('config envelope must be mixed, data or bare');
		c.envelope = p.envelope;
	}
	if (p.listOrder !== undefined) {
		if (!['desc', 'asc', 'shuffled'].includes(p.listOrder))
			throw validationError('config listOrder must be desc, asc or shuffled');
		c.listOrder = p.listOrder;
	}
	if (p.maxRecipientsPerOrder !== undefined) {
		if (!Number.isInteger(p.maxRecipientsPerOrder) || p.maxRecipientsPerOrder < 1)
			throw validationError('config maxRecipientsPerOrder must be a positive integer');
		c.maxRecipientsPerOrder = p.maxRecipientsPerOrder;
	}
	mergeTriggerFaults(c, p);
	if (p.clients !== undefined) {
		if (!Array.isArray(p.clients)) throw validationError('config clients must be an array');
		c.clients = c.clients.concat(p.clients.map((x) => ({ ...x })));
	}
	return c;
}

/**
 * The sandbox state and every control operation (used in-process by tests and by the
 * HTTP controls under /__sandbox/). No HTTP here.
 */
function createCore(initialConfig, getBaseUrl) {
	const clock = createClock();
	const auth = createAuth(clock);
	const faults = createFaults();
	let config = defaultConfig();
	const orders = createOrderStore({ clock, getConfig: () => config, getBaseUrl });
	const campaigns = createCampaignStore({ clock, orders });
	const recipients = createRecipientStore({ clock, orders });
	const templates = createTemplateStore({ clock, campaigns });
	const ledger = createLedger({ clock, orders });
	let log = [];
	let logSeq = 0;
	let stats;
	const rateWindows = new Map(); // clientId -> { times: number[], head }

	function clearStats() {
		stats = { tokenRequests: 0, apiRequests: 0, byRoute: {}, tokensIssued: 0 };
	}

	function reset(cfg) {
		const next = mergeConfig(defaultConfig(), cfg);
		auth.reset([]);
		for (const c of next.clients) auth.addClient(c); // validate clients before committing
		config = next;
		orders.reset(config.balance);
		campaigns.reset();
		recipients.reset();
		templates.reset();
		ledger.reset(config.balance);
		faults.clear();
		clock.reset();
		rateWindows.clear();
		log = [];
		clearStats();
		return getConfig();
	}

	function configure(partial) {
		const before = config.clients.length;
		const next = mergeConfig(config, partial);
		for (const c of next.clients.slice(before)) auth.addClient(c);
		config = next;
		if (partial && partial.balance !== undefined) orders.setAvailable(config.balance);
		return getConfig();
	}

	function getConfig() {
		const c = JSON.parse(JSON.stringify(config));
		c.clients = c.clients.map((x) => ({ clientId: x.clientId, scopes: x.scopes })); // never hand back secrets
		return c;
	}

	/** Sliding one-minute window on real time. Returns 0 if allowed, else Retry-After seconds. */
	function rateCheck(clientId) {
		if (!config.rateLimit.enabled) return 0;
		const now = Date.now();
		let w = rateWindows.get(clientId);
		if (!w) {
			w = { times: [], head: 0 };
			rateWindows.set(clientId, w);
		}
		while (w.head < w.times.length && w.times[w.head] <= now - 60000) w.head++;
		if (w.head > 1024) {
			w.times = w.times.slice(w.head);
			w.head = 0;
		}
		if (w.times.length - w.head >= config.rateLimit.perMinute) {
			return Math.max(1, Math.ceil((w.times[w.head] + 60000 - now) / 1000));
		}
		w.times.push(now);
		return 0;
	}

	function logStart(entry) {
		logSeq += 1;
		const e = { seq: logSeq, at: new Date(clock.now()).toISOString(), ...entry, status: 0 };
		log.push(e);
		return e;
	}

	function countRoute(key, kind) {
		stats.byRoute[key] = (stats.byRoute[key] || 0) + 1;
		if (kind === 'token') stats.tokenRequests++;
		else if (kind === 'api') stats.apiRequests++;
	}

	function issueToken(params) {
		const r = auth.issueToken(params, config.tokenLifetimeSeconds);
		stats.tokensIssued++;
		return r;
	}

	function createOrder(body, options) {
		const o = options || {};
		let cardType = o.cardType;
		if (cardType === undefined)
			cardType =
				body && typeof body.productId === 'string' && body.productId.startsWith('CHOICE-')
					? 'CHOICE_CARD'
					: 'BRANDED_CARD';
		if (cardType !== 'BRANDED_CARD' && cardType !== 'CHOICE_CARD')
			throw validationError('cardType must be BRANDED_CARD or CHOICE_CARD');
		let headerKey = o.idempotencyKey;
		if (headerKey === undefined && isPlainObject(body) && body.idempotencyKey === undefined)
			headerKey = `seed-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
		const r = orders.create(cardType, body, headerKey);
		return { status: r.status, outcome: r.outcome, order: orders.full(r.order) };
	}

	function requireOrder(id) {
		const o = orders.get(id);
		if (!o) throw new SandboxError(404, 'NOT_FOUND', `Order "${id}" not found`);
		return o;
	}

	clearStats();
	reset(initialConfig);

	return {
		clock,
		auth,
		faults,
		store: orders,
		campaignStore: campaigns,
		recipientStore: recipients,
		templateStore: templates,
		ledger,
		// internal hooks for server.js
		rateCheck,
		logStart,
		countRoute,
		issueToken,
		getConfigRef: () => config,
		// public control API
		reset,
		configure,
		getConfig,
		advanceClock: (ms) => clock.advance(ms),
		now: () => clock.now(),
		expireTokens: () => auth.expireAll(),
		addClient: (c) => {
			const r = auth.addClient(c);
			config.clients = config.clients.filter((x) => x.clientId !== c.clientId).concat([{ ...c }]);
			return r;
		},
		injectFault: (f) => faults.inject(f),
		pendingFaults: () => faults.pending(),
		clearFaults: () => faults.clear(),
		createOrder,
		createCampaign: (body, options) => campaigns.create(body, options && options.campaignId),
		deleteCampaign: (id) => campaigns.remove(id),
		campaigns: () => campaigns.all(),
		createRecipient: (body) => recipients.create(body),
		recipients: () => recipients.all(),
		templates: () => templates.list({ pageSize: '100' }, orders).data,
		orders: () => {
			const now = clock.now();
			return orders.all().map((o) => orders.full(o, now));
		},
		order: (id) => {
			const o = orders.get(id);
			return o ? orders.full(o) : undefined;
		},
		setOrderStatus: (id, status) => {
			requireOrder(id);
			return orders.full(orders.setStatus(id, status));
		},
		requests: () => log.map((e) => ({ ...e, query: { ...e.query } })),
		clearRequests: () => {
			log = [];
			clearStats();
		},
		stats: () => ({ ...stats, byRoute: { ...stats.byRoute } }),
		balance: () => orders.balance(),
		issuedTokens: () => auth.issuedTokens(),
		demoClient: { clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET },
	};
}

module.exports = { createCore, defaultConfig, mergeConfig };
