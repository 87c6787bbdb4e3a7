import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { orderPath } from '../shared/paths';
import type { OrderLister } from './listing';

export interface FoundOrder {
	order: IDataObject;
	/** The data already is the full order (it came from GET /orders/{id}). */
	full: boolean;
}

export interface ShapedOrders {
	items: IDataObject[];
	/** Include Full Order ran out of poll budget before these: the poll hands them to the next one. */
	deferred: IDataObject[];
}

/** GET answers that retrying cannot change: the order is emitted as listed instead. */
const PERMANENT = new Set(['403', '404']);

const summaryOf = (order: IDataObject): IDataObject => {
	const summary = { ...order };
	delete summary.recipients;
	return summary;
};

/**
 * List summaries by default; the full order (recipients, reward links) with Include Full Order.
 * The GETs count against the poll's budget; at least one is made per poll so a backlog always
 * moves. An order whose GET fails for good (403, 404) is emitted as listed, with the reason in
 * `fullOrderError`, instead of failing every poll from now on.
 */
export async function shapeOrders(
	lister: OrderLister,
	found: FoundOrder[],
	includeFullOrder: boolean,
): Promise<ShapedOrders> {
	const shaped: ShapedOrders = { items: [], deferred: [] };
	let fetched = 0;
	for (const { order, full } of found) {
		if (!includeFullOrder) {
			shaped.items.push(summaryOf(order));
			continue;
		}
		if (full) {
			shaped.items.push(order);
			continue;
		}
		if (fetched > 0 && lister.budget.spent) {
			shaped.deferred.push(order);
			continue;
		}
		fetched++;
		const id = String(order.orderId);
		let failure: unknown;
		const fetchedOrder = await lister.get(id).catch((error: unknown) => {
			failure = error;
			return undefined;
		});
		if (fetchedOrder) {
			shaped.items.push({ ...fetchedOrder, orderId: id });
			continue;
		}
		const httpCode = failure instanceof NodeApiError ? String(failure.httpCode) : '';
		if (!PERMANENT.has(httpCode)) throw failure;
		shaped.items.push({
			...summaryOf(order),
			fullOrderError: {
				httpCode,
				message: `The full order could not be fetched (GET ${orderPath(id)} answered HTTP ${httpCode}): emitted as listed, without recipients`,
			},
		});
	}
	return shaped;
}
