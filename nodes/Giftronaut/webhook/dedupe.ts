import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * De-duplication by `eventId` (docs/api-contract.md#delivery: at least once, unordered).
 *
 * Giftronaut's own retries of one event end within about 1.5 minutes (five retries 1–16 s apart,
 * each attempt allowed 10 s), so the ids that matter are recent ones. The trigger remembers the
 * ids of the last 24 hours, but never more than MAX_REMEMBERED of them, whichever is fewer: a busy
 * account still gets at least the retry window covered, and the workflow's static data stays small
 * (12 characters per id: a 72-bit hash of it, grouped by hour).
 *
 * n8n saves workflow static data after each production webhook call, but every call reads it
 * from the database when it starts, so two calls at the same moment cannot see each other's id.
 * A per-process memory covers that gap (a duplicate arriving while the first copy is being
 * handled), and every later signed call writes back the ids this process recorded in the last
 * 30 s that its loaded copy lacks, so a save that raced another one does not lose them for good.
 */
export const MAX_REMEMBERED = 4000;
export const REMEMBER_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const DIGEST_CHARS = 12;
const RECENT_WRITE_BACK = 64;
/** How long after its own call an id is checked for in what later calls load (n8n saves in seconds). */
const WRITE_BACK_MS = 30_000;
const MAX_TRIGGERS_IN_MEMORY = 200;
const STATE_KEY = 'seenEvents';

interface TriggerMemory {
	/** digest → when it was seen (ms), in the order seen */
	seen: Map<string, number>;
	/** the last few digests: [digest, hour, ms], written back when a later call's data lacks them */
	recent: Array<[string, number, number]>;
}

const memory = new Map<string, TriggerMemory>();

function memoryOf(triggerKey: string): TriggerMemory {
	let found = memory.get(triggerKey);
	if (found) {
		memory.delete(triggerKey);
	} else {
		found = { seen: new Map(), recent: [] };
		if (memory.size >= MAX_TRIGGERS_IN_MEMORY) memory.delete(memory.keys().next().value as string);
	}
	memory.set(triggerKey, found);
	return found;
}

export function digestOf(eventId: string): string {
	return createHash('sha256').update(eventId).digest('base64url').slice(0, DIGEST_CHARS);
}

/** hour number (ms / 1 h) → the digests seen in that hour, concatenated, oldest first */
type HourBuckets = Record<string, string>;

function bucketsOf(staticData: IDataObject): HourBuckets {
	const state = staticData[STATE_KEY] as { hours?: unknown } | undefined;
	const hours = state?.hours;
	if (!hours || typeof hours !== 'object') return {};
	const copy: HourBuckets = {};
	for (const [hour, digests] of Object.entries(hours as Record<string, unknown>)) {
		if (typeof digests === 'string' && /^\d+$/.test(hour)) copy[hour] = digests;
	}
	return copy;
}

function bucketHas(digests: string, digest: string): boolean {
	for (let at = digests.indexOf(digest); at !== -1; at = digests.indexOf(digest, at + 1)) {
		if (at % DIGEST_CHARS === 0) return true;
	}
	return false;
}

export class EventDeduper {
	private readonly memory: TriggerMemory;

	constructor(
		private readonly staticData: IDataObject,
		triggerKey: string,
		private readonly now: number = Date.now(),
	) {
		this.memory = memoryOf(triggerKey);
	}

	/** Whether the event was seen before, by this process or by any saved call. */
	has(eventId: string): boolean {
		const digest = digestOf(eventId);
		const seenAt = this.memory.seen.get(digest);
		if (seenAt !== undefined && this.now - seenAt < REMEMBER_MS) return true;
		const oldest = this.oldestHour();
		return Object.entries(bucketsOf(this.staticData)).some(
			([hour, digests]) => Number(hour) >= oldest && bucketHas(digests, digest),
		);
	}

	/** Remember the event, in this process at once and in the static data n8n saves. */
	record(eventId: string): void {
		const digest = digestOf(eventId);
		const hour = Math.floor(this.now / HOUR_MS);
		const { seen, recent } = this.memory;
		seen.delete(digest);
		seen.set(digest, this.now);
		if (seen.size > MAX_REMEMBERED) seen.delete(seen.keys().next().value as string);

		const buckets = this.prunedBuckets();
		this.writeBack(buckets);
		buckets[String(hour)] = (buckets[String(hour)] ?? '') + digest;
		recent.push([digest, hour, this.now]);
		if (recent.length > RECENT_WRITE_BACK) recent.shift();
		this.save(buckets);
	}

	/** For a call that records nothing: repair what an earlier racing save lost, if anything. */
	heal(): void {
		const buckets = this.prunedBuckets();
		if (this.writeBack(buckets)) this.save(buckets);
	}

	/** Our recent ids missing from what this call loaded: a save raced ours. Put them back. */
	private writeBack(buckets: HourBuckets): boolean {
		const oldest = this.oldestHour();
		let changed = false;
		for (const [digest, hour, at] of this.memory.recent) {
			if (this.now - at > WRITE_BACK_MS || hour < oldest) continue;
			const key = String(hour);
			if (!bucketHas(buckets[key] ?? '', digest)) {
				buckets[key] = (buckets[key] ?? '') + digest;
				changed = true;
			}
		}
		return changed;
	}

	/** Undo record() when the event could not be handled, so that its retry is not dropped. */
	forget(eventId: string): void {
		const digest = digestOf(eventId);
		this.memory.seen.delete(digest);
		this.memory.recent = this.memory.recent.filter(([recentDigest]) => recentDigest !== digest);
		const buckets = bucketsOf(this.staticData);
		for (const [hour, digests] of Object.entries(buckets)) {
			let kept = '';
			for (let at = 0; at < digests.length; at += DIGEST_CHARS) {
				const one = digests.slice(at, at + DIGEST_CHARS);
				if (one !== digest) kept += one;
			}
			buckets[hour] = kept;
		}
		this.save(buckets);
	}

	private oldestHour(): number {
		return Math.floor((this.now - REMEMBER_MS) / HOUR_MS) + 1;
	}

	private prunedBuckets(): HourBuckets {
		const oldest = this.oldestHour();
		const buckets = bucketsOf(this.staticData);
		for (const hour of Object.keys(buckets)) {
			if (Number(hour) < oldest || buckets[hour] === '') delete buckets[hour];
		}
		return buckets;
	}

	private save(buckets: HourBuckets): void {
		const hours = Object.keys(buckets).sort((a, b) => Number(a) - Number(b));
		let excess =
			hours.reduce((sum, hour) => sum + buckets[hour].length / DIGEST_CHARS, 0) - MAX_REMEMBERED;
		const kept: HourBuckets = {};
		for (const hour of hours) {
			let digests = buckets[hour];
			if (excess > 0) {
				const drop = Math.min(excess, digests.length / DIGEST_CHARS);
				digests = digests.slice(drop * DIGEST_CHARS);
				excess -= drop;
			}
			if (digests) kept[hour] = digests;
		}
		this.staticData[STATE_KEY] = { hours: kept };
	}
}
