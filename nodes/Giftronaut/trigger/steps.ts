import type { OrderSummary } from '../shared/types';
import { discover, recount, settleDiscovery, type Discovery } from './discovery';
import type { OrderPoll } from './poll';
import { measureBaseline, reconcile, settleBaseline } from './reconcile';
import { PAGE_SIZE } from './statuses';

/**
 * A newest-first window longer than a page is checked on its page 1, where its new orders show;
 * the probe reads the list's end, which holds only old orders there. An unchanged count can hide a
 * shrink masked by growth (an order hidden as one arrives): only an order never seen shows it.
 */
async function readFront(poll: OrderPoll): Promise<OrderSummary[] | undefined> {
	const state = poll.state;
	if (!state.newestFirst || state.accounted < PAGE_SIZE || state.recount || state.resume !== null)
		return undefined;
	return await poll.lister.page(poll.windowQuery(), 1);
}

/** One poll's steps, in order: baseline, page 1 or probe, discovery or recount, reconcile, settle. */
export async function runOrderPoll(poll: OrderPoll): Promise<void> {
	const state = poll.state;
	// The baseline is taken before anything is observed: an order seen open and completing
	// right after must still raise the next count.
	let baseline = state.open.size > 0 ? await measureBaseline(poll, true) : undefined;
	const front = await readFront(poll);
	const frontUnseen = front?.some((order) => poll.unseen(order)) === true;
	// Page 1 stands in for the probe unless it shows an order never seen; the probe then tells new
	// orders (the count grew) from a shrink masked by growth (it did not).
	const probe =
		front && !frontUnseen
			? undefined
			: await poll.lister.probe(poll.windowQuery(), state.accounted);
	// An unchanged count can hide a shrink masked by growth (one order hidden as one arrives):
	// a listed order the state has never seen proves it, so the window is identified by id.
	const masked =
		probe !== undefined &&
		!probe.changed &&
		(frontUnseen || probe.items.some((order) => poll.unseen(order)));
	let discovery: Discovery | undefined;
	if (probe && (probe.changed || state.recount || masked)) {
		// Pages read after the baseline are reused, not those read before it.
		const fetched = baseline ? [...(front ? [{ page: 1, items: front }] : []), probe] : [];
		if (!baseline) {
			baseline = await measureBaseline(poll, false);
			baseline.changed = false;
		}
		if (probe.shrank || state.recount || masked) {
			// Orders left the list (hidden, archived): counts alone can no longer tell new orders
			// from known ones, so the window is identified order by order before counts are trusted.
			state.recount = true;
			discovery = await recount(poll);
		} else {
			discovery = await discover(
				poll,
				fetched,
				probe.total,
				probe.items.length === PAGE_SIZE ? probe.page : undefined,
			);
		}
	} else {
		[...(front ?? []), ...(probe?.items ?? [])].forEach((order) => poll.observe(order));
	}
	if (state.open.size > 0 && baseline) {
		const grown = state.open.size >= 2 * state.openAfterReconcile + 20;
		if (baseline.changed || state.reconcileDue || grown) await reconcile(poll, baseline.count);
	}
	if (discovery) await settleDiscovery(poll, discovery);
	await settleBaseline(poll, baseline);
	if (poll.lister.newestFirst !== undefined) state.newestFirst = poll.lister.newestFirst;
}
