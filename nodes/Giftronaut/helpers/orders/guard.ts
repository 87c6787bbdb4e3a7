import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem } from '../perItem';
import { toCents, type GuardedOrder } from '../../shared/spendingLimits/limits';
import type { PlannedOrder } from './types';

const orderTotalCents = (planned: PlannedOrder) =>
	planned.recipients.reduce((sum, recipient) => sum + toCents(recipient.amount), 0);

function itemsOf(planned: PlannedOrder): number[] {
	return planned.members.filter((m) => m.duplicateOf === undefined).map((m) => m.itemIndex);
}

/** A planned order as the spending limits see it. */
export function guardedOrder(planned: PlannedOrder, batch: number): GuardedOrder {
	const items = itemsOf(planned);
	const label =
		items.length === 1
			? `the order of item ${items[0]}`
			: `order ${batch + 1} (items ${Math.min(...items)} to ${Math.max(...items)})`;
	return {
		itemIndexes: planned.members.map((m) => m.itemIndex),
		label,
		productId: planned.product.productId,
		currency: planned.product.currencyCode,
		totalCents: orderTotalCents(planned),
		idempotencyKey: planned.key,
	};
}

/** Validate Only: what would be sent, one item per order; no order request was made. */
export function validateOnlyOutput(
	orders: PlannedOrder[],
	failures: Map<number, Error>,
): INodeExecutionData[] {
	const output: INodeExecutionData[] = orders.map((planned, batch) => {
		const { recipients } = planned;
		const cents = orderTotalCents(planned);
		const currency = planned.product.currencyCode;
		return {
			json: {
				validateOnly: true,
				cardType: planned.cardType,
				...planned.about,
				cardName: planned.product.brandName,
				currency,
				recipients,
				recipientCount: recipients.length,
				amounts: recipients.map((recipient) => recipient.amount),
				total: { amount: cents / 100, currency },
				totalUsd: currency === 'USD' ? cents / 100 : null,
				idempotencyKey: planned.key,
				batch: batch + 1,
				items: planned.members.map((m) => m.itemIndex),
			},
			pairedItem: planned.members.map((m) => ({ item: m.itemIndex })),
		};
	});
	for (const [itemIndex, error] of failures) output.push(errorItem(error, itemIndex));
	return output;
}

/** n8n runs the tool variant of a node under the type name with "Tool" appended. */
export const runsAsTool = (context: IExecuteFunctions) => context.getNode().type.endsWith('Tool');

const TOOL_KEYS = [
	'validateOnly',
	'orderId',
	'status',
	'orderStatus',
	'productId',
	'total',
	'totalCost',
	'recipientCount',
	'email',
	'amount',
	'replayed',
	'idempotencyKey',
	'error',
	'description',
];

/** What an agent reads back: order id, status, total and recipient count, not 1,000 recipients. */
export function compactForTool(items: INodeExecutionData[]): INodeExecutionData[] {
	return items.map((item) => {
		const json: IDataObject = {};
		for (const key of TOOL_KEYS) if (item.json[key] !== undefined) json[key] = item.json[key];
		return { json, pairedItem: item.pairedItem };
	});
}
