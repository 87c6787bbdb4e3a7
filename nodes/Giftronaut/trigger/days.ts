import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dayPrefix, hasZone } from '../shared/dates';

const DAY_MS = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD of an epoch-ms instant (UTC). */
export function dayOfMs(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
	return dayOfMs(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS);
}

/** Epoch numbers below this are seconds, above it milliseconds (year 5138 vs. 1973). */
const SECONDS_LIMIT = 1e11;
const BRACKET_ZONE = /\[[^\]]*\]$/;

/**
 * `createdAt` as epoch ms. Accepted: ISO 8601 with or without a zone (one without is read as UTC,
 * which keeps comparisons between the server's own timestamps consistent), a trailing `[Zone]`
 * (Java's `...Z[UTC]`), epoch seconds or milliseconds (number or digits). Anything else cannot be
 * placed in time, so the poll fails loudly naming the order instead of guessing.
 */
export function createdMs(createdAt: unknown, orderId: string, node: INode): number {
	if (typeof createdAt === 'number' || (typeof createdAt === 'string' && /^\d+$/.test(createdAt))) {
		const value = Number(createdAt);
		if (Number.isFinite(value) && value > 0) return value < SECONDS_LIMIT ? value * 1000 : value;
	} else if (typeof createdAt === 'string' && createdAt !== '') {
		const text = createdAt.trim().replace(BRACKET_ZONE, '');
		const parsed = Date.parse(hasZone(text) ? text : `${text}Z`);
		if (Number.isFinite(parsed)) return parsed;
	}
	throw new NodeOperationError(
		node,
		`Giftronaut listed order ${orderId} with a createdAt the trigger cannot read: ${JSON.stringify(createdAt ?? null)}`,
		{
			description:
				'The trigger places every order in time by its createdAt (ISO 8601 or epoch seconds / milliseconds). Without it, it cannot tell new orders from old ones, so it stops rather than miss or repeat one. Check the Base URL of the credential, or contact Giftronaut support with this order id.',
		},
	);
}

/** How far a zone-less wall-clock time can jump back when daylight saving ends. */
const ZONELESS_SLACK_MS = 2 * 60 * 60 * 1000;

/**
 * The latest instant `createdAt` may stand for, for comparisons with the cursor: a time without a
 * zone may be local time, which goes back by up to an hour or two when daylight saving ends.
 */
export function latestCreatedMs(createdAt: unknown, createdAtMs: number): number {
	const zoneless =
		typeof createdAt === 'string' &&
		/T\d/.test(createdAt) &&
		!hasZone(createdAt.replace(BRACKET_ZONE, ''));
	return zoneless ? createdAtMs + ZONELESS_SLACK_MS : createdAtMs;
}

/**
 * The creation day as the order shows it. The list filters are day-granular in a zone the docs do
 * not name, so every `startDate` built from this goes one day earlier.
 */
export function creationDay(createdAt: unknown, fallback: string): string {
	if (typeof createdAt === 'number')
		return dayOfMs(createdAt < SECONDS_LIMIT ? createdAt * 1000 : createdAt);
	return (typeof createdAt === 'string' ? dayPrefix(createdAt) : undefined) ?? fallback;
}
