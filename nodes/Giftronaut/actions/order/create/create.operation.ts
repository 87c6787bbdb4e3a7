import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { loadCatalog } from '../../../helpers/catalog';
import { asNodeError, errorItem } from '../../../helpers/perItem';
import type { CardType, Product } from '../../../shared/types';
import { buildOutput } from '../../../helpers/orders/output';
import { planOrders, type Plan } from '../../../helpers/orders/plan';
import { checkDraft, readDraft } from './read';
import { readSettings } from '../../../helpers/orders/settings';
import { checkBalance, completeOrders, noteOrdersAlreadySent, sendOrder } from '../../../helpers/orders/send';
import type { OrderDraft, PlannedOrder, RunSettings, SentOrder, ValidItem } from '../../../helpers/orders/types';
import { refuseVolatileFields } from '../../../helpers/orders/volatile';

export { description } from './description';

export const option = {
	name: 'Create',
	description: 'Send gift cards: create a branded or choice card order',
	action: 'Create an order',
};

type Catalogs = Record<CardType, Product[] | undefined>;
type Failures = Map<number, Error>;

/** One catalog walk per card type per run; the other catalog only to explain a wrong card type. */
async function loadCatalogs(this: IExecuteFunctions, drafts: OrderDraft[]): Promise<Catalogs> {
	const catalogs: Catalogs = { branded: undefined, choice: undefined };
	for (const cardType of new Set(drafts.map((draft) => draft.cardType))) {
		catalogs[cardType] = await loadCatalog.call(this, cardType);
	}
	const unknown = drafts.filter(
		(draft) => !catalogs[draft.cardType]?.some((product) => product.productId === draft.productId),
	);
	for (const draft of unknown) {
		const other: CardType = draft.cardType === 'branded' ? 'choice' : 'branded';
		if (!catalogs[other]) catalogs[other] = await loadCatalog.call(this, other);
	}
	return catalogs;
}

/** Every item is read and checked before the first order is sent. */
async function validateAll(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	settings: RunSettings,
	failures: Failures,
): Promise<Plan> {
	const drafts: OrderDraft[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			drafts.push(readDraft.call(this, itemIndex, settings));
		} catch (error) {
			failures.set(itemIndex, asNodeError.call(this, error as Error, itemIndex));
		}
	}
	let catalogs: Catalogs | undefined;
	try {
		catalogs = await loadCatalogs.call(this, drafts);
	} catch (error) {
		for (const draft of drafts) failures.set(draft.itemIndex, error as Error);
		return { orders: [], failures: [] };
	}
	const valid: ValidItem[] = [];
	for (const draft of drafts) {
		try {
			valid.push(checkDraft.call(this, draft, catalogs));
		} catch (error) {
			failures.set(draft.itemIndex, asNodeError.call(this, error as Error, draft.itemIndex));
		}
	}
	// Without Continue On Fail a bad item stops the run anyway: its own error is the one to show.
	if (failures.size && !this.continueOnFail()) return { orders: [], failures: [] };
	const plan = planOrders.call(this, items, valid, settings, new Set(failures.keys()));
	for (const failure of plan.failures) failures.set(failure.itemIndex, failure.error);
	return plan;
}

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

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (items.length === 0) return [];
	const settings = readSettings.call(this);
	const continueOnFail = this.continueOnFail();
	const refusal = refuseVolatileFields.call(this);
	if (refusal) {
		if (!continueOnFail) throw refusal;
		return items.map((_, itemIndex) => errorItem(refusal, itemIndex));
	}
	const failures: Failures = new Map();
	const plan = await validateAll.call(this, items, settings, failures);
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

	const sent = await sendAll.call(this, plan.orders, settings, failures, continueOnFail);

	hintReplays.call(this, sent, items.length);
	await completeOrders.call(this, sent, settings);
	return buildOutput(sent, failures, settings);
}
