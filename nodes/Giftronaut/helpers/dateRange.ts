import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { calendarDayOf } from '../shared/dates';
import { inputError } from './perItem';

/** The API filters by day (`YYYY-MM-DD`), taken as written (shared/dates.ts). */
function toApiDate(
	this: IExecuteFunctions,
	value: unknown,
	field: string,
	itemIndex: number,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const day = calendarDayOf(value);
	if (day) return day;
	throw inputError.call(
		this,
		itemIndex,
		`${field} "${String(value)}" is not a valid date`,
		`Pick a date or enter one as YYYY-MM-DD, e.g. 2026-04-15.`,
	);
}

/** `startDate`/`endDate` of a Filters collection as query parameters, checked and in order. */
export function dateRangeQuery(
	this: IExecuteFunctions,
	filters: IDataObject,
	itemIndex: number,
): IDataObject {
	const startDate = toApiDate.call(this, filters.startDate, 'Start Date', itemIndex);
	const endDate = toApiDate.call(this, filters.endDate, 'End Date', itemIndex);
	if (startDate && endDate && endDate < startDate) {
		throw inputError.call(
			this,
			itemIndex,
			`End Date ${endDate} is before Start Date ${startDate}`,
			'Swap the two dates, or remove one of them.',
		);
	}
	return { ...(startDate ? { startDate } : {}), ...(endDate ? { endDate } : {}) };
}
