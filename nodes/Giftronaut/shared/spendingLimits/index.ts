import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	checkDaily,
	checkEachOrder,
	checkRunTotal,
	hasAnyLimit,
	readSpendingLimits,
	type GuardedOrder,
	type Refusal,
} from './limits';
import { reserve, reservedCents } from './reservations';
import { spentTodayCents, utcDay } from './todaySpend';

export type { GuardedOrder } from './limits';

export interface SpendingCheck {
	/** Items refused, each with the error to show; empty when the run may go ahead whole. */
	refused: Map<number, Error>;
	/** Today's spend read from Giftronaut (USD cents), when a Daily Limit is set. */
	spentTodayCents?: number;
	/** Call once the orders were sent or failed: ends this run's share of the in-flight daily total. */
	release: () => void;
}

const noReservation = () => undefined;

function asError(context: IExecuteFunctions, refusal: Refusal): NodeOperationError {
	return new NodeOperationError(context.getNode(), refusal.message, {
		itemIndex: refusal.itemIndexes[0],
		description: refusal.description,
	});
}

/**
 * The credential's spending limits, checked before any order request (docs/api-contract.md#spending).
 * Call it with every order the run plans, after all other checks and right before sending.
 *
 * - Without Continue On Fail the first refusal is thrown: nothing may be sent.
 * - With Continue On Fail, orders refused on their own (product, per order) are returned in
 *   `refused` and the rest go on; a per-run or daily refusal refuses every item of the run.
 *
 * Drop every order with an item in `refused` before sending.
 */
export async function enforceSpendingLimits(
	this: IExecuteFunctions,
	orders: GuardedOrder[],
	options: { continueOnFail: boolean },
): Promise<SpendingCheck> {
	const refused = new Map<number, Error>();
	const done = { refused, release: noReservation };
	if (orders.length === 0) return done;
	const credentials = await this.getCredentials('giftronautApi');
	const limits = readSpendingLimits(credentials);
	if (!hasAnyLimit(limits)) return done;
	const refuse = (refusal: Refusal) => {
		const error = asError(this, refusal);
		if (!options.continueOnFail) throw error;
		for (const itemIndex of refusal.itemIndexes) refused.set(itemIndex, error);
	};
	for (const refusal of checkEachOrder(limits, orders)) refuse(refusal);
	const remaining = orders.filter((order) => !order.itemIndexes.some((i) => refused.has(i)));
	const runRefusal = checkRunTotal(limits, remaining);
	if (runRefusal) {
		refuse(runRefusal);
		return done;
	}
	if (limits.dailyLimitCents === undefined || remaining.length === 0) return done;
	const day = utcDay();
	const account = `${String(credentials.baseUrl)}|${String(credentials.clientId)}|${day}`;
	const ownKeys = new Set(remaining.flatMap((order) => order.idempotencyKey ?? []));
	const reading = spentTodayCents.call(this, day, remaining[0].itemIndexes[0], ownKeys);
	const spent = options.continueOnFail
		? await reading.catch((error: Error) => error)
		: await reading;
	if (spent instanceof Error) {
		for (const order of remaining) for (const i of order.itemIndexes) refused.set(i, spent);
		return done;
	}
	// No await from here to reserve(): the check and the reservation are one step for this process.
	const counted = spent + reservedCents(account);
	const dailyRefusal = checkDaily(limits, remaining, counted, day);
	if (dailyRefusal) {
		refuse(dailyRefusal);
		return { ...done, spentTodayCents: counted };
	}
	const total = remaining.reduce((sum, order) => sum + order.totalCents, 0);
	return { refused, spentTodayCents: counted, release: reserve(account, total) };
}
