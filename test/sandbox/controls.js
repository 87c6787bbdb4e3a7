'use strict';

const { SandboxError } = require('./util');
const { parseJson, writeJson, errorBody, toSandboxError } = require('./http-util');
const { handleWebhookControl, webhooksOf } = require('./webhooks');

/**
 * Test controls under /__sandbox/ (no auth, JSON in/out, not logged).
 * Same functions as the in-process API of index.js.
 */
function handleControl(core, method, path, rawBody, res) {
	try {
		const body = parseJson(rawBody);
		const obj = body === undefined ? {} : body;
		const sub = path.replace(/^\/__sandbox/, '').replace(/\/+$/, '') || '/';
		const ok = (payload, status = 200) => writeJson(res, status, payload);
		const clockInfo = () => ({
			now: new Date(core.now()).toISOString(),
			nowMs: core.now(),
			offsetMs: core.clock.offset(),
		});
		let m;
		if (sub === '/webhooks' || sub.startsWith('/webhooks/')) {
			handleWebhookControl(core, method, sub, obj).then(
				(r) =>
					r === undefined
						? writeJson(res, 404, {
								error: 'NOT_FOUND',
								message: `No sandbox control ${method} ${path}`,
							})
						: ok(r),
				(e) => {
					const err = toSandboxError(e);
					writeJson(res, err.status, errorBody(err));
				},
			);
			return;
		}
		switch (`${method} ${sub}`) {
			case 'POST /reset':
				webhooksOf(core).reset();
				return ok({ config: core.reset(body) });
			case 'GET /config':
				return ok(core.getConfig());
			case 'POST /config':
				return ok(core.configure(obj));
			case 'POST /clock/advance':
				core.advanceClock(obj.ms);
				return ok(clockInfo());
			case 'GET /clock':
				return ok(clockInfo());
			case 'POST /tokens/expire':
				core.expireTokens();
				return ok({ expired: true });
			case 'POST /clients':
				return ok(core.addClient(obj), 201);
			case 'POST /faults':
				return ok(core.injectFault(obj), 201);
			case 'GET /faults':
				return ok(core.pendingFaults());
			case 'DELETE /faults':
				core.clearFaults();
				return ok({ cleared: true });
			case 'GET /orders':
				return ok(core.orders());
			case 'POST /orders': {
				const r = core.createOrder(obj.body !== undefined ? obj.body : obj, {
					cardType: obj.cardType,
					idempotencyKey: obj.idempotencyKey,
				});
				return ok(r.order, r.status);
			}
			case 'GET /campaigns':
				return ok(core.campaigns());
			case 'POST /campaigns': {
				const { campaignId, ...campaign } = obj;
				return ok(core.createCampaign(campaign, { campaignId }), 201);
			}
			case 'GET /requests':
				return ok(core.requests());
			case 'DELETE /requests':
				core.clearRequests();
				return ok({ cleared: true });
			case 'GET /stats':
				return ok(core.stats());
			case 'GET /balance':
				return ok(core.balance());
			case 'GET /state':
				return ok({
					orders: core.orders(),
					balance: core.balance(),
					stats: core.stats(),
					clock: clockInfo(),
					faults: core.pendingFaults(),
					config: core.getConfig(),
				});
			default:
				if (method === 'GET' && (m = /^\/orders\/([^/]+)$/.exec(sub))) {
					const o = core.order(decodeURIComponent(m[1]));
					if (!o) throw new SandboxError(404, 'NOT_FOUND', `Order "${m[1]}" not found`);
					return ok(o);
				}
				if (method === 'POST' && (m = /^\/orders\/([^/]+)\/status$/.exec(sub))) {
					return ok(core.setOrderStatus(decodeURIComponent(m[1]), obj.status));
				}
				throw new SandboxError(404, 'NOT_FOUND', `No sandbox control ${method} ${path}`);
		}
	} catch (e) {
		const err = toSandboxError(e);
		writeJson(res, err.status, errorBody(err));
	}
}

module.exports = { handleControl };
