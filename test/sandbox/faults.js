'use strict';

const { validationError, isPlainObject } = require('./util');

const FAULT_KINDS = [
	'drop-after-commit',
	'error-after-commit',
	'unavailable',
	'rate-limit',
	'delay',
	'drop-before-commit',
	'expire-token',
];

function normalizeFault(f) {
	if (!isPlainObject(f))
		throw validationError('a fault must be an object like { "kind": "unavailable" }');
	if (!FAULT_KINDS.includes(f.kind))
		throw validationError(
			`fault kind ${JSON.stringify(f.kind)} must be one of ${FAULT_KINDS.join(', ')}`,
		);
	const out = { kind: f.kind, count: 1 };
	if (f.method !== undefined) {
		if (typeof f.method !== 'string' || !f.method)
			throw validationError('fault method must be a string such as "POST"');
		out.method = f.method.toUpperCase();
	}
	if (f.path !== undefined) {
		if (typeof f.path !== 'string' || !f.path.startsWith('/'))
			throw validationError('fault path must be a URL path prefix starting with "/"');
		out.path = f.path;
	}
	if (f.count !== undefined) {
		if (!Number.isInteger(f.count) || f.count < 1)
			throw validationError('fault count must be a positive integer');
		out.count = f.count;
	}
	if (f.kind === 'delay') {
		if (typeof f.ms !== 'number' || !Number.isFinite(f.ms) || f.ms < 0)
			throw validationError('a delay fault needs ms (a non-negative number)');
		out.ms = f.ms;
	}
	if (f.kind === 'rate-limit') {
		// null: answer without a Retry-After header.
		const s = f.retryAfterSeconds === undefined ? 1 : f.retryAfterSeconds;
		if (s !== null && (!Number.isInteger(s) || s < 0))
			throw validationError('retryAfterSeconds must be a non-negative integer or null (no header)');
		out.retryAfterSeconds = s;
	}
	if (f.kind === 'unavailable' && f.retryAfterSeconds !== undefined) {
		if (!Number.isInteger(f.retryAfterSeconds) || f.retryAfterSeconds < 0)
			throw validationError('retryAfterSeconds must be a non-negative integer');
		out.retryAfterSeconds = f.retryAfterSeconds;
	}
	return out;
}

/** FIFO queue of injected faults; each request consumes the first fault that matches it. */
function createFaults() {
	let queue = [];
	return {
		inject(faults) {
			const list = (Array.isArray(faults) ? faults : [faults]).map(normalizeFault); // validate all before adding any
			queue.push(...list);
			return list.map((f) => ({ ...f }));
		},
		take(method, path) {
			const i = queue.findIndex(
				(f) => (!f.method || f.method === method) && (!f.path || path.startsWith(f.path)),
			);
			if (i < 0) return undefined;
			const f = queue[i];
			f.count -= 1;
			if (f.count <= 0) queue.splice(i, 1);
			return { ...f };
		},
		pending: () => queue.map((f) => ({ ...f })),
		clear() {
			queue = [];
		},
	};
}

module.exports = { createFaults, FAULT_KINDS };
