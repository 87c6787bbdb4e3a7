import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { OrderSummary } from '../helpers/types';
import { addDays, createdMs, creationDay, dayOfMs } from './days';
import type { OrderLister, OrderQuery, SweepResult } from './listing';
import { emptyState, type TriggerState } from './state';

/*
 * How the trigger finds each order that reaches the event's status exactly once.
 *
 * The API lists orders with day-granular creation filters, no sort order and no "updated since",
 * so the trigger never relies on order or time of day. It relies on counts: a list filtered by
 * `startDate` (and a terminal status) only grows, and one request for the page where a list of N
 * orders would end tells whether it still holds N, whatever order the server uses.
 *
 * Static data keeps:
 * - a discovery window (orders created on or after a day, one day earlier than needed because the
 *   server's time zone for day filters is unknown), the number of its orders already accounted for,
 *   and a creation-time cursor: every window order created before cursor − 60 s is accounted for,
 *   and the ids of accounted orders created after that are kept (compactly) so they are not taken
 *   for new ones. An order seen for the first time is accounted for: emitted if it already has the
 *   event's status, remembered as open if it is PENDING / IN_PROGRESS, otherwise ignored;
 * - the open orders (id and creation day), however old: a scheduled order created weeks ago;
 * - a baseline: how many orders in the event's status exist since the oldest open order's day.
 *
 * Each poll: (1) if open orders exist, one request compares the baseline: if it grew, open orders
 * are checked (PENDING / IN_PROGRESS lists, then the event's list or a GET for those no longer in
 * them); (2) one request compares the window count: if it grew, pages are read (from both ends
 * inwards, towards the end that yields new orders) until every new order is found, and a count read
 * afterwards proves none arrived unseen meanwhile. Only then do the cursor and window move forward;
 * a window day that ends before the cursor can get no new orders, so its count is subtracted once. An idle poll costs one request
 * (two with open orders); static data holds the open orders plus about a minute of ids. The state
 * is committed only at the end of a poll: a failed or unsaved poll is simply redone.
 */

export type EventStatus = 'COMPLETE' | 'CANCELED';
const OPEN_STATUSES = ['PENDING', 'IN_PROGRESS'];
/** Orders may become visible in the list this late after their `createdAt`. */
const VISIBILITY_LAG_MS = 60_000;
/** Up to this many open orders are checked one by one instead of listing PENDING / IN_PROGRESS. */
const CHECK_ONE_BY_ONE = 3;
const PAGE_SIZE = 100;
/** Polls that read the whole window without finding orders its count promised, before trusting the count. */
const STALL_LIMIT = 20;
/** Extra count checks after a sweep that seemed complete (orders arriving meanwhile). */
const VERIFY_ROUNDS = 3;
/** Passes over the window at activation, so a list served in random order is seen whole. */
const ACTIVATION_PASSES = 10;

type Discovery = SweepResult & { exact: boolean };

export interface TriggerFilters extends IDataObject {
	cardType?: string;
	orderType?: string;
}

export function stateSignature(status: EventStatus, filters: TriggerFilters): string {
	return [status, filters.cardType ?? '', filters.orderType ?? ''].join('|');
}

const isOpen = (status: unknown) => OPEN_STATUSES.includes(String(status));

/** One poll of an active workflow. `run()` returns the orders to emit; `state` is the next state. */
export class OrderPoll {
	/** Orders to emit, by id; the flag says whether the data already is the full order. */
	readonly emitted = new Map<string, { order: IDataObject; full: boolean }>();

	/** Open orders seen still open during this poll, after the baseline was taken. */
	private readonly stillOpen = new Set<string>();

	private found = 0;

	private newestFoundMs = Number.NEGATIVE_INFINITY;

	constructor(
		private readonly lister: OrderLister,
		private readonly status: EventStatus,
		readonly state: TriggerState,
	) {}

	private get cutoffMs(): number {
		return this.state.cursorMs === null
			? Number.NEGATIVE_INFINITY
			: this.state.cursorMs - VISIBILITY_LAG_MS;
	}

	private emit(order: IDataObject, full: boolean): void {
		const id = String(order.orderId);
		const known = this.emitted.get(id);
		if (!known || (full && !known.full)) this.emitted.set(id, { order, full });
	}

	/** What a listed or fetched order tells about a tracked open order. */
	private observe(order: IDataObject, full = false): void {
		const id = String(order.orderId);
		if (!this.state.open.has(id)) return;
		if (order.status === this.status) {
			this.emit(order, full);
			this.state.open.delete(id);
		} else if (isOpen(order.status)) {
			this.stillOpen.add(id);
		} else {
			this.state.open.delete(id);
		}
	}

