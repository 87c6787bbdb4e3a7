import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { loadCatalog } from '../../helpers/catalog';
import { asNodeError } from '../../helpers/perItem';
import type { CardType, Product } from '../../helpers/types';
import { buildOutput } from './create/output';
import { planOrders, type Plan } from './create/plan';
import { checkDraft, readDraft, readSettings } from './create/read';
import { checkBalance, completeOrders, noteOrdersAlreadySent, sendOrder } from './create/send';
import type { OrderDraft, PlannedOrder, RunSettings, SentOrder, ValidItem } from './create/types';

export { description } from './create/description';

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
	const plan = planOrders.call(this, items, valid, settings);
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

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (items.length === 0) return [];
	const settings = readSettings.call(this);
	const continueOnFail = this.continueOnFail();
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

	await completeOrders.call(this, sent, settings);
	return buildOutput(sent, failures, settings);
}
