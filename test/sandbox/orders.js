'use strict';

const crypto = require('node:crypto');
const catalog = require('./catalog');
const {
	SandboxError,
	validationError,
	isPlainObject,
	canonicalJson,
	toCents,
	fmtCents,
	describe,
} = require('./util');

const USD_RATES = { USD: 1, EUR: 1.1, GBP: 1.27, CAD: 0.74 };
const STATUSES = ['PENDING', 'IN_PROGRESS', 'COMPLETE', 'CANCELED'];
const ORDER_TYPES = ['ONE_TIME', 'SMART', 'LINK', 'CAMPAIGN', 'REWARD'];
const CARD_TYPES = ['BRANDED_CARD', 'CHOICE_CARD'];
const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_KEY_LENGTH = 64;

const TOP_FIELDS = [
	'idempotencyKey',
	'productId',
	'recipients',
	'emailSetting',
	'sendTiming',
	'refundOption',
];
const RECIPIENT_FIELDS = ['email', 'firstName', 'lastName', 'company', 'department', 'amount'];
const EMAIL_FIELDS = ['senderName', 'subject', 'message', 'templateId'];
const TIMING_FIELDS = ['type', 'scheduledAt', 'timezone'];
const EMAIL_RE =
	/^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const LOCAL_DT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// ---------- time-zone helpers ----------