	/** A window order: counted once, the first time it is seen. True when it is new. */
	private account(order: OrderSummary): boolean {
		this.observe(order);
		const id = order.orderId;
		const created = createdMs(order.createdAt);
		if (created < this.cutoffMs || this.state.edge.has(id)) return false;
		this.state.edge.add(id, created);
		if (this.state.open.has(id) || this.emitted.has(id)) return false;
		this.found++;
		if (Number.isFinite(created)) this.newestFoundMs = Math.max(this.newestFoundMs, created);
		if (order.status === this.status) {
			this.emit(order, false);
		} else if (isOpen(order.status)) {
			this.state.open.set(id, creationDay(order.createdAt, this.state.windowDay));
			this.stillOpen.add(id);
		}
		return true;
	}

	private windowQuery(): OrderQuery {
		return { startDate: this.state.windowDay };
	}

	/** A `startDate` on or before the day of every open order, present or future. */
	private baselineDay(): string {
		let day = this.state.windowDay;
		for (const openDay of this.state.open.values()) {
			const start = addDays(openDay, -1);
			if (start < day) day = start;
		}
		return day;
	}

	private async measureBaseline(
		compare: boolean,
	): Promise<{ day: string; count: number; changed: boolean }> {
		const previous = this.state.baseline;
		const observe = (order: OrderSummary) => this.observe(order);
		if (!compare || !previous) {
			// A count kept from earlier polls (or the window's size for completions, most orders
			// end up complete) says on which page to start looking for the end of the list.
			const hint = previous?.count ?? (this.status === 'COMPLETE' ? this.state.accounted : 0);
			const day = this.baselineDay();
			const query = { status: this.status, startDate: day };
			const count = await this.lister.count(query, Math.floor(hint / PAGE_SIZE) + 1, observe);
			return { day, count, changed: true };
		}
		const query = { status: this.status, startDate: previous.day };
		const probe = await this.lister.probe(query, previous.count);
		probe.items.forEach(observe);
		const count = probe.total ?? (await this.lister.count(query, probe.page, observe));
		return { day: previous.day, count, changed: probe.changed };
	}

	async run(): Promise<void> {
		const state = this.state;
		// The baseline is taken before anything is observed: an order seen open and completing
		// right after must still raise the next count.
		let baseline = state.open.size > 0 ? await this.measureBaseline(true) : undefined;
		const probe = await this.lister.probe(this.windowQuery(), state.accounted);
		let discovery: Discovery | undefined;
		if (probe.changed) {
			let fetched: { page: number; items: OrderSummary[] } | undefined = probe;
			if (!baseline) {
				baseline = await this.measureBaseline(false);
				baseline.changed = false;
				fetched = undefined;
			}
			if (probe.shrank) {
				// Orders left the window (nothing documented does that): trust the server's count.
				state.accounted = probe.total ?? (await this.lister.count(this.windowQuery()));
				fetched = undefined;
			}
			discovery = await this.discover(
				fetched,
				probe.total,
				probe.items.length === PAGE_SIZE ? probe.page : undefined,
			);
		} else {
			probe.items.forEach((order) => this.observe(order));
		}
		if (state.open.size > 0 && baseline) {
			const grown = state.open.size >= 2 * state.openAfterReconcile + 20;
			if (baseline.changed || state.reconcileDue || grown) await this.reconcile(baseline.count);
		}
		if (discovery) await this.settleDiscovery(discovery);
		await this.settleBaseline(baseline);
	}

	private async discover(
		fetched: { page: number; items: OrderSummary[] } | undefined,
		total: number | undefined,
		fullPage: number | undefined,
	): Promise<Discovery> {
		const accounted = this.state.accounted;
		const sweep = async (
			latest: number | undefined,
			page: { page: number; items: OrderSummary[] } | undefined,
		) =>
			await this.lister.sweep({
				query: this.windowQuery(),
				total: latest,
				fullPage,
				fetched: page,
				resume: this.state.resume,
				onItem: (order) => this.account(order),
				done: (count) => count !== undefined && accounted + this.found >= count,
				passWhileFinding: true,
			});
		let result = await sweep(total, fetched);
		// A count read mid-sweep can be stale; only a count read after it proves nothing was missed.
		for (let round = 0; result.done && round < VERIFY_ROUNDS; round++) {
			const foundBefore = this.found;
			const check = await this.lister.probe(this.windowQuery(), accounted + foundBefore);
			check.items.forEach((order) => this.account(order));
			if (!check.changed && this.found === foundBefore) return { ...result, exact: true };
			if (check.shrank) break;
			result = await sweep(check.total, check);
		}
		return { ...result, exact: false };
	}

