/** Dates as n8n hands them to a node (a Luxon DateTime, a Date, or text) and as Giftronaut writes them. */

interface DateLike {
	toISO?: () => string | null;
}

/** A date parameter's value as text: ISO 8601 for a Date or a Luxon DateTime, trimmed text, else ''. */
export function dateText(value: unknown): string {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
	if (value && typeof value === 'object' && typeof (value as DateLike).toISO === 'function') {
		return (value as DateLike).toISO?.() ?? '';
	}
	return typeof value === 'string' ? value.trim() : '';
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
	const date = new Date(Date.UTC(year, month - 1, day));
	return (
		date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
	);
}

const DAY_PREFIX = /^(\d{4})-(\d{2})-(\d{2})/;

/** The `YYYY-MM-DD` a text starts with, unchecked (a timestamp of the API). */
export function dayPrefix(text: string): string | undefined {
	return DAY_PREFIX.exec(text)?.[0];
}

/**
 * The `YYYY-MM-DD` a date value starts with, when it is a real calendar day. The day is taken as
 * written, not converted to UTC: a date typed or picked in n8n carries the user's own day.
 */
export function calendarDayOf(value: unknown): string | undefined {
	const match = DAY_PREFIX.exec(dateText(value));
	if (!match) return undefined;
	const [year, month, day] = match.slice(1).map(Number);
	return isCalendarDate(year, month, day) ? match[0] : undefined;
}

const ZONE_SUFFIX = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Whether a timestamp ends in a zone (Z, +02:00, -0500): only then does it name one instant. */
export function hasZone(text: string): boolean {
	return ZONE_SUFFIX.test(text);
}
