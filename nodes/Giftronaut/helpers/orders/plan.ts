import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	canonicalJson,
	defaultOrderKeyOfCanonicalItems,
	MAX_IDEMPOTENCY_KEY_LENGTH,
	storedForm,
	type ItemIdentity,
} from './idempotency';
import { readRecipientInputs, type Recipient } from './recipients';
import { inputError } from './settings';
import type { PlannedOrder, RunSettings, ValidItem } from './types';

export interface Plan {
	orders: PlannedOrder[];
	failures: Array<{ itemIndex: number; error: Error }>;
}

function orderContent(item: ValidItem): IDataObject {
	const { draft } = item;
	const content: IDataObject = {
		productId: draft.productId,
		sendTiming: draft.sendTiming,
		refundOption: draft.refundOption,
	};
	if (draft.emailSetting) content.emailSetting = draft.emailSetting;
	return content;
}

/** The input item's own data as n8n stores it, or the Deduplication Key in its place. */
function identity(items: INodeExecutionData[], item: ValidItem): ItemIdentity {
	const { deduplicationKey, itemIndex } = item.draft;
	if (deduplicationKey !== undefined) return { deduplicationKey };
	return { json: storedForm(items[itemIndex]?.json ?? {}) };
}

/**
 * An item's canonical JSON, computed once per run and shared by duplicate detection, Combine
 * Items' grouping and the default key (serializing is most of planning's cost).
 */
interface ItemTexts {
	/** canonicalJson of the item's identity: its part of the default key. */
	identity: string;
	/** canonicalJson of the order's content (everything in the body but recipients and key). */
	order: string;
	/** What makes two items the same gift: identical items are sent once, never twice in a run. */
	fingerprint: string;
}

function itemTexts(items: INodeExecutionData[], item: ValidItem): ItemTexts {
	const identityText = canonicalJson(identity(items, item));
	const order = canonicalJson(orderContent(item));
	const fingerprint = JSON.stringify([
		item.draft.cardType,
		order,
		canonicalJson(item.recipients),
		identityText,
		item.draft.idempotencyKey ?? null,
	]);
	return { identity: identityText, order, fingerprint };
}

/** What the default key depends on besides the items; the same for every key of a run. */
interface KeyScope {
	workflowId: string;
	nodeId: string;
}

function keyScope(context: IExecuteFunctions): KeyScope {
	// getNode() deep-copies the node: once per run, not once per key.
	const node = context.getNode();
	return { workflowId: context.getWorkflow().id ?? '', nodeId: node.id || node.name };
}

/** The default key: see KeyMaterial for what it is made of, and why. */
function defaultKey(
	scope: KeyScope,
	texts: Map<ValidItem, ItemTexts>,
	members: ValidItem[],
): string {
	return defaultOrderKeyOfCanonicalItems({
		...scope,
		cardType: members[0].draft.cardType,
		productId: members[0].draft.productId,
		recipients: members.flatMap((member) => member.recipients),
		items: members.map((member) => (texts.get(member) as ItemTexts).identity),
	});
}

function newOrder(
	key: string,
	isDefaultKey: boolean,
	members: ValidItem[],
	content: IDataObject,
): PlannedOrder {
	const recipients: Recipient[] = [];
	const planned: PlannedOrder = {
		key,
		isDefaultKey,
		cardType: members[0].draft.cardType,
		product: members[0].product,
		body: { idempotencyKey: key, ...content, recipients },
		members: [],
	};
	for (const member of members) {
		planned.members.push({
			itemIndex: member.draft.itemIndex,
			offset: recipients.length,
			count: member.recipients.length,
		});
		recipients.push(...member.recipients);
	}
	return planned;
}

/** The order as sent, without its key: compared only when two parts end up with the same key. */
function bodyText(content: IDataObject, members: ValidItem[]): string {
	return canonicalJson({
		cardType: members[0].draft.cardType,
		...content,
		recipients: members.flatMap((member) => member.recipients),
	});
}

