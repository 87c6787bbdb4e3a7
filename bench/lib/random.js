'use strict';
/** Small deterministic PRNG (LCG), so a run can be replayed from its seed. */
function createRng(seed) {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}
function pickSome(items, count, rand) {
	const copy = [...items];
	const picked = [];
	while (picked.length < count && copy.length)
		picked.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]);
	return picked;
}
const pick = (list, rand) => list[Math.floor(rand() * list.length)];
module.exports = { createRng, pickSome, pick };
