'use strict';

const crypto = require('node:crypto');

/** An error that maps directly to an HTTP error response `{ error, message }`. */
class SandboxError extends Error {
	constructor(status, code, message, headers) {
		super(message);
		this.name = 'SandboxError';
		this.status = status;
		this.code = code;
		this.headers = headers || undefined;
	}
}

function validationError(message) {
	return new SandboxError(400, 'VALIDATION_ERROR', message);
}

function isPlainObject(v) {
	return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** JSON with object keys sorted recursively (used to compare request bodies). `skipKey` is left out at the top level. */
function canonicalJson(v, skipKey) {
	if (v === undefined) return 'null';
	if (v === null || typeof v !== 'object') return JSON.stringify(v);
	if (Array.isArray(v)) {
		let out = '[';
		for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + canonicalJson(v[i]);
		return out + ']';
	}
	const keys = Object.keys(v).sort();
	let out = '{';
	let first = true;
	for (const k of keys) {
		if (v[k] === undefined || k === skipKey) continue;
		out += (first ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(v[k]);
		first = false;
	}
	return out + '}';
}

function sha256(s) {
	return crypto.createHash('sha256').update(s).digest('hex');
}

const toCents = (n) => Math.round(n * 100);
const fmtCents = (c) => (c / 100).toFixed(2);
const randomToken = (bytes) => crypto.randomBytes(bytes).toString('base64url');

function describe(v) {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'an array';
	if (typeof v === 'string')
		return `string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
	if (typeof v === 'object') return 'an object';
	return `${typeof v} ${String(v)}`;
}

module.exports = {
	SandboxError,
	validationError,
	isPlainObject,
	canonicalJson,
	sha256,
	toCents,
	fmtCents,
	randomToken,
	describe,
};
