'use strict';

const http = require('node:http');
const crypto = require('node:crypto');
const catalog = require('./catalog');
const { SandboxError } = require('./util');
const {
	readBody,
	parseJson,
	writeJson,
	writeHtml,
	errorBody,
	toSandboxError,
	escapeHtml,
} = require('./http-util');
const { handleControl } = require('./controls');

// Route table: [method, regex, pattern used in stats, kind, scope, handler name, extra]
const ROUTES = [
	['POST', /^\/oauth2\/token$/, '/oauth2/token', 'token'],
	['GET', /^\/redeem\/([^/]+)$/, '/redeem/{code}', 'redeem'],
	[
		'GET',
		/^\/api\/v1\/catalog\/branded-cards$/,
		'/api/v1/catalog/branded-cards',
		'api',
		'catalog.read',
		'catalog',
		'BRANDED',
	],
	[
		'GET',
		/^\/api\/v1\/catalog\/choice-cards$/,
		'/api/v1/catalog/choice-cards',
		'api',
		'catalog.read',
		'catalog',
		'CHOICE',
	],
	[
		'POST',
		/^\/api\/v1\/orders\/branded-cards$/,
		'/api/v1/orders/branded-cards',
		'api',
		'orders.write',
		'create',
		'BRANDED_CARD',
	],
	[
		'POST',
		/^\/api\/v1\/orders\/branded-card$/,
		'/api/v1/orders/branded-card',
		'api',
		'orders.write',
		'create',
		'BRANDED_CARD',
	],
	[
		'POST',
		/^\/api\/v1\/orders\/choice-cards$/,
		'/api/v1/orders/choice-cards',
		'api',
		'orders.write',
		'create',
		'CHOICE_CARD',
	],
	[
		'POST',
		/^\/api\/v1\/orders\/choice-card$/,
		'/api/v1/orders/choice-card',
		'api',
		'orders.write',
		'create',
		'CHOICE_CARD',
	],
	['GET', /^\/api\/v1\/orders$/, '/api/v1/orders', 'api', 'orders.read', 'listOrders'],
	[
		'GET',
		/^\/api\/v1\/orders\/([^/]+)$/,
		'/api/v1/orders/{orderId}',
		'api',
		'orders.read',
		'getOrder',
	],
	['GET', /^\/api\/v1\/balance$/, '/api/v1/balance', 'api', 'balance.read', 'balance'],
	['GET', /^\/api\/v1\/templates$/, '/api/v1/templates', 'api', 'templates.read', 'listTemplates'],
	[
		'GET',
		/^\/api\/v1\/templates\/([^/]+)$/,
		'/api/v1/templates/{templateId}',
		'api',
		'templates.read',
		'getTemplate',
	],
	[
		'POST',
		/^\/api\/v1\/templates$/,
		'/api/v1/templates',
		'api',
		'templates.write',
		'createTemplate',
	],
	[
		'PUT',
		/^\/api\/v1\/templates\/([^/]+)$/,
		'/api/v1/templates/{templateId}',
		'api',
		'templates.write',
		'updateTemplate',
	],
	[
		'DELETE',
		/^\/api\/v1\/templates\/([^/]+)$/,
		'/api/v1/templates/{templateId}',
		'api',
		'templates.write',
		'deleteTemplate',
	],
	[
		'GET',
		/^\/api\/v1\/recipients$/,
		'/api/v1/recipients',
		'api',
		'recipients.read',
		'listRecipients',
	],
	[
		'POST',
		/^\/api\/v1\/recipients$/,
		'/api/v1/recipients',
		'api',
		'recipients.write',
		'createRecipient',
	],
	[
		'GET',
		/^\/api\/v1\/recipients\/([^/]+)$/,
		'/api/v1/recipients/{recipientId}',
		'api',
		'recipients.read',
		'getRecipient',
	],
	[
		'PUT',
		/^\/api\/v1\/recipients\/([^/]+)$/,
		'/api/v1/recipients/{recipientId}',
		'api',
		'recipients.write',
		'updateRecipient',
	],
	[
		'DELETE',
		/^\/api\/v1\/recipients\/([^/]+)$/,
		'/api/v1/recipients/{recipientId}',
		'api',
		'recipients.write',
		'deleteRecipient',
	],
	[
		'GET',
		/^\/api\/v1\/balance\/ledger$/,
		'/api/v1/balance/ledger',
		'api',
		'balance.read',
		'ledger',
	],
	['GET', /^\/api\/v1\/campaigns$/, '/api/v1/campaigns', 'api', 'campaigns.read', 'listCampaigns'],
	[
		'POST',
		/^\/api\/v1\/campaigns$/,
		'/api/v1/campaigns',
		'api',
		'campaigns.write',
		'createCampaign',
	],
	[
		'GET',
		/^\/api\/v1\/campaigns\/([^/]+)$/,
		'/api/v1/campaigns/{campaignId}',
		'api',
		'campaigns.read',
		'getCampaign',
	],
	[
		'PUT',
		/^\/api\/v1\/campaigns\/([^/]+)$/,
		'/api/v1/campaigns/{campaignId}',
		'api',
		'campaigns.write',
		'updateCampaign',
	],
	[
		'DELETE',
		/^\/api\/v1\/campaigns\/([^/]+)$/,
		'/api/v1/campaigns/{campaignId}',
		'api',
		'campaigns.write',
		'deleteCampaign',
	],
	[
		'POST',
		/^\/api\/v1\/campaigns\/([^/]+)\/orders$/,
		'/api/v1/campaigns/{campaignId}/orders',
		'api',
		['campaigns.write', 'orders.write'],
		'runCampaign',
	],
].map(([method, re, pattern, kind, scope, handler, extra]) => ({
	method,
	re,
	pattern,
	kind,
	scope,
	handler,
	extra,
}));

