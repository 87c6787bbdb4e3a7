/**
 * One poll at a time per trigger in this process. n8n starts a poll on every tick even while the
 * previous one still runs (Retry-After waits, a long discovery, Include Full Order GETs); two polls
 * starting from the same saved state would emit the same orders. The lock is keyed by workflow id
 * and node id and lives in this module, which n8n loads once per process.
 */
/** A poll still running after this long is hung (n8n has abandoned it long ago): take over. */
const STALE_AFTER_MS = 30 * 60 * 1000;

const locks = new Map<string, { since: number }>();

export interface PollLock {
	/** Set when an earlier poll looked hung and this one took over. */
	tookOverMs?: number;
	release(): void;
}

/** The lock, or undefined when another poll of the same trigger is running. */
export function tryLockPoll(
	workflowId: string,
	nodeId: string,
	now = Date.now(),
): PollLock | undefined {
	const key = `${workflowId}\u0000${nodeId}`;
	const held = locks.get(key);
	if (held && now - held.since < STALE_AFTER_MS) return undefined;
	const token = { since: now };
	locks.set(key, token);
	return {
		tookOverMs: held ? now - held.since : undefined,
		release: () => {
			if (locks.get(key) === token) locks.delete(key);
		},
	};
}
