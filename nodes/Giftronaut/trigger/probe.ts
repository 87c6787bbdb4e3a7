import { MAX_PAGE_SIZE } from '../transport';
import type { OrderSummary } from '../shared/types';

const PAGE = MAX_PAGE_SIZE;

export interface ProbeResult {
	page: number;
	items: OrderSummary[];
	/** False when the list holds exactly the expected number of orders. */
	changed: boolean;
	/** The list's length, when this page tells it exactly. */
	total?: number;
	/** True when the list is shorter than expected. */
	shrank: boolean;
}

const sameOrders = (a: OrderSummary[], b: OrderSummary[]) =>
	a.length === b.length && a.every((order, i) => order.orderId === b[i].orderId);

/**
 * One request: does the list still hold exactly `expected` orders? Reads the page where the list
 * would end, whatever order the server lists in; more requests only when the answer is not plain.
 */
export async function probeListEnd(
	readPage: (page: number, pageSize?: number) => Promise<OrderSummary[]>,
	expected: number,
): Promise<ProbeResult> {
	if (expected > 0 && expected % PAGE === 0) {
		// At a multiple of 100 an empty next page would not show a shrink: ask with a page size
		// that puts the list's end inside a page, so one request still proves the exact length.
		const size = expected % (PAGE - 1) === 0 ? PAGE - 2 : PAGE - 1;
		const page = Math.floor(expected / size) + 1;
		const items = await readPage(page, size);
		if (items.length === expected - (page - 1) * size) {
			return { page: 0, items, changed: false, total: expected, shrank: false };
		}
	}
	const page = Math.floor(expected / PAGE) + 1;
	const items = await readPage(page);
	const onPage = expected - (page - 1) * PAGE;
	if (items.length === onPage && !(onPage === 0 && page > 1))
		return { page, items, changed: false, total: expected, shrank: false };
	if (items.length === onPage) {
		// Seen above: the list no longer reaches its last full page.
		const before = await readPage(page - 1);
		const total = (page - 2) * PAGE + before.length;
		return { page: page - 1, items: before, changed: true, total, shrank: before.length < PAGE };
	}
	if (items.length > 0 && items.length < PAGE && page > 1) {
		// A list that ends here has a full page before; a server that clamps a page past the end
		// to the last page does not.
		const before = await readPage(page - 1);
		if (before.length < PAGE) {
			const total = (page - 2) * PAGE + before.length;
			return { page: page - 1, items: before, changed: true, total, shrank: total < expected };
		}
	}
	if (items.length === PAGE && onPage < PAGE && page > 1) {
		// A full page where the list should end: it grew past it, or a server that clamps answered
		// a page past the end of a list that now ends on a full page (a shrink, seen only this way).
		const before = await readPage(page - 1);
		if (sameOrders(before, items)) {
			const total = (page - 1) * PAGE;
			return { page: page - 1, items: before, changed: true, total, shrank: total < expected };
		}
	}
	const total =
		items.length < PAGE && (items.length > 0 || page === 1)
			? (page - 1) * PAGE + items.length
			: undefined;
	return { page, items, changed: true, total, shrank: items.length < onPage };
}
