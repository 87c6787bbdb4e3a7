'use strict';

const { validationError } = require('./util');

/** Virtual clock: real time plus an offset that tests can advance. */
function createClock() {
	let offset = 0;
	return {
		now: () => Date.now() + offset,
		offset: () => offset,
		advance(ms) {
			if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
				throw validationError(
					`ms must be a non-negative number of milliseconds, got ${JSON.stringify(ms)}`,
				);
			}
			offset += ms;
			return Date.now() + offset;
		},
		reset() {
			offset = 0;
		},
	};
}

module.exports = { createClock };
