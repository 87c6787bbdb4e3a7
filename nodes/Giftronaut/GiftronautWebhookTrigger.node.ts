import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getOrder } from './shared/requests';
import { CREDENTIAL_TYPE } from './transport';
import { includeFullOrderOption, optionsCollection, triggerNodeBase } from './shared/descriptions';
import { EventDeduper } from './webhook/dedupe';
import {
	challengeTokenOf,
	EVENT_OPTIONS,
	flattenEvent,
	ORDER_EVENTS,
	parseEvent,
	type WebhookEvent,
} from './webhook/envelope';
import { isValidSignature, SIGNATURE_HEADER } from './webhook/signature';

/** Giftronaut waits 10 s for an answer (docs/api-contract.md#delivery); the order read must fit. */
const FULL_ORDER_TIMEOUT_MS = 4000;

type RequestWithRawBody = { rawBody?: Buffer; body?: unknown; headers: IDataObject };

export class GiftronautWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Giftronaut Webhook Trigger',
		name: 'giftronautWebhookTrigger',
		icon: {
			light: 'file:../../icons/giftronaut.svg',
			dark: 'file:../../icons/giftronaut.dark.svg',
		},
		...triggerNodeBase,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description:
			'Starts the workflow the moment Giftronaut sends an event (order delivered, low balance, ACH top-up)',
		defaults: {
			name: 'Giftronaut Webhook Trigger',
		},
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					"Set up once in the Giftronaut developer portal → Webhooks: paste this node's <b>Production URL</b> (under Webhook URLs above) for this credential, copy the <b>signing secret</b> the portal shows into the credential's Webhook Signing Secret field, and switch on the events you want there too. Then activate the workflow: Giftronaut only reaches an active workflow's production URL.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['order.delivery_complete'],
				options: EVENT_OPTIONS,
				description:
					'Which events start the workflow. Other events Giftronaut sends are answered and ignored.',
			},
			optionsCollection([
				includeFullOrderOption(
					'Whether to fetch the full order (recipients and their reward links) for order events, at one extra request per event. It appears under "order".',
				),
			]),
		],
	};

	// Giftronaut has no API to register an endpoint: these only remember which URL was announced.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				return data.endpointUrl === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				data.endpointUrl = this.getNodeWebhookUrl('default');
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				delete data.endpointUrl;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject() as unknown as RequestWithRawBody;
		const response = this.getResponseObject();
		const answer = (status: number, body: IDataObject): IWebhookResponseData => {
			response.status(status).json(body);
			return { noWebhookResponse: true };
		};

		// The ownership check comes unsigned, before a signing secret exists (docs/api-contract.md#webhooks).
		const challengeToken = challengeTokenOf(request.body);
		if (challengeToken !== undefined) return answer(200, { challengeToken });

		const credentials = await this.getCredentials(CREDENTIAL_TYPE);
		const secret = String(credentials.webhookSigningSecret ?? '');
		if (!secret) {
			const message =
				'No Webhook Signing Secret is set in the Giftronaut API credential, so this event cannot be verified and was refused. Copy the signing secret from the Giftronaut developer portal (Webhooks) into the credential.';
			this.logger.warn(`Giftronaut Webhook Trigger: ${message}`);
			return answer(401, { error: 'SIGNING_SECRET_NOT_SET', message });
		}
		const rawBody = request.rawBody;
		if (!Buffer.isBuffer(rawBody)) {
			return answer(401, {
				error: 'INVALID_SIGNATURE',
				message:
					'The request body could not be read as received, so its signature cannot be checked',
			});
		}
		if (!isValidSignature(rawBody, request.headers[SIGNATURE_HEADER] as string, secret)) {
			return answer(401, {
				error: 'INVALID_SIGNATURE',
				message: 'X-Giftronaut-Signature is missing or does not match the body',
			});
		}

		const parsed = parseEvent(rawBody);
		if (parsed.kind !== 'event') {
			const reason = parsed.kind === 'invalid' ? parsed.reason : 'not an event';
			return answer(400, { error: 'INVALID_EVENT', message: `Not a Giftronaut event: ${reason}` });
		}
		const { event } = parsed;
		const deduper = new EventDeduper(
			this.getWorkflowStaticData('node'),
			`${this.getWorkflow().id ?? ''}:${this.getNode().id}:${this.getMode()}`,
		);
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes(event.eventType)) {
			deduper.heal();
			return answer(200, { received: true, emitted: false, reason: 'event type not selected' });
		}
		if (deduper.has(event.eventId)) {
			deduper.heal();
			return answer(200, { received: true, emitted: false, reason: 'duplicate eventId' });
		}
		// Recorded before the order read, so that a copy arriving meanwhile counts as a duplicate.
		deduper.record(event.eventId);
		try {
			const item = await shapeEvent.call(this, event);
			// n8n saves this call's static data after it returns; calls that recorded ids while the
			// order was being read may have saved already, so this save must carry their ids too.
			deduper.heal();
			return { workflowData: [[item]] };
		} catch (error) {
			deduper.forget(event.eventId);
			throw new NodeOperationError(this.getNode(), error as Error);
		}
	}
}

async function shapeEvent(
	this: IWebhookFunctions,
	event: WebhookEvent,
): Promise<INodeExecutionData> {
	const json = flattenEvent(event);
	const includeFullOrder =
		(this.getNodeParameter('options', {}) as IDataObject).includeFullOrder === true;
	const orderId = event.data.orderId;
	if (includeFullOrder && ORDER_EVENTS.has(event.eventType)) {
		// The event is emitted even when its order cannot be read: a delivery is never dropped.
		json.order = null;
		if (typeof orderId !== 'string' || orderId === '') {
			json.orderError = `Giftronaut sent this ${event.eventType} event without an orderId, so the full order could not be read`;
		} else {
			try {
				json.order = await getOrder.call(this, orderId, {
					retries: 1,
					timeoutMs: FULL_ORDER_TIMEOUT_MS,
				});
			} catch (error) {
				json.orderError = `The full order ${orderId} could not be read: ${(error as Error).message}`;
			}
		}
	}
	return { json, pairedItem: { item: 0 } };
}
