import { NodeApiError } from 'n8n-workflow';

import type { OrderSummary } from '../shared/types';
import { addDays } from './days';
import type { OrderPoll } from './poll';
import { OPEN_STATUSES, PAGE_SIZE } from './statuses';

/** Up to this many open orders are checked one by one instead of listing PENDING / IN_PROGRESS. */
const CHECK_ONE_BY_ONE = 3;

export interface MeasuredBaseline {
	day: string;
	count: number;
	changed: boolean;
}

/** How many orders in the event's status exist since the baseline day (compared with the last count). */
export async function measureBaseline(
	poll: OrderPoll,
	compare: boolean,
): Promise<MeasuredBaseline> {
	const previous = poll.state.baseline;
	const observe = (order: OrderSummary) => poll.observe(order);
	if (!compare || !previous) {
		// A count kept from earlier polls (or the window's size for completions, most orders
		// end up complete) says on which page to start looking for the end of the list.
		const hint = previous?.count ?? (poll.status === 'COMPLETE' ? poll.state.accounted : 0);
		const day = poll.baselineDay();
		const query = { status: poll.status, startDate: day };
		const count = await poll.lister.count(query, Math.floor(hint / PAGE_SIZE) + 1, observe);
		return { day, count, changed: true };
	}
	const query = { status: poll.status, startDate: previous.day };
	const probe = await poll.lister.probe(query, previous.count);
	probe.items.forEach(observe);
	const count = probe.total ?? (await poll.lister.count(query, probe.page, observe));
	return { day: previous.day, count, changed: probe.changed };
}

/**
 * Checks every open order not seen open in this poll: the PENDING / IN_PROGRESS lists, then the
 * event's list when it is shorter than one GET per missing order, then GET for the rest.
 */
export async function reconcile(poll: OrderPoll, eventCount: number): Promise<void> {
	const { state, lister } = poll;
	const unchecked = () => [...state.open.keys()].filter((id) => !poll.stillOpen.has(id));
	const earliestDay = (ids: string[]) => {
		let since = state.windowDay;
		for (const id of ids) {
			const start = addDays(state.open.get(id) as string, -1);
			if (start < since) since = start;
		}
		return since;
	};
	if (unchecked().length > CHECK_ONE_BY_ONE) {
		const since = earliestDay(unchecked());
		for (const status of OPEN_STATUSES) {
			await lister.sweep({
				query: { status, startDate: since },
				onItem: (order) => poll.observe(order),
				done: (total, distinct) => total !== undefined && distinct >= total,
			});
		}
		const missing = unchecked();
		if (missing.length > Math.ceil(eventCount / PAGE_SIZE)) {
			await lister.sweep({
				query: { status: poll.status, startDate: earliestDay(missing) },
				onItem: (order) => poll.observe(order),
				done: () => !missing.some((id) => state.open.has(id)),
				maxPasses: 1,
			});
		}
	}
	let leftOver = false;
	for (const id of unchecked()) {
		if (lister.budget.spent) {
			leftOver = true;
			break;
		}
		let failure: unknown;
		const order = await lister.get(id).catch((error: unknown) => {
			failure = error;
			return undefined;
		});
		if (!order) {
			const httpCode = failure instanceof NodeApiError ? String(failure.httpCode) : '';
			if (httpCode !== '404' && httpCode !== '403') throw failure;
			// Deleted or out of this client's reach: it can never be seen completing. Said, not dropped silently.
			poll.warn(
				`order ${id} is no longer visible (GET answered HTTP ${httpCode}); the trigger stops watching it`,
			);
			state.open.delete(id);
			continue;
		}
		// observe() keeps it open only when it is still PENDING / IN_PROGRESS
		poll.observe({ ...order, orderId: id }, true);
	}
	state.reconcileDue = leftOver;
	state.openAfterReconcile = state.open.size;
}

export async function settleBaseline(
	poll: OrderPoll,
	measured: { day: string; count: number } | undefined,
): Promise<void> {
	const state = poll.state;
	if (state.open.size === 0) {
		// Not compared while nothing is open; kept as a starting point for the next count.
		if (measured) state.baseline = { day: measured.day, count: measured.count };
		return;
	}
	if (!measured) return;
	let { day, count } = measured;
	const wanted = poll.baselineDay();
	if (wanted > day) {
		// Days before every open order and before the window: their counts can no longer change.
		count -= await poll.lister.count({
			status: poll.status,
			startDate: day,
			endDate: addDays(wanted, -1),
		});
		day = wanted;
	}
	state.baseline = { day, count: Math.max(0, count) };
}
