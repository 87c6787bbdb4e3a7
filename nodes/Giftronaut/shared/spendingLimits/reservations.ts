/**
 * Daily spend this process has let through but Giftronaut may not list yet (orders still being
 * sent), per account. Concurrent runs in one n8n process count each other's in-flight totals, so
 * they cannot both pass the Daily Limit; runs in other processes see each other only through the
 * orders list (the race window in the README).
 */
const inFlight = new Map<string, number>();

export function reservedCents(account: string): number {
	return inFlight.get(account) ?? 0;
}

/** Adds the run's total; call the returned function once the run's orders were sent (or failed). */
export function reserve(account: string, cents: number): () => void {
	inFlight.set(account, reservedCents(account) + cents);
	let released = false;
	return () => {
		if (released) return;
		released = true;
		const left = reservedCents(account) - cents;
		if (left > 0) inFlight.set(account, left);
		else inFlight.delete(account);
	};
}
