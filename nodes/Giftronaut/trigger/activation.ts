import { addDays, createdMs, creationDay, dayOfMs, latestCreatedMs } from './days';
import type { OrderLister } from './listing';
import type { OrderSummary } from '../shared/types';
import { OPEN_STATUSES, PAGE_SIZE, VISIBILITY_LAG_MS, isOpen, type EventStatus } from './statuses';
import { emptyState, type TriggerState } from './state';

/** Passes over the window at activation, so a list served in random order is seen whole. */
const ACTIVATION_PASSES = 10;

/**
 * The count of step 1 takes several requests once the window is longer than a page, so an order
 * created between them is in `before`. The first answer fixes when activation began: the server's
 * clock (its Date header, to the second) and the orders on that page, which all existed then. An
 * order not on it, stamped no earlier than both, may have been created during activation: it is
 * treated as such, so at worst a completion from the second before activation is emitted rather
 * than one after it missed. Stamped later than the server's clock at the last answer (a second
 * of slack) means stamped ahead by a clock that was off: that proves nothing.
 */
function arrivalTest(
	lister: OrderLister,
	firstPage: OrderSummary[],
): (id: string, created: number) => boolean {
	const began = lister.firstAnswerMs;
	if (began === undefined) return () => false;
	const ended = (lister.lastAnswerMs ?? began) + 1000;
	const onFirstPage = new Set(firstPage.map((order) => order.orderId));
	let newestThen = began;
	for (const order of firstPage) {
		const created = createdMs(order.createdAt, order.orderId, lister.node);
		if (created < began + 1000 && created > newestThen) newestThen = created;
	}
	return (id, created) =>
		created < ended && (created >= began + 1000 || (!onFirstPage.has(id) && created >= newestThen));
}

/**
 * First poll: what exists when activation starts is accounted for and not emitted; every order open
 * then, or created while activation reads the lists, is watched (or found as new by the next poll).
 *
 * 1. Count the window first: the orders that existed before this activation.
 * 2. List PENDING and IN_PROGRESS (of any age): remembered as open.
 * 3. Read the window whole: open orders in it are remembered too (created after step 2 read its
 *    page), and the orders beyond the count of step 1, the newest ones, were created during
 *    activation: they are left out of the accounted orders, so the next poll finds them as new
 *    (emitted if they are already complete).
 */
export async function activate(
	lister: OrderLister,
	status: EventStatus,
	signature: string,
	now: number,
): Promise<TriggerState> {
	const state = emptyState(signature, addDays(dayOfMs(now), -1));
	const window = { startDate: state.windowDay };
	// The first answer is the only snapshot of the moment activation began; the rest of the count
	// takes more requests once the window is longer than a page.
	const firstPage = await lister.page(window, 1);
	const before =
		firstPage.length < PAGE_SIZE
			? firstPage.length
			: await lister.count(window, 1, undefined, firstPage);
	const createdOf = new Map<string, number>();
	const statusOf = new Map<string, string>();
	const dayOf = new Map<string, string>();
	const latestOf = new Map<string, number>();
	for (const openStatus of OPEN_STATUSES) {
		await lister.sweep({
			query: { status: openStatus },
			onItem: (order) => {
				if (order.status !== openStatus) return;
				state.open.set(order.orderId, creationDay(order.createdAt, state.windowDay));
			},
			done: (total, distinct) => total !== undefined && distinct >= total,
		});
	}
	const result = await lister.sweep({
		query: window,
		onItem: (order) => {
			const created = createdMs(order.createdAt, order.orderId, lister.node);
			createdOf.set(order.orderId, created);
			latestOf.set(order.orderId, latestCreatedMs(order.createdAt, created));
			statusOf.set(order.orderId, String(order.status));
			dayOf.set(order.orderId, creationDay(order.createdAt, state.windowDay));
		},
		done: (total, distinct) => total !== undefined && distinct >= total,
		maxPasses: ACTIVATION_PASSES,
	});
	const total =
		result.done && result.total !== undefined ? result.total : await lister.count(window);
	// Newest first; the ones beyond `before` arrived during activation.
	const byAge = [...createdOf.entries()].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]));
	const arrivedIds = new Set(byAge.slice(0, Math.max(0, total - before)).map(([id]) => id));
	const createdDuring = arrivalTest(lister, firstPage);
	for (const [id, created] of byAge) if (createdDuring(id, created)) arrivedIds.add(id);
	state.accounted = Math.max(0, total - arrivedIds.size);
	for (const [id, orderStatus] of statusOf) {
		if (isOpen(orderStatus) && !arrivedIds.has(id)) state.open.set(id, dayOf.get(id) as string);
		if (arrivedIds.has(id)) state.open.delete(id);
	}
	const existing = byAge.filter(([id, created]) => !arrivedIds.has(id) && Number.isFinite(created));
	const arrivals = byAge.filter(([id]) => arrivedIds.has(id));
	let boundary = arrivals.length > 0 ? arrivals[arrivals.length - 1][1] : existing[0]?.[1];
	// The newest createdAt alone proves nothing (it may be stamped ahead): no later than the second newest.
	const second = byAge.filter(([, created]) => Number.isFinite(created))[1]?.[1];
	if (boundary !== undefined && second !== undefined) boundary = Math.min(boundary, second);
	if (boundary !== undefined && Number.isFinite(boundary)) {
		state.pendingMs = byAge[0][1];
		// Everything created before the boundary counts as existing already, even if a list served
		// in random order hid some of it from this first look; at and after it, only by id.
		// Never past the server's clock: createdAts stamped ahead would make later orders look accounted.
		state.cursorMs = Math.min(
			boundary + VISIBILITY_LAG_MS,
			lister.firstAnswerMs ?? Number.POSITIVE_INFINITY,
		);
		const cutoff = Math.min(boundary, state.cursorMs - VISIBILITY_LAG_MS);
		for (const [id] of existing) {
			const latest = latestOf.get(id) as number;
			if (latest >= cutoff) state.edge.add(id, latest);
		}
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
