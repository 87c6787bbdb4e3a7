import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { canonicalJson, hashKey, MAX_IDEMPOTENCY_KEY_LENGTH } from '../../../helpers/idempotency';
import type { Recipient } from '../../../helpers/recipients';
import { inputError } from './read';
import type { PlannedOrder, RunSettings, ValidItem } from './types';

/** Bump only if the key material changes on purpose: every default key changes with it. */
const KEY_VERSION = 1;

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

/**
 * The default key: workflow, node, card type, the order body (recipients and amounts included) and
 * every member item's own JSON plus its Deduplication Key. A retry or re-run of the same input gives
 * the same key; two items that differ in any data give different keys.
 */
function defaultKey(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	members: ValidItem[],
	body: IDataObject,
): string {
	const node = context.getNode();
	return hashKey({
		v: KEY_VERSION,
		workflowId: context.getWorkflow().id ?? '',
		nodeId: node.id || node.name,
		cardType: members[0].draft.cardType,
		order: body,
		items: members.map((member) => ({
			json: items[member.draft.itemIndex]?.json ?? {},
			deduplicationKey: member.draft.deduplicationKey ?? null,
		})),
	});
}

/** What makes two items the same gift: identical items are sent once, never twice in a run. */
function itemFingerprint(items: INodeExecutionData[], item: ValidItem): string {
	return canonicalJson({
		cardType: item.draft.cardType,
		order: orderContent(item),
		recipients: item.recipients,
		json: items[item.draft.itemIndex]?.json ?? {},
		deduplicationKey: item.draft.deduplicationKey ?? null,
		idempotencyKey: item.draft.idempotencyKey ?? null,
	});
}

function newOrder(key: string, members: ValidItem[], content: IDataObject): PlannedOrder {
	const recipients: Recipient[] = [];
	const planned: PlannedOrder = {
		key,
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

function bodyWithoutKey(content: IDataObject, members: ValidItem[]): IDataObject {
	return { ...content, recipients: members.flatMap((member) => member.recipients) };
}

/** Groups consecutive items into batches of whole items, at most `batchSize` recipients each. */
function batches(members: ValidItem[], batchSize: number): ValidItem[][] {
	const result: ValidItem[][] = [];
	let current: ValidItem[] = [];
	let size = 0;
	for (const member of members) {
		if (current.length && size + member.recipients.length > batchSize) {
			result.push(current);
			current = [];
			size = 0;
		}
		current.push(member);
		size += member.recipients.length;
	}
	if (current.length) result.push(current);
	return result;
}

export function planOrders(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	valid: ValidItem[],
	settings: RunSettings,
): Plan {
	const failures: Plan['failures'] = [];
	const orders: PlannedOrder[] = [];
	const firstOfFingerprint = new Map<string, ValidItem>();
	const orderOfItem = new Map<number, PlannedOrder>();
	const unique: ValidItem[] = [];
	const duplicates: Array<{ item: ValidItem; original: ValidItem }> = [];
	for (const item of valid) {
		const fingerprint = itemFingerprint(items, item);
		const original = firstOfFingerprint.get(fingerprint);
		if (original) duplicates.push({ item, original });
		else {
			firstOfFingerprint.set(fingerprint, item);
			unique.push(item);
		}
	}

	const groups = new Map<string, ValidItem[]>();
	for (const item of unique) {
		const group = settings.combineItems
			? canonicalJson({
					cardType: item.draft.cardType,
					order: orderContent(item),
					idempotencyKey: item.draft.idempotencyKey ?? null,
				})
			: String(item.draft.itemIndex);
		const list = groups.get(group) ?? [];
		list.push(item);
		groups.set(group, list);
	}

	const bodyOfKey = new Map<string, { body: string; itemIndex: number; planned: PlannedOrder }>();
	for (const members of groups.values()) {
		const content = orderContent(members[0]);
		const parts = settings.combineItems ? batches(members, settings.batchSize) : [members];
		parts.forEach((part, index) => {
			const override = part[0].draft.idempotencyKey;
			const firstIndex = part[0].draft.itemIndex;
			let key = override ?? defaultKey(this, items, part, bodyWithoutKey(content, part));
			if (override && parts.length > 1) key = `${override}-${index + 1}`;
			if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
				const error = inputError.call(
					this,
					firstIndex,
					`Idempotency Key "${key}" (with the batch number added) is ${key.length} characters long; Giftronaut accepts at most ${MAX_IDEMPOTENCY_KEY_LENGTH}`,
				);
				for (const member of part) failures.push({ itemIndex: member.draft.itemIndex, error });
				return;
			}
			const body = canonicalJson({
				cardType: part[0].draft.cardType,
				...bodyWithoutKey(content, part),
			});
			const earlier = bodyOfKey.get(key);
			if (earlier && earlier.body === body && !settings.combineItems) {
				// The user's own key says these two items are one gift: send it once.
				const source = earlier.planned.members[0];
				earlier.planned.members.push({
					...source,
					itemIndex: firstIndex,
					duplicateOf: source.itemIndex,
				});
				return;
			}
			if (earlier) {
				// Only a user-chosen key can repeat with other content; the default key hashes the content.
				const error = inputError.call(
					this,
					firstIndex,
					`Idempotency Key "${key}" is also used by item ${earlier.itemIndex} for a different order: Giftronaut would reject one of them (409). Give each order its own key`,
				);
				for (const member of part) failures.push({ itemIndex: member.draft.itemIndex, error });
				return;
			}
			const planned = newOrder(key, part, content);
			bodyOfKey.set(key, { body, itemIndex: firstIndex, planned });
			orders.push(planned);
			for (const member of part) orderOfItem.set(member.draft.itemIndex, planned);
		});
	}

	const failureOf = new Map(failures.map((failure) => [failure.itemIndex, failure.error]));
	for (const { item, original } of duplicates) {
		const planned = orderOfItem.get(original.draft.itemIndex);
		const source = planned?.members.find((member) => member.itemIndex === original.draft.itemIndex);
		if (!planned || !source) {
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
