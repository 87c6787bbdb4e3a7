import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { walkPages } from '../../transport';
import { addDays, createdMs, dayOfMs } from '../../trigger/days';
import type { Money } from '../types';
import { toCents } from './limits';

/** The account's day: Giftronaut's date filters are by UTC creation day (docs/api-contract.md#spending). */
export const utcDay = (now = Date.now()) => new Date(now).toISOString().slice(0, 10);

/** Whether a listed order was created on `day` (UTC); one whose time cannot be read counts as today. */
function createdOn(order: IDataObject, day: string, context: IExecuteFunctions): boolean {
	try {
		return dayOfMs(createdMs(order.createdAt, String(order.orderId), context.getNode())) === day;
	} catch {
		return true;
	}
}

/**
 * What the account already ordered today, in USD cents, summing `totalCost`. The list's day filter
 * has no documented time zone, so it asks for a day either side and keeps the orders whose
 * `createdAt` falls on today in UTC. Canceled orders count too (a refund is not certain). Orders
 * listed with one of this run's idempotency keys are left out: a retry or re-run only replays them.
 */
export async function spentTodayCents(
	this: IExecuteFunctions,
	day: string,
	itemIndex: number,
	ownKeys: Set<string>,
): Promise<number> {
	const { items, truncated } = await walkPages.call(this, {
		path: '/api/v1/orders',
		qs: { startDate: addDays(day, -1), endDate: addDays(day, 1) },
		idOf: (order) => String((order as IDataObject).orderId),
		keep: (order) => createdOn(order as IDataObject, day, this),
		maxPages: 50,
		itemIndex,
	});
	const foreign = new Set<string>();
	let cents = 0;
	for (const order of items as IDataObject[]) {
		const cost = order.totalCost as Money | undefined;
		if (!cost || typeof cost.amount !== 'number') continue;
		// This run's own order from an earlier try: sending it again is a replay, charged once.
		if (typeof order.idempotencyKey === 'string' && ownKeys.has(order.idempotencyKey)) continue;
		if (cost.currency !== 'USD') foreign.add(String(cost.currency));
		else cents += toCents(cost.amount);
	}
	if (truncated || foreign.size) {
		const why = truncated
			? 'more than 5,000 orders were listed around today'
			: `today's orders include some in ${[...foreign].join(', ')}, and Giftronaut does not publish the rate it charges those at in USD`;
		throw new NodeOperationError(
			this.getNode(),
			`Daily Limit: today's spend could not be added up (${why}), so nothing was ordered`,
			{
				itemIndex,
				description:
					'The Daily Limit is set in the Giftronaut credential used by this node; clear it there to send without the check.',
			},
		);
	}
	return cents;
}
