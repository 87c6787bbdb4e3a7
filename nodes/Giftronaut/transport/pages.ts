import { unwrapList } from './envelope';
import { apiRequest } from './request';
import type { GiftronautContext, PageWalk, PageWalkResult } from './types';

export const MAX_PAGE_SIZE = 100;

/**
 * Pages per docs/api-contract.md#paging: `page` from 1, `pageSize` ≤ 100, no total used. Ends on a
 * short page, on a page that brings nothing new (a server ignoring `page`), at `limit` or at the bound.
 * Called as `const walkOrders = walkPages<OrderSummary>; await walkOrders.call(this, walk)`:
 * `walkPages.call` on the generic itself would type every item as `unknown`.
 */
export async function walkPages<T>(
	this: GiftronautContext,
	walk: PageWalk<T>,
): Promise<PageWalkResult<T>> {
	const pageSize = Math.min(walk.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
	const maxPages = walk.maxPages ?? 1000;
	const seen = new Set<string>();
	const items: T[] = [];
	let page = walk.startPage ?? 1;
	for (let pages = 1; ; pages++, page++) {
		const response = await apiRequest.call(this, {
			method: 'GET',
			path: walk.path,
			qs: { ...walk.qs, page, pageSize },
			itemIndex: walk.itemIndex,
		});
		const pageItems = unwrapList<T>(response.body);
		let fresh = 0;
		for (const item of pageItems) {
			const id = walk.idOf(item);
			if (seen.has(id)) continue;
			seen.add(id);
			fresh++;
			if (walk.keep && !walk.keep(item)) continue;
			items.push(item);
			if (walk.limit !== undefined && items.length >= walk.limit) {
				return { items, pages, truncated: false, nextPage: page + 1 };
			}
		}
		const ended = pageItems.length < pageSize || fresh === 0;
		if (ended) return { items, pages, truncated: false };
		if (pages >= maxPages) return { items, pages, truncated: true, nextPage: page + 1 };
	}
}
