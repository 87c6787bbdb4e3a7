import type { IDataObject, Logger } from 'n8n-workflow';

import type { OrderSummary } from '../shared/types';
import { addDays, createdMs, creationDay, latestCreatedMs } from './days';
import type { OrderLister, OrderQuery } from './listing';
import type { TriggerState } from './state';
import { VISIBILITY_LAG_MS, isOpen, type EventStatus } from './statuses';

/*
 * One poll of an active trigger. The algorithm is described once, in the README ("Giftronaut
 * Trigger" → "How the trigger finds each order once"); the steps live in their own files:
 * activation.ts (first poll), steps.ts (the order of the steps), discovery.ts (new orders in the
 * window), reconcile.ts (open orders reaching the event's status), state.ts (what is saved),
 * emit.ts (what is output).
 */

/** One poll of an active workflow: what it saw and what to emit (`runOrderPoll` in steps.ts drives it). */
export class OrderPoll {
	/** Orders to emit, by id; the flag says whether the data already is the full order. */
	readonly emitted = new Map<string, { order: IDataObject; full: boolean }>();

	/** Open orders seen still open during this poll, after the baseline was taken. */
	readonly stillOpen = new Set<string>();

	/** Window orders seen this poll that were accounted for before it. */
	readonly known = new Set<string>();

	/** Window orders accounted for for the first time in this poll. */
	readonly foundIds = new Set<string>();

	/** Things the user must hear about (n8n log and the emitted execution). */
	readonly warnings: string[] = [];

	newestFoundMs = Number.NEGATIVE_INFINITY;

	/** The second newest createdAt found: one order alone proves nothing about the server's clock. */
	secondFoundMs = Number.NEGATIVE_INFINITY;

	constructor(
		readonly lister: OrderLister,
		readonly status: EventStatus,
		readonly state: TriggerState,
		readonly logger?: Logger,
	) {}

	get found(): number {
		return this.foundIds.size;
	}

	get cutoffMs(): number {
		return this.state.cursorMs === null
			? Number.NEGATIVE_INFINITY
			: this.state.cursorMs - VISIBILITY_LAG_MS;
	}

	emit(order: IDataObject, full: boolean): void {
		const id = String(order.orderId);
		const known = this.emitted.get(id);
		if (!known || (full && !known.full)) this.emitted.set(id, { order, full });
	}

	/** What a listed or fetched order tells about a tracked open order. */
	observe(order: IDataObject, full = false): void {
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

	/** A window order: accounted for once, the first time it is seen. True when it is new. */
	account(order: OrderSummary): boolean {
		this.observe(order);
		const id = order.orderId;
		if (this.foundIds.has(id)) return false;
		const created = createdMs(order.createdAt, order.orderId, this.lister.node);
		const latest = latestCreatedMs(order.createdAt, created);
		if (latest < this.cutoffMs || this.state.edge.has(id)) {
			this.known.add(id);
			return false;
		}
		this.state.edge.add(id, latest);
		if (this.state.open.has(id) || this.emitted.has(id)) {
			this.known.add(id);
			return false;
		}
		this.foundIds.add(id);
		if (created > this.newestFoundMs) {
			this.secondFoundMs = this.newestFoundMs;
			this.newestFoundMs = created;
		} else if (created > this.secondFoundMs) {
			this.secondFoundMs = created;
		}
		if (order.status === this.status) {
			this.emit(order, false);
		} else if (isOpen(order.status)) {
			this.state.open.set(id, creationDay(order.createdAt, this.state.windowDay));
			this.stillOpen.add(id);
		}
		return true;
	}

	/** A window order that is neither accounted for nor watched (read only; see `account`). */
	unseen(order: OrderSummary): boolean {
		const id = order.orderId;
		if (this.state.edge.has(id) || this.state.open.has(id) || this.foundIds.has(id)) return false;
		const created = createdMs(order.createdAt, id, this.lister.node);
		return latestCreatedMs(order.createdAt, created) >= this.cutoffMs;
	}

	windowQuery(): OrderQuery {
		return { startDate: this.state.windowDay };
	}

	/** A `startDate` on or before the day of every open order, present or future. */
	baselineDay(): string {
		let day = this.state.windowDay;
		for (const openDay of this.state.open.values()) {
			const start = addDays(openDay, -1);
			if (start < day) day = start;
		}
		return day;
	}

	warn(message: string): void {
		this.warnings.push(message);
	}
}