/**
 * Cuts all input rows, valid or not, into consecutive batches of at most `batchSize` recipients
 * (a row is never split). Cutting by position, not over the valid rows only, keeps every batch, and
 * so its key, the same when a bad row is fixed and the run repeated.
 */
function positionBatches(sizes: number[], batchSize: number): number[][] {
	const result: number[][] = [];
	let current: number[] = [];
	let size = 0;
	sizes.forEach((rowSize, itemIndex) => {
		if (current.length && size + rowSize > batchSize) {
			result.push(current);
			current = [];
			size = 0;
		}
		current.push(itemIndex);
		size += rowSize;
	});
	if (current.length) result.push(current);
	return result;
}

/** Recipients per input row; a row too broken to read counts as one. */
function rowSizes(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	validByIndex: Map<number, ValidItem>,
	batchSize: number,
): number[] {
	return items.map((_, itemIndex) => {
		const valid = validByIndex.get(itemIndex);
		if (valid) return valid.recipients.length;
		try {
			const count = readRecipientInputs.call(context, itemIndex).length;
			return Math.min(Math.max(count, 1), batchSize);
		} catch {
			return 1;
		}
	});
}

function listItems(indexes: number[]): string {
	const shown = indexes.slice(0, 5).join(', ');
	const more = indexes.length > 5 ? ` and ${indexes.length - 5} more` : '';
	return `${indexes.length === 1 ? 'item' : 'items'} ${shown}${more}`;
}

interface Part {
	members: ValidItem[];
	/** 0-based batch number of the part, for a user key shared by several batches. */
	batch?: number;
}

/**
 * Combine Items: the parts to order, batch by batch. A batch holding a row that failed its checks
 * is held back whole (its rows get an error saying so), so it is sent, complete and once, when
 * the row is fixed; the batches already sent come back as replays.
 */
function combinedParts(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	unique: ValidItem[],
	texts: Map<ValidItem, ItemTexts>,
	validByIndex: Map<number, ValidItem>,
	failedRows: Set<number>,
	settings: RunSettings,
	failures: Plan['failures'],
): { parts: Part[]; batchCount: number } {
	const uniqueRows = new Set(unique.map((item) => item.draft.itemIndex));
	const batches = positionBatches(
		rowSizes(context, items, validByIndex, settings.batchSize),
		settings.batchSize,
	);
	const parts: Part[] = [];
	batches.forEach((rows, batch) => {
		const bad = rows.filter((row) => failedRows.has(row));
		if (bad.length) {
			const range = `items ${rows[0]} to ${rows[rows.length - 1]}`;
			for (const row of rows) {
				if (failedRows.has(row) || !validByIndex.has(row)) continue;
				const error = inputError.call(
					context,
					row,
					`Held back: ${listItems(bad)} in the same batch (${range}) failed, so this batch was not sent`,
					`Fix ${listItems(bad)} and run again with the same input: this batch is then sent once, complete, and the batches already sent come back as replays. Sending the batch without ${bad.length === 1 ? 'it' : 'them'} now would send its rows a second time later.`,
				);
				failures.push({ itemIndex: row, error });
			}
			return;
		}
		const groups = new Map<string, ValidItem[]>();
		for (const row of rows) {
			if (!uniqueRows.has(row)) continue;
			const item = validByIndex.get(row) as ValidItem;
			const group = JSON.stringify([
				item.draft.cardType,
				(texts.get(item) as ItemTexts).order,
				item.draft.idempotencyKey ?? null,
			]);
			const list = groups.get(group) ?? [];
			list.push(item);
			groups.set(group, list);
		}
		for (const members of groups.values()) parts.push({ members, batch });
	});
	return { parts, batchCount: batches.length };
}