	/**
	 * Checks every open order not seen open in this poll: the PENDING / IN_PROGRESS lists, then the
	 * event's list when it is shorter than one GET per missing order, then GET for the rest.
	 */
	private async reconcile(eventCount: number): Promise<void> {
		const state = this.state;
		const unchecked = () => [...state.open.keys()].filter((id) => !this.stillOpen.has(id));
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
				await this.lister.sweep({
					query: { status, startDate: since },
					onItem: (order) => this.observe(order),
					done: (total, distinct) => total !== undefined && distinct >= total,
				});
			}
			const missing = unchecked();
			if (missing.length > Math.ceil(eventCount / PAGE_SIZE)) {
				await this.lister.sweep({
					query: { status: this.status, startDate: earliestDay(missing) },
					onItem: (order) => this.observe(order),
					done: () => !missing.some((id) => state.open.has(id)),
					maxPasses: 1,
				});
			}
		}
		let leftOver = false;
		for (const id of unchecked()) {
			if (this.lister.budget.spent) {
				leftOver = true;
				break;
			}
			let failure: unknown;
			const order = await this.lister.get(id).catch((error: unknown) => {
				failure = error;
				return undefined;
			});
			if (!order) {
				// A deleted order can never complete: stop watching it.
				const gone = failure instanceof NodeApiError && String(failure.httpCode) === '404';
				if (!gone) throw failure;
				state.open.delete(id);
				continue;
			}
			// observe() keeps it open only when it is still PENDING / IN_PROGRESS
			this.observe({ ...order, orderId: id }, true);
		}
		state.reconcileDue = leftOver;
		state.openAfterReconcile = state.open.size;
	}

	private async settleDiscovery(result: Discovery): Promise<void> {
		const state = this.state;
		state.accounted += this.found;
		if (!result.done) {
			state.resume = result.resume;
			if (result.covered && this.found === 0 && result.total !== undefined) {
				state.stalls++;
				if (state.stalls >= STALL_LIMIT) {
					state.accounted = result.total;
					state.stalls = 0;
				}
			} else {
				state.stalls = 0;
			}
			return;
		}
		state.stalls = 0;
		state.resume = null;
		if (!result.exact) return;
		if (Number.isFinite(this.newestFoundMs)) {
			state.cursorMs = Math.max(state.cursorMs ?? this.newestFoundMs, this.newestFoundMs);
		}
		if (state.cursorMs === null) return;
		state.edge.prune(this.cutoffMs);
		// No order created from now on can get a creation day before this one.
		const windowDay = addDays(dayOfMs(this.cutoffMs), -1);
		if (windowDay > state.windowDay) {
			const left = await this.lister.count({
				startDate: state.windowDay,
				endDate: addDays(windowDay, -1),
			});
			state.accounted = Math.max(0, state.accounted - left);
			state.windowDay = windowDay;
		}
	}

	private async settleBaseline(
		measured: { day: string; count: number } | undefined,
	): Promise<void> {
		const state = this.state;
		if (state.open.size === 0) {
			// Not compared while nothing is open; kept as a starting point for the next count.
			if (measured) state.baseline = { day: measured.day, count: measured.count };
			return;
		}
		if (!measured) return;
		let { day, count } = measured;
		const wanted = this.baselineDay();
		if (wanted > day) {
			// Days before every open order and before the window: their counts can no longer change.
			count -= await this.lister.count({
				status: this.status,
				startDate: day,
				endDate: addDays(wanted, -1),
			});
			day = wanted;
		}
		state.baseline = { day, count: Math.max(0, count) };
	}
}

/**
 * First activation: what exists now is accounted for and not emitted; open orders are remembered
 * so that their completion is.
 */
export async function activate(
	lister: OrderLister,
	status: EventStatus,
	signature: string,
	now: number,
): Promise<TriggerState> {
	const state = emptyState(signature, addDays(dayOfMs(now), -1));
	const createdOf = new Map<string, number>();
	for (const openStatus of OPEN_STATUSES) {
		await lister.sweep({
			query: { status: openStatus },
			onItem: (order) => {
				if (order.status !== openStatus) return;
				state.open.set(order.orderId, creationDay(order.createdAt, state.windowDay));
				createdOf.set(order.orderId, createdMs(order.createdAt));
			},
			done: (total, distinct) => total !== undefined && distinct >= total,
		});
	}
	const window = { startDate: state.windowDay };
	const result = await lister.sweep({
		query: window,
		onItem: (order) => {
			createdOf.set(order.orderId, createdMs(order.createdAt));
		},
		done: (total, distinct) => total !== undefined && distinct >= total,
		maxPasses: ACTIVATION_PASSES,
	});
	state.accounted =
		result.done && result.total !== undefined ? result.total : await lister.count(window);
	let newest = Number.NEGATIVE_INFINITY;
	for (const created of createdOf.values()) {
		if (Number.isFinite(created)) newest = Math.max(newest, created);
	}
	if (Number.isFinite(newest)) {
		// No lag here: everything created up to the newest order seen counts as existing already,
		// even if a list served in random order hid some of it from this first look.
		state.cursorMs = newest + VISIBILITY_LAG_MS;
		for (const [id, created] of createdOf) if (created >= newest) state.edge.add(id, created);
	}
	if (state.open.size > 0) {
		let day = state.windowDay;
		for (const openDay of state.open.values())
			if (addDays(openDay, -1) < day) day = addDays(openDay, -1);
		state.baseline = { day, count: await lister.count({ status, startDate: day }) };
		// Open orders listed before the baseline may have moved on in between: check them next time.
		state.reconcileDue = true;
	}
	return state;
}
