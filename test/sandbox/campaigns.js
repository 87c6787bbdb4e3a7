'use strict';

const catalog = require('./catalog');
const { SandboxError, validationError, isPlainObject, describe } = require('./util');

const CARD_TYPES = ['BRANDED_CARD', 'CHOICE_CARD'];
const CAMPAIGN_FIELDS = [
	'name',
	'cardType',
	'productId',
	'amount',
	'subject',
	'senderName',
	'message',
	'templateId',
	'refundOption',
];
const RUN_FIELDS = [
	'idempotencyKey',
	'recipients',
	'subject',
	'senderName',
	'message',
	'sendTiming',
];
const RUN_RECIPIENT_FIELDS = ['email', 'firstName', 'lastName', 'company', 'department'];
const ID_CHARACTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newId(seq) {
	// Deterministic per process: CA- + 8 characters.
	let n = (seq * 2654435761) % 0x100000000;
	let id = '';
	for (let i = 0; i < 8; i++) {
		id += ID_CHARACTERS[n % ID_CHARACTERS.length];
		n = Math.floor(n / ID_CHARACTERS.length) + seq * (i + 7);
	}
	return `CA-${id}`;
}

/** Checks a campaign body (create or full replace); returns the stored fields. */
function checkCampaign(body) {
	if (!isPlainObject(body)) throw validationError('Request body must be a JSON object');
	const errors = [];
	for (const k of Object.keys(body))
		if (!CAMPAIGN_FIELDS.includes(k))
			errors.push(`${k} is not a known field (allowed: ${CAMPAIGN_FIELDS.join(', ')})`);
	for (const f of ['name', 'subject', 'senderName']) {
		if (typeof body[f] !== 'string' || body[f].trim() === '')
			errors.push(
				body[f] === undefined
					? `${f} is required`
					: `${f} must be a non-empty string, got ${describe(body[f])}`,
			);
	}
	if (!CARD_TYPES.includes(body.cardType))
		errors.push(`cardType ${describe(body.cardType)} must be one of ${CARD_TYPES.join(', ')}`);
	else if (typeof body.productId !== 'string' || body.productId === '')
		errors.push('productId is required');
	else if (
		!(body.cardType === 'BRANDED_CARD'
			? catalog.branded(body.productId)
			: catalog.choice(body.productId))
	) {
		errors.push(
			`productId "${body.productId}" is not in the ${body.cardType === 'BRANDED_CARD' ? 'branded-card' : 'choice-card'} catalog`,
		);
	}
	const a = body.amount;
	if (typeof a !== 'number' || !Number.isFinite(a) || a <= 0)
		errors.push(
			a === undefined
				? 'amount is required (USD)'
				: `amount must be a positive number (USD), got ${describe(a)}`,
		);
	else if (Math.abs(a * 100 - Math.round(a * 100)) > 1e-6)
		errors.push(`amount ${a} has more than 2 decimal places`);
	if (body.message !== undefined && body.message !== null && typeof body.message !== 'string')
		errors.push(`message must be a string, got ${describe(body.message)}`);
	if (
		body.templateId !== undefined &&
		body.templateId !== null &&
		!catalog.template(String(body.templateId))
	)
		errors.push(`templateId "${body.templateId}" is not an existing template`);
	if (body.refundOption !== undefined && typeof body.refundOption !== 'boolean')
		errors.push(`refundOption must be a boolean, got ${describe(body.refundOption)}`);
	if (errors.length) throw validationError(errors.slice(0, 5).join('; '));
	const fields = {};
	for (const f of CAMPAIGN_FIELDS)
		if (body[f] !== undefined && body[f] !== null) fields[f] = body[f];
	fields.refundOption = body.refundOption === true;
	return fields;
}

/**
 * Campaigns (docs/api-contract.md#campaigns): CRUD with soft delete, and runs, which are orders
 * created through the order store (same idempotency, balance and lifecycle).
 */
