import { dateText, isCalendarDate } from '../../shared/dates';

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/;

/**
 * The wall-clock part of a date-time, as the `YYYY-MM-DDTHH:mm:ss` Giftronaut wants. Whatever
 * offset or zone suffix follows (Z, +02:00, [Europe/Paris]) is ignored: the user means that time
 * in the Timezone parameter. Undefined when the value has no valid date and time.
 */
export function toLocalDateTime(value: unknown): string | undefined {
	const match = WALL_CLOCK.exec(dateText(value));
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
	if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59)
		return undefined;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${match[1]}-${match[2]}-${match[3]}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** An IANA zone name such as America/New_York (not a bare offset like +02:00). */
export function isValidTimeZone(timeZone: string): boolean {
	if (!timeZone || /^[+-]/.test(timeZone)) return false;
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

function offsetMs(instant: number, timeZone: string): number {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
		parts[part.type] = Number(part.value);
	}
	const asUtc = Date.UTC(
		parts.year,
		parts.month - 1,
		parts.day,
		parts.hour,
		parts.minute,
		parts.second,
	);
	return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant (epoch ms) of a local `YYYY-MM-DDTHH:mm:ss` in an IANA zone. */
export function localToEpochMs(local: string, timeZone: string): number {
	const [year, month, day, hour, minute, second] = (WALL_CLOCK.exec(local) ?? [])
		.slice(1)
		.map(Number);
	const guess = Date.UTC(year, month - 1, day, hour, minute, second);
	const first = guess - offsetMs(guess, timeZone);
	return guess - offsetMs(first, timeZone);
}
