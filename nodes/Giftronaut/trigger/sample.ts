import type { IDataObject } from 'n8n-workflow';

import { addDays, createdMs, dayOfMs } from './days';
import type { OrderLister, OrderQuery } from './listing';

const SAMPLE_SIZE = 3;
const PAGE = 100;

/**
 * "Fetch Test Event": the newest orders in the event's status, without touching the cursor. The
 * list order is undocumented, so both ends of the list are read and sorted by creation time.
 */
export async function sampleOrders(
	lister: OrderLister,
	status: string,
	now: number,
): Promise<IDataObject[]> {
	for (const startDate of [addDays(dayOfMs(now), -7), undefined]) {
		const query: OrderQuery = startDate ? { status, startDate } : { status };
		const total = await lister.count(query);
		if (total === 0) continue;
		const pages = [...new Set([1, Math.ceil(total / PAGE)])];
		const orders: IDataObject[] = [];
		for (const page of pages) orders.push(...(await lister.page(query, page)));
		const unique = [...new Map(orders.map((order) => [String(order.orderId), order])).values()];
		unique.sort(
			(a, b) =>
				createdMs(b.createdAt, String(b.orderId), lister.node) -
				createdMs(a.createdAt, String(a.orderId), lister.node),
		);
		return unique.slice(0, SAMPLE_SIZE);
	}
	return [];
}
