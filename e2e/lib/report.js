'use strict';

// One `OK …` / `FAIL …` line per check and the closing `N passed, N failed` line.
class Report {
	constructor() {
		this.passed = 0;
		this.failed = 0;
		this.prefix = '';
	}

	ok(name, detail) {
		this.passed++;
		process.stdout.write(`OK   ${this.prefix}${name}${detail ? ` — ${detail}` : ''}\n`);
	}

	fail(name, detail) {
		this.failed++;
		process.stdout.write(`FAIL ${this.prefix}${name}${detail ? ` — ${detail}` : ''}\n`);
	}

	info(text) {
		process.stdout.write(`     ${this.prefix}${text}\n`);
	}

	/** Runs one check: `fn` returns a detail string (OK) or throws (FAIL with the error's message). */
	async check(name, fn) {
		try {
			const detail = await fn();
			this.ok(name, typeof detail === 'string' ? detail : undefined);
			return true;
		} catch (error) {
			this.fail(name, oneLine(error && error.message ? error.message : String(error)));
			return false;
		}
	}

	summary() {
		process.stdout.write(`${this.passed} passed, ${this.failed} failed\n`);
	}
}

function oneLine(text, max = 600) {
	const flat = String(text).replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Throws with `message` unless `condition` holds. */
function expect(condition, message) {
	if (!condition) throw new Error(typeof message === 'function' ? message() : message);
}

function short(value, max = 200) {
	return oneLine(typeof value === 'string' ? value : JSON.stringify(value), max);
}

module.exports = { Report, expect, short, oneLine };
