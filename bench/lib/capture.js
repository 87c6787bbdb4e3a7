'use strict';
// Captures everything the process logs while the benchmark runs, for the secret-leak check:
// n8n's LoggerProxy (at debug level), console.* and raw writes to stdout/stderr.
const util = require('node:util');

function startCapture() {
	const chunks = [];
	const push = (text) => {
		chunks.push(text);
	};
	const { LoggerProxy } = require('n8n-workflow');
	const levels = ['error', 'warn', 'info', 'debug'];
	const logger = {};
	for (const level of levels) {
		logger[level] = (message, meta) => push(`[${level}] ${String(message)} ${safeInspect(meta)}\n`);
	}
	logger.scoped = () => logger;
	LoggerProxy.init(logger);

	const originals = { out: process.stdout.write, err: process.stderr.write };
	const wrap = (original) =>
		function write(chunk, ...rest) {
			push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
			return original.call(this, chunk, ...rest);
		};
	process.stdout.write = wrap(originals.out);
	process.stderr.write = wrap(originals.err);
	return {
		text: () => chunks.join(''),
		/** Bounded memory: the soak logs a lot; leaks are checked per phase, then dropped. */
		drain: () => chunks.splice(0, chunks.length).join(''),
		stop() {
			process.stdout.write = originals.out;
			process.stderr.write = originals.err;
		},
	};
}

function safeInspect(value) {
	if (value === undefined) return '';
	try {
		return util.inspect(value, { depth: 6, showHidden: true, breakLength: Infinity });
	} catch {
		return '[uninspectable]';
	}
}

module.exports = { startCapture, safeInspect };