export function planOrders(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	valid: ValidItem[],
	settings: RunSettings,
	failedRows: Set<number> = new Set(),
): Plan {
	const failures: Plan['failures'] = [];
	const orders: PlannedOrder[] = [];
	const firstOfFingerprint = new Map<string, ValidItem>();
	const orderOfItem = new Map<number, PlannedOrder>();
	const validByIndex = new Map(valid.map((item) => [item.draft.itemIndex, item]));
	const unique: ValidItem[] = [];
	const duplicates: Array<{ item: ValidItem; original: ValidItem }> = [];
	const texts = new Map(valid.map((item) => [item, itemTexts(items, item)]));
	for (const item of valid) {
		const { fingerprint } = texts.get(item) as ItemTexts;
		const original = firstOfFingerprint.get(fingerprint);
		if (original) duplicates.push({ item, original });
		else {
			firstOfFingerprint.set(fingerprint, item);
			unique.push(item);
		}
	}

	const { parts, batchCount } = settings.combineItems
		? combinedParts(this, items, unique, texts, validByIndex, failedRows, settings, failures)
		: { parts: unique.map((item): Part => ({ members: [item] })), batchCount: 1 };

	const scope = keyScope(this);
	const bodyOfKey = new Map<
		string,
		{ body: () => string; itemIndex: number; planned: PlannedOrder }
	>();
	for (const { members: part, batch } of parts) {
		const content = orderContent(part[0]);
		const override = part[0].draft.idempotencyKey;
		const firstIndex = part[0].draft.itemIndex;
		let key = override ?? defaultKey(scope, texts, part);
		if (override && batchCount > 1 && batch !== undefined) key = `${override}-${batch + 1}`;
		if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
			const error = inputError.call(
				this,
				firstIndex,
				`Idempotency Key "${key}" (with the batch number added) is ${key.length} characters long; Giftronaut accepts at most ${MAX_IDEMPOTENCY_KEY_LENGTH}`,
			);
			for (const member of part) failures.push({ itemIndex: member.draft.itemIndex, error });
			continue;
		}
		const body = () => bodyText(content, part);
		const earlier = bodyOfKey.get(key);
		if (earlier && !settings.combineItems && earlier.body() === body()) {
			// The same key and the same order: one gift, sent once.
			const source = earlier.planned.members[0];
			earlier.planned.members.push({
				...source,
				itemIndex: firstIndex,
				duplicateOf: source.itemIndex,
			});
			continue;
		}
		if (earlier) {
			const message = override
				? `Idempotency Key "${key}" is also used by item ${earlier.itemIndex} for a different order: Giftronaut would reject one of them (409). Give each order its own key`
				: `This item is the same event as item ${earlier.itemIndex} (same ${part[0].draft.deduplicationKey === undefined ? 'data' : 'Deduplication Key'}, product and recipients) but asks for a different order (message, names, timing or refund option): Giftronaut would reject one of them (409). Give each its own Deduplication Key, or make them equal`;
			const error = inputError.call(this, firstIndex, message);
			for (const member of part) failures.push({ itemIndex: member.draft.itemIndex, error });
			continue;
		}
		const planned = newOrder(key, override === undefined, part, content);
		bodyOfKey.set(key, { body, itemIndex: firstIndex, planned });
		orders.push(planned);
		for (const member of part) orderOfItem.set(member.draft.itemIndex, planned);
	}

	const failureOf = new Map(failures.map((failure) => [failure.itemIndex, failure.error]));
	for (const { item, original } of duplicates) {
		const planned = orderOfItem.get(original.draft.itemIndex);
		const source = planned?.members.find((member) => member.itemIndex === original.draft.itemIndex);
		if (!planned || !source) {
			if (failureOf.has(item.draft.itemIndex)) continue;
			const error = failureOf.get(original.draft.itemIndex);
			if (error) failures.push({ itemIndex: item.draft.itemIndex, error });
			continue;
		}
		planned.members.push({
			...source,
			itemIndex: item.draft.itemIndex,
			duplicateOf: source.itemIndex,
		});
	}
	return { orders, failures };
}
