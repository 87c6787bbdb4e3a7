import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { errorItem } from '../perItem';
import type { Recipient } from './recipients';
import type { Member, RunSettings, SentOrder } from './types';

function orderFacts(sent: SentOrder, settings: RunSettings): IDataObject {
	const facts: IDataObject = {
		idempotencyKey: sent.planned.key,
		replayed: sent.replayed,
		requestId: sent.requestId,
	};
	if (settings.waitForCompletion) facts.waitTimedOut = sent.waitTimedOut === true;
	if (sent.waitError) facts.waitError = sent.waitError;
	return facts;
}

function duplicateFact(member: Member): IDataObject {
	return member.duplicateOf === undefined ? {} : { duplicateOfItem: member.duplicateOf };
}

/** The server's copy of a recipient (with its reward link), matched by position, else by email and amount. */
function serverRecipient(
	sent: SentOrder,
	index: number,
	sentRecipient: Recipient,
): IDataObject | undefined {
	const list = sent.order.recipients;
	if (!Array.isArray(list)) return undefined;
	const byPosition = list[index] as IDataObject | undefined;
	if (list.length === sent.planned.recipients.length && byPosition?.email === sentRecipient.email) {
		return byPosition;
	}
	return (list as IDataObject[]).find(
		(entry) => entry.email === sentRecipient.email && Number(entry.amount) === sentRecipient.amount,
	);
}

function recipientItems(
	sent: SentOrder,
	member: Member,
	settings: RunSettings,
): INodeExecutionData[] {
	const { order, planned } = sent;
	const output: INodeExecutionData[] = [];
	for (let index = member.offset; index < member.offset + member.count; index++) {
		const recipient = planned.recipients[index];
		const fromServer = serverRecipient(sent, index, recipient);
		output.push({
			json: {
				orderId: order.orderId ?? null,
				status: order.status ?? null,
				// The name before `status` matched the order output; kept for expressions that read it.
				orderStatus: order.status ?? null,
				productId: planned.product.productId,
				cardName: order.cardName ?? planned.product.brandName,
				currency: planned.product.currencyCode,
				...recipient,
				rewardLink: (fromServer?.rewardLink as string | null | undefined) ?? null,
				...orderFacts(sent, settings),
				...duplicateFact(member),
			},
			pairedItem: { item: member.itemIndex },
		});
	}
	return output;
}

/**
 * The order as output, always with `recipients`: the create answer has none (GET by ID has them,
 * with reward links, after Wait for Completion), so they are filled in from what was sent, with
 * rewardLink null until the order is COMPLETE.
 */
function orderJson(sent: SentOrder, settings: RunSettings): IDataObject {
	const recipients = Array.isArray(sent.order.recipients)
		? sent.order.recipients
		: sent.planned.recipients.map((recipient) => ({ ...recipient, rewardLink: null }));
	return { ...sent.order, recipients, ...orderFacts(sent, settings) };
}

function firstItem(entry: INodeExecutionData): number {
	const paired = entry.pairedItem;
	if (Array.isArray(paired)) return Math.min(...paired.map((pair) => pair.item));
	if (typeof paired === 'number') return paired;
	return (paired as IPairedItemData | undefined)?.item ?? 0;
}

export function buildOutput(
	sentOrders: SentOrder[],
	failures: Map<number, Error>,
	settings: RunSettings,
): INodeExecutionData[] {
	const output: INodeExecutionData[] = [];
	for (const sent of sentOrders) {
		const members = [...sent.planned.members].sort((a, b) => a.itemIndex - b.itemIndex);
		if (settings.output === 'recipients') {
			for (const member of members) output.push(...recipientItems(sent, member, settings));
		} else if (settings.combineItems) {
			output.push({
				json: orderJson(sent, settings),
				pairedItem: members.map((member) => ({ item: member.itemIndex })),
			});
		} else {
			for (const member of members) {
				output.push({
					json: { ...orderJson(sent, settings), ...duplicateFact(member) },
					pairedItem: { item: member.itemIndex },
				});
			}
		}
	}
	for (const [itemIndex, error] of failures) output.push(errorItem(error, itemIndex));
	// Stable: keeps recipients of one item in order while sorting by input row.
	return output
		.map((entry, position) => ({ entry, position, first: firstItem(entry) }))
		.sort((a, b) => a.first - b.first || a.position - b.position)
		.map(({ entry }) => entry);
}
