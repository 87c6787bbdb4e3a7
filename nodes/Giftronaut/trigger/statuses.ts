import type { IDataObject } from 'n8n-workflow';

/** The event statuses the trigger emits on, and the order statuses it watches. */
export type EventStatus = 'COMPLETE' | 'CANCELED';
export const OPEN_STATUSES = ['PENDING', 'IN_PROGRESS'];
/** Orders may become visible in the list this late after their `createdAt`. */
export const VISIBILITY_LAG_MS = 60_000;
export const PAGE_SIZE = 100;

export interface TriggerFilters extends IDataObject {
	cardType?: string;
	orderType?: string;
}

export function stateSignature(status: EventStatus, filters: TriggerFilters): string {
	return [status, filters.cardType ?? '', filters.orderType ?? ''].join('|');
}

export const isOpen = (status: unknown) => OPEN_STATUSES.includes(String(status));
