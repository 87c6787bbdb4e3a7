'use strict';

// Preloaded into every n8n process of the e2e run (NODE_OPTIONS=--require): records each attempt
// to resolve or reach a host other than loopback in $GIFTRONAUT_NETLOG, one JSON line each. The
// suite asserts the file stays empty. It only watches; the attempt itself goes ahead.
const dns = require('node:dns');
const fs = require('node:fs');
const net = require('node:net');

const file = process.env.GIFTRONAUT_NETLOG;

function isLoopback(host) {
	if (host === undefined || host === null || host === '') return true; // Node's default: localhost
	const h = String(host)
		.replace(/^\[|\]$/g, '')
		.toLowerCase();
	return h === 'localhost' || h.startsWith('127.') || h === '::1' || h.startsWith('::ffff:127.');
}

function record(kind, host, port) {
	if (!file || isLoopback(host)) return;
	try {
		fs.appendFileSync(
			file,
			`${JSON.stringify({ pid: process.pid, kind, host: String(host), port })}\n`,
		);
	} catch {
		// never break the process we observe
	}
}

if (file) {
	const lookup = dns.lookup;
	dns.lookup = function guardedLookup(hostname, ...rest) {
		record('dns', hostname);
		return lookup.call(this, hostname, ...rest);
	};
	const promisesLookup = dns.promises.lookup;
	dns.promises.lookup = function guardedPromisesLookup(hostname, ...rest) {
		record('dns', hostname);
		return promisesLookup.call(this, hostname, ...rest);
	};
	const connect = net.Socket.prototype.connect;
	net.Socket.prototype.connect = function guardedConnect(...args) {
		let target = args[0];
		if (Array.isArray(target)) target = target[0];
		if (target && typeof target === 'object') {
			if (!target.path) record('connect', target.host, target.port);
		} else if (typeof target === 'number' || /^\d+$/.test(String(target))) {
			record('connect', typeof args[1] === 'string' ? args[1] : undefined, Number(target));
		}
		return connect.apply(this, args);
	};
}
