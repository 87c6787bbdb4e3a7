import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { enforceSpendingLimits } from '../../shared/spendingLimits';
import { asNodeError, errorItem } from '../perItem';
import { compactForTool, guardedOrder, runsAsTool, validateOnlyOutput } from './guard';
import { buildOutput } from './output';
import { planOrders } from './plan';
import { checkBalance, completeOrders, noteOrdersAlreadySent, sendOrder } from './send';
import { readSettings } from './settings';
import type {
	OrderDraft,
	OrderShape,
	Plan,
	PlannedOrder,
	RunSettings,
	SentOrder,
	ValidItem,
} from './types';
import { refuseVolatileFields } from './volatile';

type Failures = Map<number, Error>;

/** Orders in flight at once: Giftronaut works on one while n8n prepares the next. */
const SEND_CONCURRENCY = 10;

/**
 * Sends the planned orders, a few at a time, keeping plan order in the result. Without Continue On
 * Fail the first failure stops new sends; the error then lists the orders already accepted.
 */
async function sendAll(
	this: IExecuteFunctions,
	orders: PlannedOrder[],
	settings: RunSettings,
	failures: Failures,
	continueOnFail: boolean,
): Promise<SentOrder[]> {
	const results: Array<SentOrder | undefined> = new Array(orders.length);
	let next = 0;
	let stop: Error | undefined;
	const worker = async () => {
		while (!stop && next < orders.length) {
			const index = next++;
			const planned = orders[index];
			try {
				results[index] = await sendOrder.call(this, planned, settings);
			} catch (error) {
				if (!continueOnFail) {
					stop ??= error as Error;
					return;
				}
				for (const member of planned.members) failures.set(member.itemIndex, error as Error);
			}
		}
	};
	const workers = Math.min(SEND_CONCURRENCY, orders.length);
	await Promise.all(Array.from({ length: workers }, worker));
	const sent = results.filter((entry): entry is SentOrder => entry !== undefined);
	if (stop) throw noteOrdersAlreadySent(stop, sent);
	return sent;
}

/** The first bad item's error, with the others listed, for a run that stops before ordering. */
function summarize(failures: Failures): Error {
	const sorted = [...failures.entries()].sort(([a], [b]) => a - b);
	const [, first] = sorted[0];
	const others = sorted.slice(1).map(([, error]) => error.message);
	if (!(first instanceof NodeOperationError) && !(first instanceof NodeApiError)) return first;
	const lines = [
		first.description ?? '',
		'Nothing was ordered: every item is checked before the first order is sent.',
	];
	if (others.length) {
		const shown = others.slice(0, 5).join('\n');
		lines.push(
			`${others.length} more item(s) have problems:\n${shown}${others.length > 5 ? '\n…' : ''}`,
		);
	}
	first.description = lines.filter(Boolean).join('\n');
	return first;
}

/**
 * Identical input within 24 hours is one order: Giftronaut replays it. That protects against
 * double sends, but it also means a second, intended gift is not sent; say so in the execution.
 * Replays of this execution's own earlier tries, transport retries and "retry execution" are expected.
 */
function hintReplays(this: IExecuteFunctions, sent: SentOrder[], itemCount: number): void {
	const replayedItems = sent
		.filter((entry) => entry.unexplainedReplay)
		.reduce((count, entry) => count + entry.planned.members.length, 0);
	if (replayedItems === 0 || typeof this.addExecutionHints !== 'function') return;
	this.addExecutionHints({
		type: 'warning',
		location: 'outputPane',
		message:
			`${replayedItems} of ${itemCount} items were not sent again: Giftronaut already had an order for the same input from the last 24 hours and returned it (replayed: true). ` +
			'That is expected when re-running after a failure. If these are new gifts (a schedule reading the same rows, a sub-workflow called twice), set Options → Deduplication Key to an ID of each event, e.g. {{ $json.dealId }}, so a new event gets its own order.',
	});
}

/**
 * Everything after planning, the same for every operation that orders: stop on bad items (unless
 * Continue On Fail), Check Balance First, send, note replays, wait, output.
 */
