import type { OrderSummary } from '../shared/types';
import { addDays, dayOfMs } from './days';
import type { SweepResult } from './listing';
import type { OrderPoll } from './poll';

/** Polls that read the whole window without finding orders its count promised, before trusting the count. */
const STALL_LIMIT = 20;
/** Extra count checks after a sweep that seemed complete (orders arriving meanwhile). */
const VERIFY_ROUNDS = 3;

export type Discovery = SweepResult & {
	exact: boolean;
	/** The window was identified order by order: its size is what was seen. */
	identified: boolean;
	/** The count read after the sweep was lower than what it found: orders left meanwhile. */
	shrank?: boolean;
};

type Fetched = { page: number; items: OrderSummary[] };

/**
 * Reads the window until every order its count promises is accounted for: either `accounted`
 * plus the new ones reach the count, or every listed order is identified (known or new) — the
 * only way after a shrink, or when orders the trigger already knows come back into the list.
 */
async function sweepWindow(
	poll: OrderPoll,
	byIdOnly: boolean,
	fetched: Fetched[],
	total: number | undefined,
	fullPage: number | undefined,
): Promise<Discovery> {
	const accounted = poll.state.accounted;
	const identified = () => poll.known.size + poll.found;
	const covered = (count: number | undefined) =>
		count !== undefined &&
		((!byIdOnly && accounted + poll.found >= count) || identified() >= count);
	const expected = () =>
		byIdOnly || identified() > accounted ? identified() : accounted + poll.found;
	// After a shrink every order must be identified, known or new: passes go on while they identify more.
	const onItem = (order: OrderSummary) => {
		const before = identified();
		return poll.account(order) || (byIdOnly && identified() > before);
	};
	const sweep = async (latest: number | undefined, pages: Fetched[]) =>
		await poll.lister.sweep({
			query: poll.windowQuery(),
			total: latest,
			fullPage,
			fetched: pages,
			resume: poll.state.resume,
			onItem,
			done: covered,
			passWhileFinding: true,
		});
	let result = await sweep(total, fetched);
	// A count read mid-sweep can be stale; only a count read after it proves nothing was missed.
	for (let round = 0; result.done && round < VERIFY_ROUNDS; round++) {
		const foundBefore = poll.found;
		const check = await poll.lister.probe(poll.windowQuery(), expected());
		check.items.forEach((order) => poll.account(order));
		const byId = byIdOnly || identified() >= (check.total ?? Number.POSITIVE_INFINITY);
		if (!check.changed && poll.found === foundBefore) {
			return { ...result, exact: true, identified: byId };
		}
		if (check.shrank && !byIdOnly)
			return { ...result, done: false, exact: false, identified: false, shrank: true };
		result = await sweep(check.total, [check]);
	}
	return { ...result, exact: false, identified: byIdOnly };
}

export async function discover(
	poll: OrderPoll,
	fetched: Fetched[],
	total: number | undefined,
	fullPage: number | undefined,
): Promise<Discovery> {
	return await sweepWindow(poll, false, fetched, total, fullPage);
}

/** After a shrink: the whole window, order by order (known ones counted, new ones accounted). */
export async function recount(poll: OrderPoll): Promise<Discovery> {
	return await sweepWindow(poll, true, [], undefined, undefined);
}

export async function settleDiscovery(poll: OrderPoll, result: Discovery): Promise<void> {
	const state = poll.state;
	if (result.done && result.identified) {
		state.accounted = poll.known.size + poll.found;
		state.recount = false;
	} else if (!state.recount) {
		state.accounted += poll.found;
	}
	if (!result.done) {
		// Counts cannot be trusted after a shrink, wherever it was seen (README, "A list that shrinks").
		if (result.shrank) state.recount = true;
		state.resume = result.resume;
		if (result.covered && poll.found === 0 && result.total !== undefined) {
			state.stalls++;
			if (state.stalls >= STALL_LIMIT) {
				poll.warn(
					`the order list counts ${result.total - state.accounted} more order(s) than ${STALL_LIMIT} polls could find in it (created on or after ${state.windowDay}); ` +
						'the trigger now trusts the count and stops looking for them. If an order is missing from your workflow, check it in Giftronaut.',
				);
				state.accounted = result.total;
				state.recount = false;
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
	if (Number.isFinite(poll.newestFoundMs)) {
		// One createdAt alone proves nothing about the server's clock (it may be stamped ahead, by a
		// clock that was off): the cursor goes no further than the second newest of this poll's
		// orders and the last poll's newest. Orders above it are told apart by id (the edge).
		const proven = Math.max(
			poll.secondFoundMs,
			Math.min(state.pendingMs ?? Number.NEGATIVE_INFINITY, poll.newestFoundMs),
		);
		// Nor past the server's clock (createdAts stamped ahead of it); a cursor never moves back.
		const capped = Math.min(proven, poll.lister.firstAnswerMs ?? Number.POSITIVE_INFINITY);
		if (Number.isFinite(capped)) state.cursorMs = Math.max(state.cursorMs ?? capped, capped);
		state.pendingMs = poll.newestFoundMs;
	}
	if (state.cursorMs === null) return;
	state.edge.prune(poll.cutoffMs);
	// No order created from now on can get a creation day before this one.
	const windowDay = addDays(dayOfMs(poll.cutoffMs), -1);
	if (windowDay > state.windowDay) {
		const left = await poll.lister.count({
			startDate: state.windowDay,
			endDate: addDays(windowDay, -1),
		});
		state.accounted = Math.max(0, state.accounted - left);
		state.windowDay = windowDay;
	}
}
