import { sleep } from 'n8n-workflow';

/** Giftronaut counts requests per account per minute. */
const WINDOW_MS = 60_000;
const BACKOFF_FIRST_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;
/** Past this many requests in flight the governor stops counting: the node's own limit rules. */
const UNBOUNDED_CONCURRENCY = 64;
const MIN_PAUSE_MS = 250;
/**
 * Without a Retry-After, a 429 after at least this many of our own requests in the last minute
 * teaches the governor the account's pace; after fewer, others are using the quota and only
 * back-off helps.
 */
const MIN_LEARNED_PER_MINUTE = 10;

/**
 * One per account (credential + base URL) in this n8n process, so every request of a run, and of
 * the other executions running here at the same time, keeps to the same rate limit:
 * - after a 429 nobody sends until the wait is over: the server's Retry-After when it gives one,
 *   else until this process's own requests of the last minute have left Giftronaut's one-minute
 *   window, else (few such requests: another process used the quota) exponential back-off with
 *   jitter;
 * - after a 429 without Retry-After it keeps to the number of requests per minute that were sent
 *   before it (raised by a tenth after each quiet minute), so the limit is met instead of hit;
 * - the number of requests in flight halves on a 429 and grows by one after as many successes.
 */
export class RateGovernor {
	private pausedUntil = 0;

	private concurrency = Infinity;

	private inFlight = 0;

	private successes = 0;

	private backoffStep = 0;

	/** When this process's accepted requests were answered, oldest first (last minute only). */
	private accepted: number[] = [];

	private perMinute?: number;

	private perMinuteSince = 0;

	private readonly slotWaiters: Array<() => void> = [];

	/** Waits for a turn; returns a function to call with the outcome when the answer is in. */
	async acquire(): Promise<(outcome: 'accepted' | 'rateLimited' | 'other') => void> {
		for (;;) {
			const now = Date.now();
			const waitMs = Math.max(this.pausedUntil - now, this.windowWait(now));
			if (waitMs > 0) {
				await sleep(waitMs);
				continue;
			}
			if (this.inFlight >= this.concurrency) {
				await new Promise<void>((resolve) => this.slotWaiters.push(resolve));
				continue;
			}
			break;
		}
		this.inFlight++;
		// Counted as sent now, so the requests let through together cannot exceed the pace.
		const sentAt = Date.now();
		this.prune(sentAt);
		this.accepted.push(sentAt);
		let done = false;
		return (outcome) => {
			if (done) return;
			done = true;
			this.inFlight--;
			if (outcome === 'rateLimited') {
				const index = this.accepted.indexOf(sentAt);
				if (index >= 0) this.accepted.splice(index, 1);
			} else if (outcome === 'accepted') {
				this.onSuccess();
			}
			this.slotWaiters.shift()?.();
		};
	}

	/** After a 429: pause everyone and slow down. */
	rateLimited(retryAfterMs: number | undefined): void {
		const now = Date.now();
		this.prune(now);
		const inWindow = this.accepted.length;
		let waitMs: number;
		if (retryAfterMs !== undefined) {
			waitMs = retryAfterMs;
			this.backoffStep = 0;
		} else if (inWindow >= MIN_LEARNED_PER_MINUTE) {
			this.perMinute = Math.min(this.perMinute ?? Infinity, inWindow);
			this.perMinuteSince = now;
			waitMs = this.windowWait(now);
		} else {
			const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** this.backoffStep);
			this.backoffStep++;
			waitMs = ceiling / 2 + Math.random() * (ceiling / 2);
		}
		// A floor, and a little jitter so that requests released together do not arrive as one burst.
		waitMs = Math.max(MIN_PAUSE_MS, waitMs) + Math.random() * 50;
		this.pausedUntil = Math.max(this.pausedUntil, now + waitMs);
		this.concurrency = Math.max(1, Math.floor(Math.min(this.concurrency, this.inFlight + 1) / 2));
		this.successes = 0;
	}

	/** How long a request starting now would wait. */
	pauseRemainingMs(): number {
		const now = Date.now();
		return Math.max(0, this.pausedUntil - now, this.windowWait(now));
	}

	/** How long until a request may start without exceeding the pace learned from a 429. */
	private windowWait(now: number): number {
		if (this.perMinute === undefined) return 0;
		if (now - this.perMinuteSince >= WINDOW_MS) {
			this.perMinute += Math.ceil(this.perMinute / 10);
			this.perMinuteSince = now;
		}
		this.prune(now);
		if (this.accepted.length < this.perMinute) return 0;
		return this.accepted[this.accepted.length - this.perMinute] + WINDOW_MS - now + 1;
	}

	private prune(now: number): void {
		let drop = 0;
		while (drop < this.accepted.length && this.accepted[drop] <= now - WINDOW_MS) drop++;
		if (drop > 0) this.accepted.splice(0, drop);
	}

	private onSuccess(): void {
		this.backoffStep = 0;
		if (this.concurrency === Infinity) return;
		this.successes++;
		if (this.successes >= this.concurrency) {
			this.successes = 0;
			this.concurrency++;
			if (this.concurrency >= UNBOUNDED_CONCURRENCY) this.concurrency = Infinity;
		}
	}
}

const governors = new Map<string, RateGovernor>();

export function governorFor(account: string): RateGovernor {
	let governor = governors.get(account);
	if (!governor) {
		governor = new RateGovernor();
		governors.set(account, governor);
	}
	return governor;
}

/** Tests: a fresh n8n process. */
export function forgetGovernors(): void {
	governors.clear();
}
