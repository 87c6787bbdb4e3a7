import type { IDataObject } from 'n8n-workflow';

import { packIds, unpackIds } from './ids';

const STATE_VERSION = 1;
const NEVER_PRUNED_BUCKET = Math.floor(Number.MAX_SAFE_INTEGER / 1000);

/** Ids of accounted orders created at or after the cursor, bucketed by creation second for pruning. */
export class EdgeSet {
	private readonly buckets = new Map<number, Set<string>>();

	private readonly all = new Set<string>();

	has(id: string): boolean {
		return this.all.has(id);
	}

	add(id: string, createdMs: number): void {
		const bucket = Number.isFinite(createdMs) ? Math.floor(createdMs / 1000) : NEVER_PRUNED_BUCKET;
		let ids = this.buckets.get(bucket);
		if (!ids) {
			ids = new Set();
			this.buckets.set(bucket, ids);
		}
		ids.add(id);
		this.all.add(id);
	}

	/** Forget ids created wholly before `cutoffMs`: they can never look new again. */
	prune(cutoffMs: number): void {
		for (const [bucket, ids] of this.buckets) {
			if ((bucket + 1) * 1000 > cutoffMs) continue;
			for (const id of ids) this.all.delete(id);
			this.buckets.delete(bucket);
		}
	}

	get size(): number {
		return this.all.size;
	}

	toJSON(): IDataObject {
		const out: IDataObject = {};
		for (const [bucket, ids] of this.buckets)
			out[String(bucket)] = packIds(ids) as unknown as IDataObject;
		return out;
	}

	static fromJSON(value: unknown): EdgeSet {
		const edge = new EdgeSet();
		if (!value || typeof value !== 'object') return edge;
		for (const [bucket, packed] of Object.entries(value as IDataObject)) {
			const seconds = Number(bucket);
			if (!Number.isFinite(seconds)) continue;
			for (const id of unpackIds(packed)) edge.add(id, seconds * 1000);
		}
		return edge;
	}
}

export interface Baseline {
	/** `startDate` of the count. */
	day: string;
	/** Orders in the event's status created on or after `day` (filters applied). */
	count: number;
}

export interface TriggerState {
	/** Event and filters the state was built for; a change starts over. */
	signature: string;
	/** Discovery window: orders created on or after this day (`startDate`). */
	windowDay: string;
	/** How many orders of the window are accounted for (seen once, emitted or not). */
	accounted: number;
	/** Every window order created before this instant (minus the lag) is accounted for. */
	cursorMs: number | null;
	/** Newest createdAt of the last poll that found orders: trusted once a later poll's orders reach it. */
	pendingMs: number | null;
	edge: EdgeSet;
	/** Orders last seen PENDING or IN_PROGRESS: id → creation day. */
	open: Map<string, string>;
	/** Count of orders in the event's status, to notice open orders reaching it. */
	baseline: Baseline | null;
	reconcileDue: boolean;
	openAfterReconcile: number;
	/** Consecutive polls that saw the whole window and still missed some orders the count promised. */
	stalls: number;
	/** Where an unfinished discovery stopped (page numbers). */
	resume: [front: number, back: number] | null;
	/** The window shrank: it is identified order by order before its count is trusted again. */
	recount: boolean;
	/** The list was last seen newest first: new orders show on its page 1, not at its end. */
	newestFirst: boolean;
	/** Warnings not yet shown on an emitted item (shown with the next execution). */
	warnings: string[];
}

export function emptyState(signature: string, windowDay: string): TriggerState {
	return {
		signature,
		windowDay,
		accounted: 0,
		cursorMs: null,
		pendingMs: null,
		edge: new EdgeSet(),
		open: new Map(),
		baseline: null,
		reconcileDue: false,
		openAfterReconcile: 0,
		stalls: 0,
		resume: null,
		recount: false,
		newestFirst: false,
		warnings: [],
	};
}

const isDay = (value: unknown): value is string =>
	typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const isCount = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Reads what `saveState` wrote; anything else (first activation, old or damaged data) → undefined. */
export function loadState(data: IDataObject): TriggerState | undefined {
	if (
		data.v !== STATE_VERSION ||
		typeof data.sig !== 'string' ||
		!isDay(data.w) ||
		!isCount(data.n)
	) {
		return undefined;
	}
	const state = emptyState(data.sig, data.w);
	state.accounted = data.n;
	state.cursorMs = typeof data.c === 'number' ? data.c : null;
	state.pendingMs = typeof data.pc === 'number' ? data.pc : null;
	state.edge = EdgeSet.fromJSON(data.e);
	if (data.o && typeof data.o === 'object') {
		for (const [day, packed] of Object.entries(data.o as IDataObject)) {
			if (!isDay(day)) continue;
			for (const id of unpackIds(packed)) state.open.set(id, day);
		}
	}
	const baseline = data.b as unknown;
	if (Array.isArray(baseline) && isDay(baseline[0]) && isCount(baseline[1])) {
		state.baseline = { day: baseline[0], count: baseline[1] };
	}
	state.reconcileDue = data.due === true;
	state.openAfterReconcile = isCount(data.r) ? data.r : 0;
	state.stalls = isCount(data.s) ? data.s : 0;
	state.recount = data.rc === true;
	state.newestFirst = data.nf === true;
	if (Array.isArray(data.wn))
		state.warnings = data.wn.filter((w): w is string => typeof w === 'string');
	const resume = data.p as unknown;
	if (Array.isArray(resume) && isCount(resume[0]) && isCount(resume[1])) {
		state.resume = [resume[0], resume[1]];
	}
	return state;
}

/** Replaces the node's static data with the state (plain JSON, as n8n stores it). */
export function saveState(data: IDataObject, state: TriggerState): void {
	for (const key of Object.keys(data)) delete data[key];
	const openByDay = new Map<string, string[]>();
	for (const [id, day] of state.open) {
		const ids = openByDay.get(day) ?? [];
		ids.push(id);
		openByDay.set(day, ids);
	}
	const open: IDataObject = {};
	for (const [day, ids] of openByDay) open[day] = packIds(ids) as unknown as IDataObject;
	Object.assign(data, {
		v: STATE_VERSION,
		sig: state.signature,
		w: state.windowDay,
		n: state.accounted,
		c: state.cursorMs,
		pc: state.pendingMs,
		e: state.edge.toJSON(),
		o: open,
		b: state.baseline ? [state.baseline.day, state.baseline.count] : null,
		due: state.reconcileDue,
		r: state.openAfterReconcile,
		s: state.stalls,
		p: state.resume,
		rc: state.recount,
		nf: state.newestFirst,
		wn: state.warnings,
	});
}
