/**
 * Compact storage for sets of order ids. Ids ending in digits (Giftronaut's look like
 * `OT20260415001234`) are grouped by prefix and digit count and kept as runs of consecutive
 * numbers, so a day of sequential ids costs a few bytes; any other id is stored as it is.
 */
type IdGroup = [prefix: string, width: number, runs: number[]];
export type PackedIds = Array<string | IdGroup>;

const NUMERIC_TAIL = /^(.*?)(\d{1,9})$/;

export function packIds(ids: Iterable<string>): PackedIds {
	const groups = new Map<string, { prefix: string; width: number; numbers: number[] }>();
	const plain: string[] = [];
	for (const id of ids) {
		const match = NUMERIC_TAIL.exec(id);
		if (!match) {
			plain.push(id);
			continue;
		}
		const [, prefix, digits] = match;
		const key = `${digits.length}:${prefix}`;
		let group = groups.get(key);
		if (!group) {
			group = { prefix, width: digits.length, numbers: [] };
			groups.set(key, group);
		}
		group.numbers.push(Number(digits));
	}
	const packed: PackedIds = [];
	for (const { prefix, width, numbers } of groups.values()) {
		numbers.sort((a, b) => a - b);
		// runs: start, length, then (gap after the previous run, length) pairs
		const runs: number[] = [];
		let runStart = numbers[0];
		let runEnd = numbers[0];
		let previousEnd = 0;
		const closeRun = () => {
			runs.push(runs.length === 0 ? runStart : runStart - previousEnd, runEnd - runStart + 1);
			previousEnd = runEnd + 1;
		};
		for (const value of numbers.slice(1)) {
			if (value === runEnd || value === runEnd + 1) {
				runEnd = value;
				continue;
			}
			closeRun();
			runStart = value;
			runEnd = value;
		}
		closeRun();
		packed.push([prefix, width, runs]);
	}
	return packed.concat(plain);
}

export function unpackIds(packed: unknown): string[] {
	if (!Array.isArray(packed)) return [];
	const ids: string[] = [];
	for (const entry of packed) {
		if (typeof entry === 'string') {
			ids.push(entry);
			continue;
		}
		if (!Array.isArray(entry) || entry.length !== 3 || !Array.isArray(entry[2])) continue;
		const [prefix, width, runs] = entry as IdGroup;
		let next = 0;
		for (let i = 0; i + 1 < runs.length; i += 2) {
			const start = i === 0 ? runs[0] : next + runs[i];
			for (let value = start; value < start + runs[i + 1]; value++) {
				ids.push(`${prefix}${String(value).padStart(width, '0')}`);
			}
			next = start + runs[i + 1];
		}
	}
	return ids;
}
