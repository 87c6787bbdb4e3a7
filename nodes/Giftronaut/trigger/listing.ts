import type { IDataObject, INode, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MAX_PAGE_SIZE, apiRequest, unwrapList } from '../transport';
import { API_PATHS } from '../shared/paths';
import { getOrder } from '../shared/requests';
import type { OrderSummary } from '../shared/types';
import type { PollBudget } from './budget';
import { createdMs } from './days';
import { PagePlan, lastPageOf, listsNewestFirst } from './pages';
import { probeListEnd, type ProbeResult } from './probe';

const PAGE = MAX_PAGE_SIZE;
const ORDERS_PATH = API_PATHS.orders;
/** No count search goes past this page (10 million orders). */
const MAX_COUNT_PAGE = 100_000;
/** Lists this short are read again when a pass missed orders (a reshuffled list can hide some). */
const SMALL_LIST_PAGES = 5;
const SMALL_LIST_PASSES = 3;
const MAX_PASSES = 10;

export interface OrderQuery {
	status?: string;
	startDate?: string;
	endDate?: string;
}

export interface SweepOptions {
	query: OrderQuery;
	/** The list's length, if known. */
	total?: number;
	/** A page known to be full (the count probe's): the list is at least that long. */
	fullPage?: number;
	/** Pages already fetched (the probe, page 1), so they are not fetched again. */
	fetched?: Array<{ page: number; items: OrderSummary[] }>;
	/** Page numbers where an earlier, unfinished sweep stopped. */
	resume?: [number, number] | null;
	/** Returns true when the order was new to the caller (steers the sweep towards that end). */
	onItem: (order: OrderSummary) => boolean | void;
	/** Checked after every page: stop once the caller has what it needs. */
	done: (total: number | undefined, distinct: number) => boolean;
	/** Whole passes over the list (a list served in a new random order per request needs more). */
	maxPasses?: number;
	/** Keep making passes (up to a bound) while the last one still found new orders. */
	passWhileFinding?: boolean;
}

export interface SweepResult {
	total?: number;
	done: boolean;
	/** Every page of the list was read at least once and the caller is still not done. */
	covered: boolean;
	/** Set when the budget ran out: where to carry on. */
	resume: [number, number] | null;
}

/** Reads `GET /api/v1/orders` with the node's filters: pages, count probes and sweeps. */
export class OrderLister {
	constructor(
		private readonly context: IPollFunctions,
		private readonly filters: IDataObject,
		readonly budget: PollBudget,
	) {}

	get node(): INode {
		return this.context.getNode();
	}

	/** The server's clock (its `Date` header, to the second) when it answered this poll's first list request. */
	firstAnswerMs: number | undefined;

	/** The server's clock at the latest answer. */
	lastAnswerMs: number | undefined;

	private answered = false;

	/** Every page this poll read that tells its order listed newest first (undefined: none told). */
	newestFirst: boolean | undefined;

	/** Full pages seen this poll, by query and content: the same full page twice means `page` is ignored. */
	private readonly fullPages = new Map<string, number>();

	async page(query: OrderQuery, page: number, pageSize = PAGE): Promise<OrderSummary[]> {
		this.budget.requests++;
		const response = await apiRequest.call(this.context, {
			method: 'GET',
			path: ORDERS_PATH,
			qs: { ...this.filters, ...query, page, pageSize },
			rateLimitPatienceMs: this.budget.rateLimitPatienceMs,
		});
		const serverMs = Date.parse(response.serverDate ?? '');
		if (Number.isFinite(serverMs)) this.lastAnswerMs = serverMs;
		if (!this.answered) this.firstAnswerMs = this.lastAnswerMs;
		this.answered = true;
		const items = unwrapList<OrderSummary>(response.body).filter(
			(order) => order && typeof order.orderId === 'string',
		);
		this.noteOrder(items);
		if (items.length === PAGE && pageSize === PAGE && (await this.pastTheEnd(query, page, items)))
			return [];
		return items;
	}

	private noteOrder(items: OrderSummary[]): void {
		let times: number[];
		try {
			times = items.map((order) => createdMs(order.createdAt, order.orderId, this.node));
		} catch {
			return; // an unreadable createdAt fails the poll where it matters (discovery)
		}
		const newestFirst = listsNewestFirst(times);
		if (newestFirst !== undefined) this.newestFirst = (this.newestFirst ?? true) && newestFirst;
	}

