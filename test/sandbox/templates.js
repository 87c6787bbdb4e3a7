'use strict';

const catalog = require('./catalog');
const { SandboxError, validationError, isPlainObject, describe } = require('./util');

const FIELDS = [
	'name',
	'senderName',
	'message',
	'imageAlignment',
	'imageSize',
	'borderColor',
	'buttonColor',
	'buttonFontColor',
];
const COLOR_FIELDS = ['borderColor', 'buttonColor', 'buttonFontColor'];
const ALIGNMENTS = ['left', 'center', 'right'];
const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;

function checkTemplate(body) {
	if (!isPlainObject(body)) throw validationError('Request body must be a JSON object');
	const errors = [];
	for (const k of Object.keys(body))
		if (!FIELDS.includes(k))
			errors.push(`${k} is not a known field (allowed: ${FIELDS.join(', ')})`);
	for (const f of ['name', 'senderName']) {
		if (typeof body[f] !== 'string' || body[f].trim() === '')
			errors.push(
				body[f] === undefined
					? `${f} is required`
					: `${f} must be a non-empty string, got ${describe(body[f])}`,
			);
	}
	if (typeof body.name === 'string' && body.name.length > 100)
		errors.push(`name is ${body.name.length} characters long; at most 100 are allowed`);
	if (body.message !== undefined && body.message !== null && typeof body.message !== 'string')
		errors.push(`message must be a string, got ${describe(body.message)}`);
	if (body.imageAlignment !== undefined && !ALIGNMENTS.includes(body.imageAlignment))
		errors.push(
			`imageAlignment ${describe(body.imageAlignment)} must be one of ${ALIGNMENTS.join(', ')}`,
		);
	const size = body.imageSize;
	if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > 100))
		errors.push(`imageSize must be a whole number from 1 to 100, got ${describe(size)}`);
	for (const f of COLOR_FIELDS) {
		if (body[f] !== undefined && (typeof body[f] !== 'string' || !HEX_COLOR.test(body[f])))
			errors.push(`${f} ${describe(body[f])} must be a hex colour #RRGGBB`);
	}
	if (errors.length) throw validationError(errors.slice(0, 5).join('; '));
	return {
		name: body.name,
		senderName: body.senderName,
		...(typeof body.message === 'string' ? { message: body.message } : {}),
		imageAlignment: body.imageAlignment ?? 'center',
		imageSize: size ?? 40,
		...Object.fromEntries(
			COLOR_FIELDS.filter((f) => body[f] !== undefined).map((f) => [f, body[f]]),
		),
	};
}

/**
 * E-mail templates (docs/api-contract.md#templates): the catalog's templates to start with, PUT
 * replaces every field, delete refused for the default (DEFAULT_TEMPLATE) and for one a campaign
 * uses (TEMPLATE_IN_USE).
 */
function createTemplateStore({ clock, campaigns }) {
	let templates = new Map();
	let seq = 100; // never reset, so ids stay unique for the life of the process

	function reset() {
		templates = new Map(
			catalog.TEMPLATES.map((t) => [
				t.templateId,
				{ imageAlignment: 'center', imageSize: 40, ...catalog.copy(t) },
			]),
		);
	}

	function isActive(campaignId) {
		try {
			campaigns.get(campaignId);
			return true;
		} catch {
			return false;
		}
	}

	function find(id) {
		const t = templates.get(id);
		if (!t) throw new SandboxError(404, 'NOT_FOUND', `Template "${id}" not found`);
		return t;
	}

	function create(body) {
		const fields = checkTemplate(body);
		seq += 1;
		const now = new Date(clock.now()).toISOString();
		const t = {
			templateId: String(seq),
			...fields,
			isDefault: false,
			createdAt: now,
			updatedAt: now,
		};
		templates.set(t.templateId, t);
		return { ...t };
	}

	function update(id, body) {
		const t = find(id);
		const next = {
			templateId: id,
			...checkTemplate(body),
			isDefault: t.isDefault,
			...(t.createdAt ? { createdAt: t.createdAt } : {}),
			updatedAt: new Date(clock.now()).toISOString(),
		};
		templates.set(id, next);
		return { ...next };
	}

	function remove(id) {
		const t = find(id);
		if (t.isDefault)
			throw new SandboxError(
				409,
				'DEFAULT_TEMPLATE',
				`Template "${id}" is the account's default template and cannot be deleted`,
			);
		const user = campaigns.all().find((c) => String(c.templateId) === id && isActive(c.campaignId));
		if (user)
			throw new SandboxError(
				409,
				'TEMPLATE_IN_USE',
				`Template "${id}" is used by campaign ${user.campaignId}`,
			);
		templates.delete(id);
	}

	function list(q, orders) {
		const all = [...templates.values()];
		return orders.listOf(
			[...all.filter((t) => t.isDefault), ...all.filter((t) => !t.isDefault)],
			q,
		);
	}

	reset();
	return { reset, create, update, remove, get: (id) => ({ ...find(id) }), list };
}

module.exports = { createTemplateStore };
