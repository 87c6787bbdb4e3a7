'use strict';

const { SandboxError, validationError, isPlainObject, describe } = require('./util');

const FIELDS = ['email', 'firstName', 'lastName', 'company', 'department'];
const ID_CHARACTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function newId(seq) {
	// Deterministic per process: RC- + 8 characters.
	let n = (seq * 2246822519) % 0x100000000;
	let id = '';
	for (let i = 0; i < 8; i++) {
		id += ID_CHARACTERS[n % ID_CHARACTERS.length];
		n = Math.floor(n / ID_CHARACTERS.length) + seq * (i + 3);
	}
	return `RC-${id}`;
}

function checkRecipient(body) {
	if (!isPlainObject(body)) throw validationError('Request body must be a JSON object');
	const errors = [];
	for (const k of Object.keys(body))
		if (!FIELDS.includes(k))
			errors.push(`${k} is not a known field (allowed: ${FIELDS.join(', ')})`);
	if (typeof body.email !== 'string' || !EMAIL_RE.test(body.email.trim())) {
		errors.push(
			body.email === undefined
				? 'email is required'
				: `email ${describe(body.email)} is not a valid e-mail address`,
		);
	}
	for (const f of FIELDS.slice(1)) {
		if (body[f] !== undefined && body[f] !== null && typeof body[f] !== 'string')
			errors.push(`${f} must be a string, got ${describe(body[f])}`);
	}
	if (errors.length) throw validationError(errors.slice(0, 5).join('; '));
	const fields = { email: body.email.trim() };
	for (const f of FIELDS.slice(1)) if (typeof body[f] === 'string') fields[f] = body[f];
	return fields;
}

/**
 * The address book (docs/api-contract.md#recipients): e-mail unique within the account (409
 * RECIPIENT_EXISTS), PUT replaces every field, delete refused while a scheduled order to the
 * e-mail is still PENDING (409 RECIPIENT_HAS_PENDING_ORDER).
 */
function createRecipientStore({ clock, orders }) {
	let recipients = new Map();
	let seq = 0; // never reset, so ids stay unique for the life of the process

	function reset() {
		recipients = new Map();
	}

	function find(id) {
		const r = recipients.get(id);
		if (!r) throw new SandboxError(404, 'NOT_FOUND', `Recipient "${id}" not found`);
		return r;
	}

	function ensureUnique(email, exceptId) {
		const lower = email.toLowerCase();
		for (const r of recipients.values()) {
			if (r.recipientId !== exceptId && r.email.toLowerCase() === lower) {
				throw new SandboxError(
					409,
					'RECIPIENT_EXISTS',
					`A recipient with the e-mail "${email}" already exists (${r.recipientId})`,
				);
			}
		}
	}

	function create(body) {
		const fields = checkRecipient(body);
		ensureUnique(fields.email);
		seq += 1;
		const now = new Date(clock.now()).toISOString();
		const r = { recipientId: newId(seq), ...fields, createdAt: now, updatedAt: now };
		recipients.set(r.recipientId, r);
		return { ...r };
	}

	function update(id, body) {
		const r = find(id);
		const fields = checkRecipient(body);
		ensureUnique(fields.email, id);
		const next = {
			recipientId: id,
			...fields,
			createdAt: r.createdAt,
			updatedAt: new Date(clock.now()).toISOString(),
		};
		recipients.set(id, next);
		return { ...next };
	}

	function pendingOrderOf(email) {
		const lower = email.toLowerCase();
		return orders
			.all()
			.find(
				(o) =>
					o.sendTiming.type === 'SCHEDULED' &&
					orders.summary(o).status === 'PENDING' &&
					o.recipients.some((x) => String(x.fields.email).toLowerCase() === lower),
			);
	}

	function remove(id) {
		const r = find(id);
		const pending = pendingOrderOf(r.email);
		if (pending) {
			throw new SandboxError(
				409,
				'RECIPIENT_HAS_PENDING_ORDER',
				`Recipient "${id}" has a scheduled order that is not sent yet (${pending.orderId})`,
			);
		}
		recipients.delete(id);
	}

	function list(q) {
		const keyword = q.searchKeyword ? String(q.searchKeyword).toLowerCase() : undefined;
		const all = [...recipients.values()].filter(
			(r) =>
				!keyword ||
				[
					r.email,
					r.firstName,
					r.lastName,
					[r.firstName, r.lastName].filter(Boolean).join(' '),
				].some((text) => typeof text === 'string' && text.toLowerCase().includes(keyword)),
		);
		const { page, pageSize, effectivePage } = orders.paging(q);
		const start = (effectivePage - 1) * pageSize;
		return { data: all.slice(start, start + pageSize).map((r) => ({ ...r })), page, pageSize };
	}

	return {
		reset,
		create,
		update,
		remove,
		get: (id) => ({ ...find(id) }),
		list,
		all: () => [...recipients.values()].map((r) => ({ ...r })),
	};
}

module.exports = { createRecipientStore };
