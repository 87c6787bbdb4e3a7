import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	canonicalJson,
	MAX_IDEMPOTENCY_KEY_LENGTH,
	storedForm,
	type ItemIdentity,
} from './idempotency';
import { inputError } from '../perItem';
import { combinedParts, type Part } from './batches';
import type { Recipient } from './recipients';
import type {
	ItemTexts,
	KeyScope,
	OrderShape,
	Plan,
	PlannedOrder,
	RunSettings,
	ValidItem,
} from './types';

/** The input item's own data as n8n stores it, or the Deduplication Key in its place. */
function identity(items: INodeExecutionData[], item: ValidItem): ItemIdentity {
	const { deduplicationKey, itemIndex } = item.draft;
	if (deduplicationKey !== undefined) return { deduplicationKey };
	return { json: storedForm(items[itemIndex]?.json ?? {}) };
}

function itemTexts(items: INodeExecutionData[], item: ValidItem, shape: OrderShape): ItemTexts {
	const identityText = canonicalJson(identity(items, item));
	const order = canonicalJson(shape.content(item));
	const fingerprint = JSON.stringify([
		item.draft.cardType,
		order,
		canonicalJson(item.recipients),
		identityText,
		item.draft.idempotencyKey ?? null,
	]);
	return { identity: identityText, order, fingerprint };
}

function keyScope(context: IExecuteFunctions): KeyScope {
	// getNode() deep-copies the node: once per run, not once per key.
	const node = context.getNode();
	return { workflowId: context.getWorkflow().id ?? '', nodeId: node.id || node.name };
}

function newOrder(
	shape: OrderShape,
	key: string,
	isDefaultKey: boolean,
	members: ValidItem[],
	content: IDataObject,
): PlannedOrder {
	const recipients: Recipient[] = [];
	const planned: Omit<PlannedOrder, 'path' | 'body'> = {
		shape,
		about: content,
		key,
		isDefaultKey,
		cardType: members[0].draft.cardType,
		product: members[0].product,
		recipients,
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
	return { ...planned, ...shape.request(content, members, recipients) };
}

/** The order as sent, without its key: compared only when two parts end up with the same key. */
function bodyText(content: IDataObject, members: ValidItem[]): string {
	return canonicalJson({
		cardType: members[0].draft.cardType,
		...content,
		recipients: members.flatMap((member) => member.recipients),
	});
}

export function planOrders(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	valid: ValidItem[],
	settings: RunSettings,
	shape: OrderShape,
	failedRows: Set<number> = new Set(),
): Plan {
	const failures: Plan['failures'] = [];
	const orders: PlannedOrder[] = [];
	const firstOfFingerprint = new Map<string, ValidItem>();
	const orderOfItem = new Map<number, PlannedOrder>();
	const validByIndex = new Map(valid.map((item) => [item.draft.itemIndex, item]));
	const unique: ValidItem[] = [];
	const duplicates: Array<{ item: ValidItem; original: ValidItem }> = [];
	const texts = new Map(valid.map((item) => [item, itemTexts(items, item, shape)]));
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
		? combinedParts(
				this,
				items,
				unique,
				(item) =>
					JSON.stringify([
						item.draft.cardType,
						(texts.get(item) as ItemTexts).order,
						item.draft.idempotencyKey ?? null,
					]),
				validByIndex,
				failedRows,
				settings,
				failures,
			)
		: { parts: unique.map((item): Part => ({ members: [item] })), batchCount: 1 };

	const scope = keyScope(this);
	const bodyOfKey = new Map<
		string,
		{ body: () => string; itemIndex: number; planned: PlannedOrder }
	>();
	for (const { members: part, batch } of parts) {
		const content = shape.content(part[0]);
		const override = part[0].draft.idempotencyKey;
		const firstIndex = part[0].draft.itemIndex;
		const identities = part.map((member) => (texts.get(member) as ItemTexts).identity);
		let key = override ?? shape.defaultKey(scope, part, identities);
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
		const planned = newOrder(shape, key, override === undefined, part, content);
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