async function sendPlan(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	plan: Plan,
	failures: Failures,
	settings: RunSettings,
): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	if (failures.size && !continueOnFail) throw summarize(failures);

	let stop: Error | undefined;
	if (settings.checkBalance) {
		try {
			await checkBalance.call(this, plan.orders, settings);
		} catch (error) {
			if (!continueOnFail) stop = error as Error;
			for (const planned of plan.orders) {
				for (const member of planned.members) failures.set(member.itemIndex, error as Error);
			}
			plan.orders = [];
		}
	}
	if (stop) throw stop;

	// The credential's spending limits (docs/api-contract.md#spending), on every order the run plans.
	const guarded = plan.orders.map(guardedOrder);
	const { refused, release } = await enforceSpendingLimits.call(this, guarded, { continueOnFail });
	for (const [itemIndex, error] of refused) failures.set(itemIndex, error);
	plan.orders = plan.orders.filter((_, i) => !guarded[i].itemIndexes.some((j) => refused.has(j)));
	const asTool = runsAsTool(this);
	if (settings.validateOnly) {
		release();
		const dryRun = validateOnlyOutput(plan.orders, failures);
		return asTool ? compactForTool(dryRun) : dryRun;
	}

	const sent = await sendAll
		.call(this, plan.orders, settings, failures, continueOnFail)
		.finally(release);

	hintReplays.call(this, sent, items.length);
	await completeOrders.call(this, sent, settings);
	const output = buildOutput(sent, failures, settings);
	return asTool ? compactForTool(output) : output;
}

/** An operation that orders: how it reads an item, what it loads once, how it checks an item. */
export interface OrderKind<Loaded> {
	shape: OrderShape;
	/** Reads and shape-checks one item; throws a NodeOperationError naming field and item. */
	read(this: IExecuteFunctions, itemIndex: number, settings: RunSettings): OrderDraft;
	/** What the checks need, read once per run (the catalogs, the campaigns). */
	load(this: IExecuteFunctions, drafts: OrderDraft[]): Promise<Loaded>;
	check(this: IExecuteFunctions, draft: OrderDraft, loaded: Loaded): ValidItem;
}

/** Every item is read and checked before the first order is sent. */
async function planAll<Loaded>(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	settings: RunSettings,
	failures: Failures,
	kind: OrderKind<Loaded>,
): Promise<Plan> {
	const drafts: OrderDraft[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			drafts.push(kind.read.call(this, itemIndex, settings));
		} catch (error) {
			failures.set(itemIndex, asNodeError.call(this, error as Error, itemIndex));
		}
	}
	let loaded: Loaded;
	try {
		loaded = await kind.load.call(this, drafts);
	} catch (error) {
		for (const draft of drafts) failures.set(draft.itemIndex, error as Error);
		return { orders: [], failures: [] };
	}
	const valid: ValidItem[] = [];
	for (const draft of drafts) {
		try {
			valid.push(kind.check.call(this, draft, loaded));
		} catch (error) {
			failures.set(draft.itemIndex, asNodeError.call(this, error as Error, draft.itemIndex));
		}
	}
	// Without Continue On Fail a bad item stops the run anyway: its own error is the one to show.
	if (failures.size && !this.continueOnFail()) return { orders: [], failures: [] };
	const plan = planOrders.call(this, items, valid, settings, kind.shape, new Set(failures.keys()));
	for (const failure of plan.failures) failures.set(failure.itemIndex, failure.error);
	return plan;
}

export async function executeOrders<Loaded>(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	kind: OrderKind<Loaded>,
): Promise<INodeExecutionData[]> {
	if (items.length === 0) return [];
	const settings = readSettings.call(this);
	const refusal = refuseVolatileFields.call(this);
	if (refusal) {
		if (!this.continueOnFail()) throw refusal;
		return items.map((_, itemIndex) => errorItem(refusal, itemIndex));
	}
	const failures: Failures = new Map();
	const plan = await planAll.call(this, items, settings, failures, kind);
	return await sendPlan.call(this, items, plan, failures, settings);
}
