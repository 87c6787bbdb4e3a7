import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/** The event types of docs/api-contract.md#webhooks, as the Events list offers them. */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'ACH Top-Up Approved',
		value: 'balance.ach_approved',
		description: 'An ACH top-up was approved and the funds were added',
	},
	{
		name: 'ACH Top-Up Rejected',
		value: 'balance.ach_rejected',
		description: 'An ACH top-up was rejected (the reason is in the event)',
	},
	{
		name: 'Balance Depleted',
		value: 'balance.depleted',
		description: 'The balance reached zero',
	},
	{
		name: 'Low Balance',
		value: 'balance.low_balance',
		description: 'The balance fell below the threshold set in the Giftronaut portal',
	},
	{
		name: 'Order Delivery Complete',
		value: 'order.delivery_complete',
		description: 'Every recipient of an order was delivered',
	},
	{
		name: 'Order Delivery Partial',
		value: 'order.delivery_partial',
		description: 'Some recipients of an order were not delivered',
	},
	{
		name: 'Reward-Link Order Created',
		value: 'order.created',
		description: 'A reward-link order was created and is being processed',
	},
];

export const ORDER_EVENTS = new Set([
	'order.delivery_complete',
	'order.delivery_partial',
	'order.created',
]);

export interface WebhookEvent {
	eventId: string;
	eventType: string;
	createdAt?: string;
	data: IDataObject;
}

export type ParsedBody =
	| { kind: 'challenge'; challengeToken: string }
	| { kind: 'event'; event: WebhookEvent }
	| { kind: 'invalid'; reason: string };

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The ownership check: a body with a challenge token and no event in it. */
export function challengeTokenOf(body: unknown): string | undefined {
	if (!isObject(body) || 'eventId' in body) return undefined;
	return typeof body.challengeToken === 'string' ? body.challengeToken : undefined;
}

/** An event envelope from the exact bytes that were signed (not from a re-parsed copy). */
export function parseEvent(rawBody: Buffer): ParsedBody {
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return { kind: 'invalid', reason: 'the body is not JSON' };
	}
	if (!isObject(body)) return { kind: 'invalid', reason: 'the body is not a JSON object' };
	if (typeof body.eventId !== 'string' || body.eventId === '') {
		return { kind: 'invalid', reason: 'the event has no eventId' };
	}
	if (typeof body.eventType !== 'string' || body.eventType === '') {
		return { kind: 'invalid', reason: 'the event has no eventType' };
	}
	return {
		kind: 'event',
		event: {
			eventId: body.eventId,
			eventType: body.eventType,
			createdAt: typeof body.createdAt === 'string' ? body.createdAt : undefined,
			data: isObject(body.data) ? body.data : {},
		},
	};
}

/** One output item: the envelope's fields first, then the event's data fields beside them. */
export function flattenEvent(event: WebhookEvent): IDataObject {
	const { eventId, eventType, createdAt } = event;
	const item: IDataObject = { eventId, eventType, createdAt: createdAt ?? null };
	for (const [key, value] of Object.entries(event.data)) {
		if (!(key in item)) item[key] = value;
	}
	return item;
}