	/**
	 * Counting and sweeping rely on `page` being honoured. A server that ignores it would make every
	 * page look full, so the poll would walk a phantom list of millions of orders: fail loudly instead.
	 * A server that answers a page past the end with the last page is fine: that page counts as empty.
	 */
	private async pastTheEnd(
		query: OrderQuery,
		page: number,
		items: OrderSummary[],
	): Promise<boolean> {
		const content = items
			.map((order) => order.orderId)
			.sort()
			.join(',');
		const key = `${JSON.stringify(query)}|${content}`;
		const earlier = this.fullPages.get(key);
		if (earlier !== undefined && earlier !== page) {
			// The same full page under two numbers: the higher one was past the end, on a server that
			// clamps. A repeat of page 1 is also what a list of exactly 100 orders looks like there;
			// then page 2 of 99 holds the 100th order alone.
			if (Math.min(earlier, page) > 1 || (await this.page(query, 2, PAGE - 1)).length < PAGE - 1) {
				if (earlier < page) return true;
				this.fullPages.set(key, page);
				return false;
			}
			throw new NodeOperationError(
				this.context.getNode(),
				`Giftronaut returned the same ${PAGE} orders for pages ${earlier} and ${page} of GET ${ORDERS_PATH}: the server ignores the page parameter`,
				{
					description:
						'The trigger reads the order list page by page and cannot work while paging is broken. Check the Base URL of the credential (a proxy in between may drop query parameters), or contact Giftronaut support.',
				},
			);
		}
		this.fullPages.set(key, page);
		return false;
	}

	async get(orderId: string): Promise<IDataObject> {
		this.budget.requests++;
		return await getOrder.call(this.context, orderId, {
			rateLimitPatienceMs: this.budget.rateLimitPatienceMs,
		});
	}

	/**
	 * One request: does the list still hold exactly `expected` orders? Reads the page where the
	 * list would end, whatever order the server lists in (probe.ts).
	 */
	async probe(query: OrderQuery, expected: number): Promise<ProbeResult> {
		return await probeListEnd(async (page, size) => await this.page(query, page, size), expected);
	}

	/**
	 * The list's exact length, by galloping and bisecting over page numbers (log(pages) requests).
	 * `firstPageItems`: page `firstPage` when the caller has already read it.
	 */
	async count(
		query: OrderQuery,
		firstPage = 1,
		onItem?: (order: OrderSummary) => unknown,
		firstPageItems?: OrderSummary[],
	): Promise<number> {
		const start = Math.max(1, firstPage);
		let full = 0;
		let page = start;
		let step = 1;
		let notFull = 0;
		let notFullLength = 0;
		let known = firstPageItems;
		for (;;) {
			const items = known ?? (await this.page(query, page));
			known = undefined;
			items.forEach((order) => onItem?.(order));
			if (items.length < PAGE) {
				if (items.length > 0) return (page - 1) * PAGE + items.length;
				notFull = page;
				notFullLength = 0;
				break;
			}
			full = page;
			page = Math.min(start + step, MAX_COUNT_PAGE);
			step *= 2;
			if (page === full) return full * PAGE;
		}
		while (notFull - full > 1) {
			const middle = Math.floor((full + notFull) / 2);
			const items = await this.page(query, middle);
			items.forEach((order) => onItem?.(order));
			if (items.length === PAGE) {
				full = middle;
			} else {
				notFull = middle;
				notFullLength = items.length;
				if (items.length > 0) break;
			}
		}
		return (notFull - 1) * PAGE + notFullLength;
	}

	/** Reads pages until `done` says so, the list is covered `maxPasses` times, or the budget is spent. */
	async sweep(options: SweepOptions): Promise<SweepResult> {
		let total = options.total;
		const distinct = new Set<string>();
		let plan = new PagePlan(options.resume);
		let maxFull = options.fullPage ?? 0;
		plan.setTotal(total);
		const absorb = (page: number, items: OrderSummary[]): number => {
			plan.visit(page);
			let fresh = 0;
			for (const order of items) {
				distinct.add(order.orderId);
				if (options.onItem(order)) fresh++;
			}
			if (items.length === PAGE) {
				maxFull = Math.max(maxFull, page);
				if (total !== undefined && total < page * PAGE) total = undefined;
			} else if (items.length > 0 || page === 1) {
				total = Math.max(total ?? 0, (page - 1) * PAGE + items.length);
			}
			plan.setTotal(total);
			return fresh;
		};
		for (const fetched of options.fetched ?? []) absorb(fetched.page, fetched.items);
		for (let pass = 1; ; pass++) {
			let freshInPass = 0;
			while (!options.done(total, distinct.size)) {
				if (this.budget.spent) {
					return { total, done: false, covered: false, resume: plan.resumePoint() };
				}
				if (total === undefined) {
					if (plan.visited.has(1)) {
						// The list is longer than known: find its end in a few requests, not page by page.
						total = await this.count(options.query, maxFull + 1, options.onItem);
						plan.setTotal(total);
					} else {
						absorb(1, await this.page(options.query, 1));
					}
					continue;
				}
				const page = plan.next();
				if (page === undefined) break;
				const fresh = absorb(page, await this.page(options.query, page));
				plan.recordYield(fresh);
				freshInPass += fresh;
			}
			if (options.done(total, distinct.size)) {
				return { total, done: true, covered: false, resume: null };
			}
			const smallList = total !== undefined && lastPageOf(total) <= SMALL_LIST_PAGES;
			const finding = options.passWhileFinding === true && freshInPass > 0 && pass < MAX_PASSES;
			if (!finding && pass >= (options.maxPasses ?? (smallList ? SMALL_LIST_PASSES : 1))) {
				return { total, done: false, covered: true, resume: null };
			}
			plan = new PagePlan();
			plan.setTotal(total);
		}
	}
}