function createCampaignStore({ clock, orders }) {
	let campaigns = new Map();
	let seq = 0; // never reset, so ids stay unique for the life of the process

	function reset() {
		campaigns = new Map();
	}

	function shown(c) {
		const { deleted, ...fields } = c;
		return { ...fields };
	}

	function find(id) {
		const c = campaigns.get(id);
		if (!c || c.deleted) throw new SandboxError(404, 'NOT_FOUND', `Campaign "${id}" not found`);
		return c;
	}

	/** `campaignId` only for seeding through the controls (a fixed id for examples); the API makes one. */
	function create(body, campaignId) {
		const fields = checkCampaign(body);
		seq += 1;
		if (
			campaignId !== undefined &&
			(typeof campaignId !== 'string' || !/^CA-[A-Z0-9]{8}$/.test(campaignId))
		) {
			throw validationError(
				`campaignId ${describe(campaignId)} must look like CA- and 8 letters or digits`,
			);
		}
		if (campaignId !== undefined && campaigns.has(campaignId)) {
			throw new SandboxError(409, 'CONFLICT', `Campaign "${campaignId}" already exists`);
		}
		const now = new Date(clock.now()).toISOString();
		const c = {
			campaignId: campaignId || newId(seq),
			...fields,
			createdAt: now,
			updatedAt: now,
			deleted: false,
		};
		campaigns.set(c.campaignId, c);
		return shown(c);
	}

	function update(id, body) {
		const c = find(id);
		const fields = checkCampaign(body);
		const next = {
			campaignId: c.campaignId,
			...fields,
			createdAt: c.createdAt,
			updatedAt: new Date(clock.now()).toISOString(),
			deleted: false,
		};
		campaigns.set(id, next);
		return shown(next);
	}

	function remove(id) {
		find(id).deleted = true;
	}

	function list(q) {
		const search = q.search ? String(q.search).toLowerCase() : undefined;
		const all = [...campaigns.values()].filter(
			(c) => !c.deleted && (!search || c.name.toLowerCase().includes(search)),
		);
		const { page, pageSize, effectivePage } = orders.paging(q);
		const start = (effectivePage - 1) * pageSize;
		return { data: all.slice(start, start + pageSize).map(shown), page, pageSize };
	}

	/** The run body as an order body (recipients at the campaign's amount), after checking the run's own fields. */
	function orderBodyOf(c) {
		return (body) => {
			const errors = [];
			for (const k of Object.keys(body))
				if (!RUN_FIELDS.includes(k))
					errors.push(`${k} is not a known field (allowed: ${RUN_FIELDS.join(', ')})`);
			if (Array.isArray(body.recipients)) {
				body.recipients.forEach((r, i) => {
					if (!isPlainObject(r)) return;
					for (const k of Object.keys(r)) {
						if (!RUN_RECIPIENT_FIELDS.includes(k))
							errors.push(
								`recipients[${i}].${k} is not a known field (allowed: ${RUN_RECIPIENT_FIELDS.join(', ')}; the campaign's amount applies)`,
							);
					}
				});
			}
			if (errors.length) throw validationError(errors.slice(0, 5).join('; '));
			const emailSetting = { senderName: c.senderName, subject: c.subject };
			if (c.message !== undefined) emailSetting.message = c.message;
			if (c.templateId !== undefined) emailSetting.templateId = String(c.templateId);
			for (const f of ['subject', 'senderName', 'message'])
				if (body[f] !== undefined && body[f] !== null) emailSetting[f] = body[f];
			const recipients = Array.isArray(body.recipients)
				? body.recipients.map((r) => (isPlainObject(r) ? { ...r, amount: c.amount } : r))
				: body.recipients;
			return {
				productId: c.productId,
				recipients,
				emailSetting,
				sendTiming: body.sendTiming,
				refundOption: c.refundOption,
			};
		};
	}

	/** POST /campaigns/{id}/orders: { status: 201|200, outcome, order }. */
	function run(id, body, headerKey) {
		const c = find(id);
		return orders.create(c.cardType, body, headerKey, {
			campaignId: c.campaignId,
			orderBody: orderBodyOf(c),
		});
	}

	return {
		reset,
		create,
		update,
		remove,
		get: (id) => shown(find(id)),
		list,
		run,
		all: () => [...campaigns.values()].map(shown),
	};
}

module.exports = { createCampaignStore };
