import { discover, recount, settleDiscovery, type Discovery } from './discovery';
import type { OrderPoll } from './poll';
import { measureBaseline, reconcile, settleBaseline } from './reconcile';
import { PAGE_SIZE } from './statuses';

/** One poll's steps, in order: baseline, probe, discovery or recount, reconcile, settle. */
export async function runOrderPoll(poll: OrderPoll): Promise<void> {
	const state = poll.state;
	// The baseline is taken before anything is observed: an order seen open and completing
	// right after must still raise the next count.
	let baseline = state.open.size > 0 ? await measureBaseline(poll, true) : undefined;
	const probe = await poll.lister.probe(poll.windowQuery(), state.accounted);
	// An unchanged count can hide a shrink masked by growth (one order hidden as one arrives):
	// a listed order the state has never seen proves it, so the window is identified by id.
	const masked = !probe.changed && probe.items.some((order) => poll.unseen(order));
	let discovery: Discovery | undefined;
	if (probe.changed || state.recount || masked) {
		// The probe's page is reused unless the baseline count ran after it.
		const fetched = baseline ? probe : undefined;
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
		probe.items.forEach((order) => poll.observe(order));
	}
	if (state.open.size > 0 && baseline) {
		const grown = state.open.size >= 2 * state.openAfterReconcile + 20;
		if (baseline.changed || state.reconcileDue || grown) await reconcile(poll, baseline.count);
	}
	if (discovery) await settleDiscovery(poll, discovery);
	await settleBaseline(poll, baseline);
}
