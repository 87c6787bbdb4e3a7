'use strict';

const { SandboxError } = require('./util');

const MAX_BODY = 5 * 1024 * 1024;

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (c) => {
			size += c.length;
			if (size > MAX_BODY) {
				reject(
					new SandboxError(413, 'PAYLOAD_TOO_LARGE', `Request body exceeds ${MAX_BODY} bytes`),
				);
				req.removeAllListeners('data');
				req.resume();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function parseJson(raw) {
	if (raw === undefined || raw.trim() === '') return undefined;
	try {
		return JSON.parse(raw);
	} catch (e) {
		throw new SandboxError(400, 'VALIDATION_ERROR', `Request body is not valid JSON: ${e.message}`);
	}
}

function writeJson(res, status, payload, headers) {
	if (res.writableEnded || res.destroyed) return;
	const body = JSON.stringify(payload);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(body),
		...(headers || {}),
	});
	res.end(body);
}

function writeHtml(res, status, html) {
	if (res.writableEnded || res.destroyed) return;
	res.writeHead(status, {
		'Content-Type': 'text/html; charset=utf-8',
		'Content-Length': Buffer.byteLength(html),
	});
	res.end(html);
}

const errorBody = (e) => ({ error: e.code, message: e.message });

function toSandboxError(e) {
	if (e instanceof SandboxError) return e;
	return new SandboxError(500, 'INTERNAL_ERROR', `Unexpected sandbox error: ${e && e.message}`);
}

const escapeHtml = (s) =>
	String(s).replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
	);

module.exports = {
	readBody,
	parseJson,
	writeJson,
	writeHtml,
	errorBody,
	toSandboxError,
	escapeHtml,
};