function matchRoute(method, path) {
	for (const r of ROUTES) {
		if (r.method !== method) continue;
		const m = r.re.exec(path);
		if (m) {
			let param;
			try {
				param = m[1] === undefined ? undefined : decodeURIComponent(m[1]);
			} catch {
				param = m[1];
			}
			return { route: r, param };
		}
	}
	return undefined;
}

function requestIdOf(req) {
	const h = req.headers['x-request-id'];
	if (typeof h === 'string' && h.length > 0 && h.length <= 200 && /^[\x21-\x7e]+$/.test(h))
		return h;
	return crypto.randomUUID();
}

function parseTokenParams(req, raw) {
	const ct = String(req.headers['content-type'] || '');
	let params = {};
	if (/json/i.test(ct) || /^\s*\{/.test(raw)) {
		const j = parseJson(raw);
		if (j && typeof j === 'object' && !Array.isArray(j)) params = { ...j };
	} else {
		params = Object.fromEntries(new URLSearchParams(raw));
	}
	// Tolerate HTTP Basic client authentication as well.
	const auth = req.headers.authorization;
	if (typeof auth === 'string' && /^Basic\s+/i.test(auth) && params.client_id === undefined) {
		const decoded = Buffer.from(auth.replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
		const i = decoded.indexOf(':');
		if (i > 0) {
			params.client_id = decodeURIComponent(decoded.slice(0, i));
			params.client_secret = decodeURIComponent(decoded.slice(i + 1));
		}
	}
	return params;
}

function envelope(core, payload, isCreate) {
	const mode = core.getConfigRef().envelope;
	if (mode === 'data') return { data: payload };
	if (mode === 'bare') return payload;
	return isCreate ? payload : { data: payload };
}

function catalogList(core, which, query) {
	let items = which === 'BRANDED' ? catalog.BRANDED : catalog.CHOICE;
	const cur = query.currencyCode || query.currency;
	if (cur) items = items.filter((p) => p.currencyCode === cur.toUpperCase());
	if (query.brandName) {
		const b = query.brandName.toLowerCase();
		items = items.filter((p) => p.brandName.toLowerCase().includes(b));
	}
	if (query.country) {
		const c = query.country.toUpperCase();
		items = items.filter((p) => (p.countries || []).includes(c));
	}
	return core.store.listOf(items, query);
}

function redeemPage(core, code) {
	const found = core.store.findByRedeemCode(code);
	if (!found || found.status !== 'COMPLETE') {
		return [
			404,
			'<!doctype html><meta charset="utf-8"><title>Gift not found</title><p>This gift link is not valid (or not delivered yet).</p>',
		];
	}
	const { order, recipient } = found;
	const name = recipient.firstName ? `, ${escapeHtml(recipient.firstName)}` : '';
	return [
		200,
		`<!doctype html><meta charset="utf-8"><title>Your ${escapeHtml(order.cardName)} gift card</title>
<body style="font-family:sans-serif;max-width:32em;margin:3em auto">
<h1>🎁 A gift for you${name}!</h1>
<p>${escapeHtml(order.cardName)} gift card worth <strong>${recipient.amount} ${escapeHtml(order.currency)}</strong>.</p>
<p>Order ${escapeHtml(order.orderId)} — Giftronaut local sandbox: this card cannot be redeemed.</p></body>`,
	];
}

/** HTTP front-end of a sandbox core. */
function createHttpServer(core, onRequest) {
	const timers = new Set();
	const sleep = (ms) =>
		new Promise((resolve) => {
			const t = setTimeout(() => {
				timers.delete(t);
				resolve();
			}, ms);
			timers.add(t);
		});

	async function handle(req, res) {
		const requestId = requestIdOf(req);
		res.setHeader('X-Request-Id', requestId);
		// The server's own clock (the virtual one), as a real server's Date header tells its time.
		res.setHeader('Date', new Date(core.now()).toUTCString());
		const method = req.method;
		let url;
		try {
			url = new URL(req.url, 'http://127.0.0.1');
		} catch {
			url = new URL('http://127.0.0.1/');
		}
		let path = url.pathname;
		if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);

		let raw;
		try {
			raw = await readBody(req);
		} catch (e) {
			const err = toSandboxError(e);
			writeJson(res, err.status, errorBody(err), { Connection: 'close' });
			return;
		}

		if (path === '/__sandbox' || path.startsWith('/__sandbox/')) {
			handleControl(core, method, path, raw, res);
			return;
		}

		const query = Object.fromEntries(url.searchParams);
		const matched = matchRoute(method, path);
		const route = matched && matched.route;
		const entry = core.logStart({ method, path, query, requestId });
		core.countRoute(
			`${method} ${route ? route.pattern : path}`,
			route ? route.kind : path.startsWith('/api/v1/') ? 'api' : 'other',
		);

		if (route && (route.handler === 'create' || route.handler === 'runCampaign')) {
			let key = req.headers['x-idempotency-key'];
			if (!key) {
				try {
					const b = JSON.parse(raw);
					if (b && typeof b.idempotencyKey === 'string') key = b.idempotencyKey;
				} catch {
					/* logged later */
				}
			}
			if (key) entry.idempotencyKey = key;
		}

		const fault = core.faults.take(method, path);
		if (fault) entry.fault = fault.kind;

		const started = Date.now();
		const done = () => {
			if (onRequest) {
				try {
					onRequest({ ...entry, durationMs: Date.now() - started });
				} catch {
					/* ignore */
				}
			}
		};
		const drop = () => {
			entry.status = 0;
			req.socket.destroy();
			done();
		};
		const send = (status, payload, headers) => {
			entry.status = status;
			writeJson(res, status, payload, headers);
			done();
		};
		const respond = (status, payload, headers, html) => {
			if (fault && fault.kind === 'drop-after-commit') return drop();
			if (fault && fault.kind === 'error-after-commit') {
				return send(500, {
					error: 'INTERNAL_ERROR',
					message: 'Internal server error (sandbox fault: error-after-commit)',
				});
			}
			if (html) {
				entry.status = status;
				writeHtml(res, status, payload);
				return done();
			}
			return send(status, payload, headers);
		};

		if (fault) {
			switch (fault.kind) {
				case 'unavailable':
					return send(
						503,
						{
							error: 'SERVICE_UNAVAILABLE',
							message: 'The service is temporarily unavailable; retry later (sandbox fault)',
						},
						fault.retryAfterSeconds === undefined
							? undefined
							: { 'Retry-After': String(fault.retryAfterSeconds) },
					);
				case 'rate-limit':
					if (fault.retryAfterSeconds === null) {
						return send(429, {
							error: 'RATE_LIMITED',
							message: 'Too many requests (sandbox fault)',
						});
					}
					return send(
						429,
						{
							error: 'RATE_LIMITED',
							message: `Too many requests; retry after ${fault.retryAfterSeconds} second(s) (sandbox fault)`,
						},
						{ 'Retry-After': String(fault.retryAfterSeconds) },
					);
				case 'drop-before-commit':
					return drop();
				case 'delay':
					await sleep(fault.ms);
					break;
				default:
					break;
			}
		}

		try {
			if (!route) throw new SandboxError(404, 'NOT_FOUND', `No route for ${method} ${path}`);

			if (route.kind === 'token') {
				const params = parseTokenParams(req, raw);
				if (typeof params.client_id === 'string') entry.clientId = params.client_id;
				const r = core.issueToken(params);
				return respond(200, r.response, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
			}
			if (route.kind === 'redeem') {
				const [status, html] = redeemPage(core, matched.param);
				return respond(status, html, undefined, true);
			}

			// /api/v1/** — bearer token, rate limit, scope.
			let tokenRec;
			if (fault && fault.kind === 'expire-token') {
				tokenRec = core.auth.revoke(req.headers.authorization);
				if (tokenRec) entry.clientId = tokenRec.clientId;
				throw new SandboxError(
					401,
					'INVALID_TOKEN',
					'The access token has expired; request a new one from POST /oauth2/token',
					{ 'WWW-Authenticate': 'Bearer error="invalid_token"' },
				);
			}
			tokenRec = core.auth.authenticate(req.headers.authorization);
			entry.clientId = tokenRec.clientId;
			const retryAfter = core.rateCheck(tokenRec.clientId);
			if (retryAfter) {
				const { perMinute: per, retryAfter: mode } = core.getConfigRef().rateLimit;
				// exact: the real wait; fixed: always 1 s (a server that under-states it); none: no header.
				const seconds = mode === 'fixed' ? 1 : retryAfter;
				throw new SandboxError(
					429,
					'RATE_LIMITED',
					`Rate limit of ${per} requests per minute exceeded${mode === 'none' ? '' : `; retry after ${seconds} second(s)`}`,
					mode === 'none' ? undefined : { 'Retry-After': String(seconds) },
				);
			}
			const missingScope = [].concat(route.scope).find((scope) => !tokenRec.scopes.has(scope));
			if (missingScope) {
				throw new SandboxError(
					403,
					'INSUFFICIENT_SCOPE',
					`This access token lacks the scope "${missingScope}" required for ${method} ${path}`,
				);
			}

			switch (route.handler) {
				case 'catalog':
					return respond(200, catalogList(core, route.extra, query));
				case 'create': {
					const body = parseJson(raw);
					const r = core.store.create(route.extra, body, req.headers['x-idempotency-key']);
					entry.outcome = r.outcome;
					entry.idempotencyKey = r.order.idempotencyKey;
					return respond(r.status, envelope(core, core.store.summary(r.order), true), {
						Location: `/api/v1/orders/${r.order.orderId}`,
					});
				}
				case 'listOrders':
					return respond(200, core.store.list(query));
				case 'getOrder': {
					const o = core.store.get(matched.param);
					const denied = core.getConfigRef().orderGetErrors[matched.param];
					if (denied === 403)
						throw new SandboxError(
							403,
							'FORBIDDEN',
							`Order "${matched.param}" is not accessible with this client`,
						);
					if (!o || denied === 404)
						throw new SandboxError(404, 'NOT_FOUND', `Order "${matched.param}" not found`);
					return respond(200, envelope(core, core.store.full(o)));
				}
				case 'balance':
					return respond(200, envelope(core, core.store.balance()));
				case 'listTemplates':
					return respond(200, core.templateStore.list(query, core.store));
				case 'getTemplate':
					return respond(200, envelope(core, core.templateStore.get(matched.param)));
				case 'createTemplate':
					return respond(201, envelope(core, core.templateStore.create(parseJson(raw)), true));
				case 'updateTemplate':
					return respond(
						200,
						envelope(core, core.templateStore.update(matched.param, parseJson(raw))),
					);
				case 'deleteTemplate':
					core.templateStore.remove(matched.param);
					entry.status = 204;
					res.writeHead(204);
					res.end();
					return done();
				case 'listRecipients':
					return respond(200, core.recipientStore.list(query));
				case 'getRecipient':
					return respond(200, envelope(core, core.recipientStore.get(matched.param)));
				case 'createRecipient':
					return respond(201, envelope(core, core.recipientStore.create(parseJson(raw)), true));
				case 'updateRecipient':
					return respond(
						200,
						envelope(core, core.recipientStore.update(matched.param, parseJson(raw))),
					);
				case 'deleteRecipient':
					core.recipientStore.remove(matched.param);
					entry.status = 204;
					res.writeHead(204);
					res.end();
					return done();
				case 'ledger':
					return respond(200, core.ledger.list(query));
				case 'listCampaigns':
					return respond(200, core.campaignStore.list(query));
				case 'createCampaign':
					return respond(201, envelope(core, core.campaignStore.create(parseJson(raw)), true));
				case 'getCampaign':
					return respond(200, envelope(core, core.campaignStore.get(matched.param)));
				case 'updateCampaign':
					return respond(
						200,
						envelope(core, core.campaignStore.update(matched.param, parseJson(raw))),
					);
				case 'deleteCampaign':
					core.campaignStore.remove(matched.param);
					entry.status = 204;
					res.writeHead(204);
					res.end();
					return done();
				case 'runCampaign': {
					const r = core.campaignStore.run(
						matched.param,
						parseJson(raw),
						req.headers['x-idempotency-key'],
					);
					entry.outcome = r.outcome;
					entry.idempotencyKey = r.order.idempotencyKey;
					return respond(r.status, envelope(core, core.store.summary(r.order), true), {
						Location: `/api/v1/orders/${r.order.orderId}`,
					});
				}
				default:
					throw new SandboxError(404, 'NOT_FOUND', `No route for ${method} ${path}`);
			}
		} catch (e) {
			const err = toSandboxError(e);
			if (e && e.outcome) entry.outcome = e.outcome;
			return respond(err.status, errorBody(err), err.headers);
		}
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((e) => {
			const err = toSandboxError(e);
			writeJson(res, err.status, errorBody(err));
		});
	});
	server.keepAliveTimeout = 30000;

	function close() {
		for (const t of timers) clearTimeout(t);
		timers.clear();
		return new Promise((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	}

	return { server, close };
}

module.exports = { createHttpServer, ROUTES };
