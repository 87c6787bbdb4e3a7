/** A 429 past the budget still gets this long; after it the poll fails and the next one resumes. */
const MIN_RATE_LIMIT_WAIT_MS = 5_000;

/** Time this poll may spend on optional work (discovery, checks); what it found is still emitted. */
export class PollBudget {
	private readonly deadline: number;

	requests = 0;

	constructor(ms: number) {
		this.deadline = Date.now() + ms;
	}

	get spent(): boolean {
		return Date.now() > this.deadline;
	}

	/** How long a rate-limited request may wait: the budget left, or a short floor once it is spent. */
	get rateLimitPatienceMs(): number {
		return Math.max(this.deadline - Date.now(), MIN_RATE_LIMIT_WAIT_MS);
	}
}