const dtfCache = new Map();
function zoneFormatter(tz) {
	let f = dtfCache.get(tz);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone: tz,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		dtfCache.set(tz, f);
	}
	return f;
}
function isValidTimeZone(tz) {
	if (typeof tz !== 'string' || !tz || /^[+-]/.test(tz)) return false;
	try {
		zoneFormatter(tz);
		return true;
	} catch {
		return false;
	}
}
function zoneOffsetMs(t, tz) {
	const parts = {};
	for (const p of zoneFormatter(tz).formatToParts(new Date(t))) parts[p.type] = p.value;
	const asUtc = Date.UTC(
		+parts.year,
		+parts.month - 1,
		+parts.day,
		+parts.hour,
		+parts.minute,
		+parts.second,
	);
	return asUtc - Math.floor(t / 1000) * 1000;
}
/** Local wall-clock time in `tz` → UTC epoch ms. */
function zonedToUtc(fields, tz) {
	const guess = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]);
	let t = guess - zoneOffsetMs(guess, tz);
	const o2 = zoneOffsetMs(t, tz);
	if (guess - o2 !== t) t = guess - o2;
	return t;
}
function validCalendar(y, mo, d) {
	const dt = new Date(Date.UTC(y, mo - 1, d));
	return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

const fmtNum = (n) => String(n);

// Reward-link codes: random hex from a pooled crypto buffer (one randomBytes call per 4 KiB).
let pool = Buffer.alloc(0);
let poolPos = 0;
function randomHex() {
	if (poolPos + 6 > pool.length) {
		pool = crypto.randomBytes(4096);
		poolPos = 0;
	}
	poolPos += 6;
	return pool.toString('hex', poolPos - 6, poolPos);
}
const hasMoreThan2Decimals = (a) => Math.abs(a * 100 - Math.round(a * 100)) > 1e-6;

/**
 * Order store: creation with validation + idempotency + balance, lifecycle computed from the
 * virtual clock, listing with filters/paging. Orders are kept in creation order (array) and
 * indexed by id (Map).
 */
/** Wall-clock time of `ms` in `zone`, without a zone suffix (`YYYY-MM-DDTHH:mm:ss`). */
function localTime(ms, zone) {
	const parts = new Intl.DateTimeFormat('en-CA', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(ms));
	const get = (type) => parts.find((part) => part.type === type).value;
	return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}

/** mulberry32: a small deterministic PRNG. */
function seededRandom(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function createOrderStore({ clock, getConfig, getBaseUrl }) {
	let orders = [];
	let byId = new Map();
	let idempotency = new Map(); // key -> { fp, at, order }
	let open = new Set(); // orders that may still be PENDING/IN_PROGRESS (for pendingBalance)
	let availableCents = 0;
	let seq = 0; // never reset, so order ids stay unique for the life of the process
	let shuffleRandom = seededRandom(1);

	function reset(balanceUsd) {
		// 'shuffled' lists are random but repeatable: the same test sees the same permutations.
		shuffleRandom = seededRandom(1);
		orders = [];
		byId = new Map();
		idempotency = new Map();
		open = new Set();
		availableCents = toCents(balanceUsd);
	}

	function setAvailable(balanceUsd) {
		availableCents = toCents(balanceUsd);
	}

	function statusOf(o, now) {
		if (o.forced) return o.forced;
		if (now < o.pendingUntil) return 'PENDING';
		if (now < o.completeAt) return 'IN_PROGRESS';
		return 'COMPLETE';
	}

	/** `createdAt` as this server shows it (config createdAtFormat / createdAtZone / createdAtSkewMs). */
	function shownCreatedAt(o) {
		const cfg = getConfig();
		const ms = o.createdMs + (cfg.createdAtSkewMs || 0) + (cfg.createdAtShiftMs[o.orderId] || 0);
		switch (cfg.createdAtFormat) {
			case 'zoneless':
				return localTime(ms, cfg.createdAtZone);
			case 'epoch':
				return ms;
			case 'bracket':
				return `${new Date(ms).toISOString()}[UTC]`;
			case 'unreadable':
				return 'n/a';
			default:
				return ms === o.createdMs ? o.createdAt : new Date(ms).toISOString();
		}
	}

	/** The creation day the list's date filters use (the server's own wall clock). */
	function filterDay(o) {
		const cfg = getConfig();
		if (cfg.createdAtFormat === 'zoneless') return shownCreatedAt(o).slice(0, 10);
		return new Date(
			o.createdMs + (cfg.createdAtSkewMs || 0) + (cfg.createdAtShiftMs[o.orderId] || 0),
		)
			.toISOString()
			.slice(0, 10);
	}

	function summary(o, now = clock.now()) {
		const status = statusOf(o, now);
		const complete = status === 'COMPLETE';
		return {
			orderId: o.orderId,
			status,
			orderType: o.orderType,
			...(o.campaignId ? { campaignId: o.campaignId } : {}),
			cardType: o.cardType,
			cardName: o.cardName,
			productId: o.productId,
			totalCost: { amount: o.totalCents / 100, currency: o.currency },
			recipientCount: o.recipients.length,
			sentCount: complete ? o.recipients.length : 0,
			bouncedCount: complete ? o.bounced : 0,
			createdAt: shownCreatedAt(o),
			sendTiming: { ...o.sendTiming },
			refundOption: o.refundOption,
			idempotencyKey: o.idempotencyKey,
		};
	}

	function full(o, now = clock.now()) {
		const s = summary(o, now);
		const complete = s.status === 'COMPLETE';
		const base = getBaseUrl();
		s.recipients = o.recipients.map((r) => ({
			...r.fields,
			rewardLink: complete ? `${base}/redeem/${r.code}` : null,
		}));
		return s;
	}

	// ---------- idempotency key ----------
	function resolveKey(body, headerKey) {
		const bodyKey = body.idempotencyKey;
		if (bodyKey !== undefined && bodyKey !== null && typeof bodyKey !== 'string') {
			throw validationError(`idempotencyKey must be a string, got ${describe(bodyKey)}`);
		}
		const hasBody = typeof bodyKey === 'string' && bodyKey !== '';
		const hasHeader = typeof headerKey === 'string' && headerKey !== '';
		if (!hasBody && !hasHeader) {
			throw validationError(
				'idempotencyKey is required: send it as the body field "idempotencyKey" and/or the X-Idempotency-Key header',
			);
		}
		if (hasBody && hasHeader && bodyKey !== headerKey) {
			throw validationError(
				`idempotencyKey "${bodyKey}" in the body does not match the X-Idempotency-Key header "${headerKey}"`,
			);
		}
		const key = hasBody ? bodyKey : headerKey;
		if (key.length > MAX_KEY_LENGTH) {
			throw validationError(
				`${hasBody ? 'idempotencyKey' : 'X-Idempotency-Key header'} is ${key.length} characters long; the maximum is ${MAX_KEY_LENGTH}`,
			);
		}
		return key;
	}

	// ---------- body validation ----------
	function validate(cardType, body, now, cfg, campaign) {
		const errors = [];
		const err = (m) => errors.push(m);
		const strict = cfg.rejectUnknownFields !== false;
		const unknownFields = (obj, allowed, prefix) => {
			if (!strict) return;
			for (const k of Object.keys(obj))
				if (!allowed.includes(k))
					err(`${prefix}${k} is not a known field (allowed: ${allowed.join(', ')})`);
		};
		if (!campaign) unknownFields(body, TOP_FIELDS, '');

		// productId
		const isBranded = cardType === 'BRANDED_CARD';
		const kindName = isBranded ? 'branded-card' : 'choice-card';
		let product;
		if (typeof body.productId !== 'string' || body.productId === '') {
			err(
				body.productId === undefined
					? 'productId is required'
					: `productId must be a non-empty string, got ${describe(body.productId)}`,
			);
		} else {
			product = isBranded ? catalog.branded(body.productId) : catalog.choice(body.productId);
			if (!product) {
				const other = isBranded ? catalog.choice(body.productId) : catalog.branded(body.productId);
				err(
					`productId "${body.productId}" is not in the ${kindName} catalog` +
						(other
							? ` (it is a ${isBranded ? 'choice' : 'branded'} card: use POST /api/v1/orders/${isBranded ? 'choice-cards' : 'branded-cards'})`
							: ''),
				);
			}
		}

		// recipients
		const recipients = [];
		const max = cfg.maxRecipientsPerOrder;
		if (!Array.isArray(body.recipients)) {
			err(
				body.recipients === undefined
					? 'recipients is required (a non-empty array)'
					: `recipients must be an array, got ${describe(body.recipients)}`,
			);
		} else if (body.recipients.length === 0) {
			err('recipients must contain at least one recipient');
		} else if (body.recipients.length > max) {
			err(`recipients has ${body.recipients.length} entries; the maximum per order is ${max}`);
		} else {
			body.recipients.forEach((r, i) => {
				const p = `recipients[${i}]`;
				if (!isPlainObject(r)) {
					err(`${p} must be an object, got ${describe(r)}`);
					return;
				}
				unknownFields(r, RECIPIENT_FIELDS, `${p}.`);
				if (typeof r.email !== 'string' || r.email === '') {
					err(
						r.email === undefined
							? `${p}.email is required`
							: `${p}.email must be a non-empty string, got ${describe(r.email)}`,
					);
				} else if (r.email.length > 254 || !EMAIL_RE.test(r.email)) {
					err(`${p}.email ${JSON.stringify(r.email)} is not a valid email address`);
				}
				for (const f of ['firstName', 'lastName', 'company', 'department']) {
					const v = r[f];
					if (v === undefined || v === null) continue;
					if (typeof v !== 'string') err(`${p}.${f} must be a string, got ${describe(v)}`);
					else if (v.length > 100)
						err(`${p}.${f} is ${v.length} characters long; the maximum is 100`);
				}
				const a = r.amount;
				if (a === undefined) err(`${p}.amount is required`);
				else if (typeof a !== 'number' || !Number.isFinite(a))
					err(`${p}.amount must be a number, got ${describe(a)}`);
				else if (a <= 0) err(`${p}.amount ${fmtNum(a)} must be greater than 0`);
				else if (hasMoreThan2Decimals(a))
					err(`${p}.amount ${fmtNum(a)} has more than 2 decimal places`);
				else if (campaign) {
					/* the campaign's USD amount; checked when the campaign was saved */
				} else if (
					product &&
					product.faceValueType === 'FIXED' &&
					!product.denominations.some((d) => Math.abs(d - a) < 1e-9)
				) {
					err(
						`${p}.amount ${fmtNum(a)} is not a denomination of ${product.productId} (${product.denominations.join(', ')})`,
					);
				} else if (
					product &&
					product.faceValueType === 'RANGE' &&
					(a < product.minAmount || a > product.maxAmount)
				) {
					err(
						`${p}.amount ${fmtNum(a)} is outside the range of ${product.productId} (${product.minAmount} to ${product.maxAmount} ${product.currencyCode})`,
					);
				}
				const fields = {};
				for (const f of RECIPIENT_FIELDS) if (r[f] !== undefined) fields[f] = r[f];
				recipients.push(fields);
			});
		}

		// emailSetting
		if (body.emailSetting !== undefined && body.emailSetting !== null) {
			const es = body.emailSetting;
			if (!isPlainObject(es)) err(`emailSetting must be an object, got ${describe(es)}`);
			else {
				unknownFields(es, EMAIL_FIELDS, 'emailSetting.');
				for (const f of ['senderName', 'subject', 'message']) {
					if (es[f] !== undefined && es[f] !== null && typeof es[f] !== 'string')
						err(`emailSetting.${f} must be a string, got ${describe(es[f])}`);
				}
				if (es.templateId !== undefined && es.templateId !== null) {
					if (typeof es.templateId !== 'string')
						err(`emailSetting.templateId must be a string, got ${describe(es.templateId)}`);
					else if (!catalog.template(es.templateId))
						err(
							`emailSetting.templateId "${es.templateId}" is not an existing template (see GET /api/v1/templates)`,
						);
				}
			}
		}

		// sendTiming
		let sendTiming = { type: 'IMMEDIATE' };
		let startAt = now;
		const st = body.sendTiming;
		if (st !== undefined && st !== null) {
			if (!isPlainObject(st)) err(`sendTiming must be an object, got ${describe(st)}`);
			else {
				unknownFields(st, TIMING_FIELDS, 'sendTiming.');
				const has = (f) => st[f] !== undefined && st[f] !== null;
				if (st.type === 'IMMEDIATE') {
					if (has('scheduledAt'))
						err('sendTiming.scheduledAt must be absent when sendTiming.type is IMMEDIATE');
					if (has('timezone'))
						err('sendTiming.timezone must be absent when sendTiming.type is IMMEDIATE');
				} else if (st.type === 'SCHEDULED') {
					let fields;
					if (!has('scheduledAt'))
						err('sendTiming.scheduledAt is required when sendTiming.type is SCHEDULED');
					else if (typeof st.scheduledAt !== 'string' || !LOCAL_DT_RE.test(st.scheduledAt)) {
						err(
							`sendTiming.scheduledAt ${JSON.stringify(st.scheduledAt)} must be a local date-time formatted YYYY-MM-DDTHH:mm:ss (no zone suffix)`,
						);
					} else {
						fields = LOCAL_DT_RE.exec(st.scheduledAt).slice(1).map(Number);
						if (
							!validCalendar(fields[0], fields[1], fields[2]) ||
							fields[3] > 23 ||
							fields[4] > 59 ||
							fields[5] > 59
						) {
							err(`sendTiming.scheduledAt "${st.scheduledAt}" is not a valid date-time`);
							fields = undefined;
						}
					}
					let tzOk = false;
					if (!has('timezone'))
						err('sendTiming.timezone is required when sendTiming.type is SCHEDULED');
					else if (!isValidTimeZone(st.timezone))
						err(
							`sendTiming.timezone ${JSON.stringify(st.timezone)} is not a valid IANA time zone (e.g. America/New_York)`,
						);
					else tzOk = true;
					if (fields && tzOk) {
						const at = zonedToUtc(fields, st.timezone);
						if (at <= now) {
							err(
								`sendTiming.scheduledAt "${st.scheduledAt}" in ${st.timezone} is in the past (sandbox time is ${new Date(now).toISOString()})`,
							);
						} else {
							startAt = at;
							sendTiming = {
								type: 'SCHEDULED',
								scheduledAt: st.scheduledAt,
								timezone: st.timezone,
							};
						}
					}
				} else {
					err(
						st.type === undefined
							? 'sendTiming.type is required (IMMEDIATE or SCHEDULED)'
							: `sendTiming.type ${JSON.stringify(st.type)} must be IMMEDIATE or SCHEDULED`,
					);
				}
			}
		}

		if (
			body.refundOption !== undefined &&
			body.refundOption !== null &&
			typeof body.refundOption !== 'boolean'
		) {
			err(`refundOption must be a boolean, got ${describe(body.refundOption)}`);
		}

		if (errors.length) {
			const shown = errors.slice(0, 5).join('; ');
			throw validationError(
				errors.length > 5 ? `${shown}; (and ${errors.length - 5} more)` : shown,
			);
		}
		return { product, recipients, sendTiming, startAt, refundOption: body.refundOption === true };
	}

	/**
	 * Create (or replay) an order. Returns { status: 201|200, outcome: 'created'|'replayed', order }.
	 * Throws SandboxError for 400/402/409.
	 */
	function create(cardType, body, headerKey, campaign) {
		if (!isPlainObject(body)) throw validationError('Request body must be a JSON object');
		const key = resolveKey(body, headerKey);
		// A campaign run is its own endpoint family: the same key on another campaign or on /orders is a 409.
		const family = campaign ? `CAMPAIGN ${campaign.campaignId}` : cardType;
		const fp = family + '\n' + canonicalJson(body, 'idempotencyKey'); // kept as a string: cheaper than hashing
		const now = clock.now();
		const prev = idempotency.get(key);
		if (prev && now - prev.at < IDEMPOTENCY_WINDOW_MS) {
			if (prev.fp === fp) return { status: 200, outcome: 'replayed', order: prev.order };
			const e = new SandboxError(
				409,
				'DUPLICATE_IDEMPOTENCY_KEY',
				`Idempotency key "${key}" was already used in the last 24 hours with a different request body (order ${prev.order.orderId}); use a new key for a different order`,
			);
			e.outcome = 'conflict';
			throw e;
		}

		const cfg = getConfig();
		const v = validate(cardType, campaign ? campaign.orderBody(body) : body, now, cfg, campaign);
		const product = v.product;
		const currency = campaign ? 'USD' : product.currencyCode;
		let totalCents = 0;
		for (const r of v.recipients) totalCents += toCents(r.amount);
		const chargeCents = Math.round(totalCents * USD_RATES[currency]);
		if (chargeCents > availableCents) {
			const inUsd = currency === 'USD' ? '' : ` (${fmtCents(chargeCents)} USD)`;
			throw new SandboxError(
				402,
				'INSUFFICIENT_BALANCE',
				`Order total ${fmtCents(totalCents)} ${currency}${inUsd} exceeds the available balance of ${fmtCents(availableCents)} USD; add ${fmtCents(chargeCents - availableCents)} USD`,
			);
		}

		seq += 1;
		const createdAt = new Date(now).toISOString();
		const ymd = createdAt.slice(0, 4) + createdAt.slice(5, 7) + createdAt.slice(8, 10);
		const orderId = `OT${ymd}${String(seq).padStart(6, '0')}`;
		const lifecycle = cfg.lifecycle;
		const pendingUntil = v.startAt + lifecycle.pendingMs;
		const order = {
			orderId,
			cardType,
			cardName: product.brandName,
			cardNameLower: product.brandName.toLowerCase(),
			productId: product.productId,
			currency,
			orderType: campaign ? 'CAMPAIGN' : 'ONE_TIME',
			campaignId: campaign ? campaign.campaignId : undefined,
			totalCents,
			chargeCents,
			createdAt,
			createdMs: now,
			sendTiming: v.sendTiming,
			refundOption: v.refundOption,
			idempotencyKey: key,
			pendingUntil,
			completeAt: pendingUntil + lifecycle.inProgressMs,
			forced: undefined,
			bounced: v.recipients.filter((r) => /@bounce\.test$/i.test(r.email)).length,
			recipients: v.recipients.map((fields, i) => ({
				fields,
				code: `${orderId}-${i + 1}-${randomHex()}`,
			})),
		};
		availableCents -= chargeCents;
		orders.push(order);
		byId.set(orderId, order);
		if (order.completeAt > now) open.add(order);
		idempotency.set(key, { fp, at: now, order });
		return { status: 201, outcome: 'created', order };
	}

	function get(id) {
		return byId.get(id);
	}

	function setStatus(id, status) {
		const o = byId.get(id);
		if (!o) throw new SandboxError(404, 'NOT_FOUND', `Order "${id}" not found`);
		if (!STATUSES.includes(status))
			throw validationError(
				`status ${JSON.stringify(status)} must be one of ${STATUSES.join(', ')}`,
			);
		const before = statusOf(o, clock.now());
		if (before !== 'CANCELED' && status === 'CANCELED') availableCents += o.chargeCents; // refund
		if (before === 'CANCELED' && status !== 'CANCELED') availableCents -= o.chargeCents; // charge again
		o.forced = status;
		if (status === 'PENDING' || status === 'IN_PROGRESS') open.add(o);
		else open.delete(o);
		return o;
	}

	function balance() {
		const now = clock.now();
		let pending = 0;
		for (const o of open) {
			const s = statusOf(o, now);
			if (s === 'PENDING' || s === 'IN_PROGRESS') pending += o.chargeCents;
			else if (!o.forced) open.delete(o); // completed by the clock; it never goes back (clock only moves forward)
		}
		return {
			availableBalance: { amount: availableCents / 100, currency: 'USD' },
			pendingBalance: { amount: pending / 100, currency: 'USD' },
		};
	}

	// ---------- listing ----------
	function intParam(q, name, def, max) {
		const raw = q[name];
		if (raw === undefined || raw === '') return def;
		if (!/^\d+$/.test(raw) || Number(raw) < 1)
			throw validationError(`${name} ${JSON.stringify(raw)} must be a positive integer`);
		const n = Number(raw);
		if (max && n > max) throw validationError(`${name} ${n} exceeds the maximum of ${max}`);
		return n;
	}

	function paging(q) {
		const page = intParam(q, 'page', 1);
		const pageSize = intParam(q, 'pageSize', 20, 100);
		return { page, pageSize, effectivePage: getConfig().ignorePaging ? 1 : page };
	}

	function enumParam(q, name, values) {
		const v = q[name];
		if (v === undefined || v === '') return undefined;
		if (!values.includes(v))
			throw validationError(`${name} ${JSON.stringify(v)} must be one of ${values.join(', ')}`);
		return v;
	}

	function dateParam(q, name) {
		const v = q[name];
		if (v === undefined || v === '') return undefined;
		const m = DATE_RE.exec(v);
		if (!m || !validCalendar(+m[1], +m[2], +m[3]))
			throw validationError(`${name} ${JSON.stringify(v)} must be a date formatted YYYY-MM-DD`);
		return v;
	}

	function list(q) {
		const { page, pageSize, effectivePage } = paging(q);
		const status = enumParam(q, 'status', STATUSES);
		const cardType = enumParam(q, 'cardType', CARD_TYPES);
		const orderType = enumParam(q, 'orderType', ORDER_TYPES);
		const startDate = dateParam(q, 'startDate');
		const endDate = dateParam(q, 'endDate');
		if (startDate && endDate && startDate > endDate)
			throw validationError(`startDate ${startDate} is after endDate ${endDate}`);
		const kw = q.searchKeyword ? q.searchKeyword.toLowerCase() : undefined;
		const now = clock.now();
		const hidden = new Set(getConfig().hiddenOrders);
		const match = (o) => {
			if (hidden.has(o.orderId)) return false;
			if (orderType && orderType !== o.orderType) return false;
			if (cardType && o.cardType !== cardType) return false;
			if (startDate || endDate) {
				const day = filterDay(o);
				if (startDate && day < startDate) return false;
				if (endDate && day > endDate) return false;
			}
			if (kw && !o.cardNameLower.includes(kw)) return false;
			if (status && statusOf(o, now) !== status) return false;
			return true;
		};
		let skip = (effectivePage - 1) * pageSize;
		const twice = new Set(getConfig().listedTwice);
		if (twice.size > 0 && getConfig().listOrder !== 'shuffled') {
			// A list that counts more than it shows: these orders come again at the list's end.
			const all = (getConfig().listOrder === 'asc' ? orders : orders.slice().reverse()).filter(
				match,
			);
			const seq = all.concat(all.filter((o) => twice.has(o.orderId)));
			if (getConfig().clampPages && skip >= seq.length)
				skip = Math.max(0, Math.ceil(seq.length / pageSize) - 1) * pageSize;
			return { data: seq.slice(skip, skip + pageSize).map((o) => summary(o, now)), page, pageSize };
		}
		if (getConfig().clampPages && skip > 0) {
			// Some servers answer a page past the end with the last page instead of an empty one.
			const total = orders.filter(match).length;
			if (skip >= total) skip = Math.max(0, Math.ceil(total / pageSize) - 1) * pageSize;
		}
		const out = [];
		const mode = getConfig().listOrder;
		if (mode === 'shuffled') {
			const all = orders.filter(match);
			const end = Math.min(all.length, skip + pageSize);
			for (let i = 0; i < end; i++) {
				// partial Fisher-Yates: only the positions we return
				const j = i + Math.floor(shuffleRandom() * (all.length - i));
				const t = all[i];
				all[i] = all[j];
				all[j] = t;
			}
			for (let i = skip; i < end; i++) out.push(summary(all[i], now));
		} else {
			let seen = 0;
			const visit = (o) => {
				if (!match(o)) return false;
				if (seen++ >= skip) out.push(summary(o, now));
				return out.length >= pageSize;
			};
			if (mode === 'asc') {
				for (let i = 0; i < orders.length; i++) if (visit(orders[i])) break;
			} else {
				for (let i = orders.length - 1; i >= 0; i--) if (visit(orders[i])) break;
			}
		}
		return { data: out, page, pageSize };
	}

	function listOf(items, q) {
		const { page, pageSize, effectivePage } = paging(q);
		const start = (effectivePage - 1) * pageSize;
		return { data: catalog.copy(items.slice(start, start + pageSize)), page, pageSize };
	}

	function findByRedeemCode(code) {
		const m = /^(OT\d+)-(\d+)-[0-9a-f]+$/.exec(code);
		if (!m) return undefined;
		const o = byId.get(m[1]);
		const r = o && o.recipients[Number(m[2]) - 1];
		if (!r || r.code !== code) return undefined;
		return { order: o, recipient: r.fields, status: statusOf(o, clock.now()) };
	}

	return {
		reset,
		setAvailable,
		create,
		get,
		setStatus,
		balance,
		list,
		listOf,
		paging,
		summary,
		full,
		findByRedeemCode,
		all: () => orders,
		count: () => orders.length,
	};
}

module.exports = { createOrderStore, STATUSES, USD_RATES };
