import type { IExecuteFunctions } from 'n8n-workflow';

import { hasZone } from '../../shared/dates';

/** Giftronaut keeps an idempotency key for 24 hours after it first saw it. */
export const KEY_WINDOW_MS = 24 * 60 * 60 * 1000;

const MAX_KEYS = 50_000;
const MAX_EXECUTIONS = 500;

/**
 * When this process first sent each key (the start of its 24-hour window, or a little before).
 * Process memory only: after an n8n restart the first attempt is the next one, unless Giftronaut
 * returns the order and its creation time.
 */
const firstSent = new Map<string, number>();
/** Keys each execution's node already sent, so a Retry On Fail try knows its replays are its own. */
const sentByExecution = new Map<string, Set<string>>();

function trim<K, V>(map: Map<K, V>, max: number, stale?: (value: V) => boolean): void {
	if (map.size <= max) return;
	for (const [name, value] of map) {
		if (map.size <= max * 0.9) return;
		if (!stale || stale(value)) map.delete(name);
	}
	// Still too many fresh entries: drop the oldest.
	for (const name of map.keys()) {
		if (map.size <= max * 0.9) return;
		map.delete(name);
	}
}

export interface Attempt {
	/** Epoch ms of the first attempt this process knows of for the key. */
	firstAttemptAt: number;
	/** True when an earlier try of this same execution already sent the key. */
	sentEarlierInExecution: boolean;
}

const executionOfContext = new WeakMap<IExecuteFunctions, string>();

/** The execution and node a context runs for; getNode() deep-copies the node, so once per run. */
function executionOf(context: IExecuteFunctions): string {
	let execution = executionOfContext.get(context);
	if (execution === undefined) {
		execution = `${context.getExecutionId()}\u0000${context.getNode().name}`;
		executionOfContext.set(context, execution);
	}
	return execution;
}

/** Records that the key is about to be sent by this execution's node. */
export function noteAttempt(this: IExecuteFunctions, key: string): Attempt {
	const now = Date.now();
	const known = firstSent.get(key);
	const firstAttemptAt = known !== undefined && now - known < KEY_WINDOW_MS ? known : now;
	firstSent.set(key, firstAttemptAt);
	trim(firstSent, MAX_KEYS, (at) => now - at >= KEY_WINDOW_MS);

	const execution = executionOf(this);
	let keys = sentByExecution.get(execution);
	if (!keys) {
		keys = new Set();
		sentByExecution.set(execution, keys);
		trim(sentByExecution, MAX_EXECUTIONS);
	}
	const sentEarlierInExecution = keys.has(key);
	keys.add(key);
	return { firstAttemptAt, sentEarlierInExecution };
}

/** "2026-12-03T06:40:00Z": the end of the key's window, from its first attempt or the order's creation. */
export function windowEnd(firstAttemptAt: number, createdAt?: unknown): string {
	// Only a time with its zone can be trusted; a zone-less one is left to the first attempt.
	const zoned = typeof createdAt === 'string' && hasZone(createdAt);
	const created = zoned ? Date.parse(createdAt) : NaN;
	const start = Number.isFinite(created) ? Math.min(created, firstAttemptAt) : firstAttemptAt;
	return new Date(start + KEY_WINDOW_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
