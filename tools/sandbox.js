'use strict';

// The local Giftronaut sandbox as a separate process (`node test/sandbox/cli.js`) and a small client
// for its /__sandbox/ controls.
const fs = require('node:fs');
const path = require('node:path');

const proc = require('./proc');

const CLI = path.join(__dirname, '..', 'test', 'sandbox', 'cli.js');

class SandboxProcess {
	constructor(child, url, clientId, clientSecret) {
		this.child = child;
		this.url = url;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	static async start({ port = 0, logFile, args = [] }) {
		fs.writeFileSync(logFile, ''); // its address is read from this log: no line of an earlier run
		const child = proc.start(process.execPath, [CLI, '--port', String(port), ...args], {
			env: process.env,
			cwd: path.dirname(CLI),
			logFile,
			name: 'sandbox',
		});
		const match = await proc.waitForLog(
			child,
			/listening on (http:\/\/127\.0\.0\.1:\d+)\s+client_id=(\S+) client_secret=(\S+)/,
			15000,
		);
		return new SandboxProcess(child, match[1], match[2], match[3]);
	}

	async control(method, controlPath, body) {
		const response = await fetch(`${this.url}/__sandbox/${controlPath}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		const parsed = text ? JSON.parse(text) : undefined;
		if (!response.ok)
			throw new Error(`sandbox ${method} ${controlPath}: HTTP ${response.status} ${text}`);
		return parsed;
	}

	reset(config) {
		return this.control('POST', 'reset', config ?? {});
	}

	orders() {
		return this.control('GET', 'orders');
	}

	order(id) {
		return this.control('GET', `orders/${encodeURIComponent(id)}`);
	}

	seedOrder(body, cardType) {
		return this.control('POST', 'orders', { body, ...(cardType ? { cardType } : {}) });
	}

	setStatus(id, status) {
		return this.control('POST', `orders/${encodeURIComponent(id)}/status`, { status });
	}

	advanceClock(ms) {
		return this.control('POST', 'clock/advance', { ms });
	}

	clock() {
		return this.control('GET', 'clock');
	}

	stats() {
		return this.control('GET', 'stats');
	}

	requests() {
		return this.control('GET', 'requests');
	}

	async stop() {
		await proc.stop(this.child);
	}
}

module.exports = { SandboxProcess };
