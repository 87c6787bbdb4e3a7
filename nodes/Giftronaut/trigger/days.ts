const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

/** YYYY-MM-DD of an epoch-ms instant (UTC). */
export function dayOfMs(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
	return dayOfMs(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
}

/**
 * `createdAt` as epoch ms. The docs show timestamps with and without a zone; one without is read
 * as UTC, which keeps every comparison consistent. Unreadable → +Infinity (always "new").
 */
export function createdMs(createdAt: unknown): number {
	if (typeof createdAt !== 'string' || createdAt === '') return Number.POSITIVE_INFINITY;
	const parsed = Date.parse(HAS_ZONE.test(createdAt) ? createdAt : `${createdAt}Z`);
	return Number.isFinite(parsed) ? parsed : Number.POSITIVE_INFINITY;
}

/**
 * The creation day as the order shows it. The list filters are day-granular in a zone the docs do
 * not name, so every `startDate` built from this goes one day earlier.
 */
export function creationDay(createdAt: unknown, fallback: string): string {
	const match = typeof createdAt === 'string' ? DATE_PREFIX.exec(createdAt) : null;
	return match ? match[1] : fallback;
}
