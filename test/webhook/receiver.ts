// A real HTTP endpoint on 127.0.0.1 that hands each request to the Giftronaut Webhook Trigger's
// webhook() inside n8n-core's real WebhookContext, the way n8n's production webhook path does:
// the raw body kept beside the parsed one, a new Workflow per request with the static data read
// from the "database", and that data written back after the call when the node changed it.
import { WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	INode,
	INodeType,
	IWebhookData,
	IWebhookFunctions,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { sleep, Workflow } from 'n8n-workflow';

import { GiftronautWebhookTrigger } from '../../nodes/Giftronaut/GiftronautWebhookTrigger.node';
import { CREDENTIAL_TYPE, DEFAULT_CREDENTIAL_ID, stableId, type Harness } from '../harness';
import { startEndpoint, type EndpointRequest, type EndpointResponse } from './http-endpoint';

export const WEBHOOK_TRIGGER_TYPE = 'n8n-nodes-giftronaut.giftronautWebhookTrigger';
export const WEBHOOK_NODE_NAME = 'Giftronaut Webhook Trigger';

export interface Answer {
	status: number;
	body: unknown;
}

export interface ReceiverOptions {
	parameters?: IDataObject;
	workflowId?: string;
	/** Static data as stored before the first request (a JSON copy). */
	staticData?: IDataObject;
	/** Wait this long after the static data is read, before webhook() runs (a slow n8n). */
	delayMs?: number;
}

export interface Receiver {
	readonly url: string;
	/** Output items of every call that started the workflow, in the order they were emitted. */
	readonly emitted: IDataObject[];
	/** Every answer sent, in order. */
	readonly answers: Answer[];
	/** The static data "in the database": what n8n would load for the next request. */
	readonly storedStaticData: IDataObject;
	/** Stop listening (the receiver is down) until start() again on the same port. */
	stop(): Promise<void>;
	start(): Promise<void>;
	close(): Promise<void>;
}

const plain = (data: IDataObject): IDataObject =>
	JSON.parse(
		JSON.stringify(data, (key, value: unknown) => (key === '__dataChanged' ? undefined : value)),
	) as IDataObject;

/** Enough of express's Response for a node: status().json(), setHeader, headersSent. */
function responseShim(res: EndpointResponse, answers: Answer[]) {
	let statusCode = 200;
	const shim = {
		get headersSent() {
			return res.headersSent;
		},
		status(code: number) {
			statusCode = code;
			return shim;
		},
		setHeader(name: string, value: string) {
			res.setHeader(name, value);
			return shim;
		},
		json(body: unknown) {
			answers.push({ status: statusCode, body });
			res.writeHead(statusCode, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(body));
			return shim;
		},
	};
	return shim;
}

export async function startReceiver(h: Harness, options: ReceiverOptions = {}): Promise<Receiver> {
	h.nodeTypes.register(WEBHOOK_TRIGGER_TYPE, new GiftronautWebhookTrigger());
	await h.nodeTypes.load([WEBHOOK_TRIGGER_TYPE]);
	const nodeType = h.nodeTypes.getByNameAndVersion(WEBHOOK_TRIGGER_TYPE, 1) as INodeType;
	const workflowId = options.workflowId ?? 'wf-webhook';
	const node: INode = {
		id: stableId(`${workflowId}/${WEBHOOK_NODE_NAME}`),
		name: WEBHOOK_NODE_NAME,
		type: WEBHOOK_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: stableId(`${workflowId}/webhook`),
		parameters: { events: ['order.delivery_complete'], options: {}, ...(options.parameters ?? {}) },
		credentials: { [CREDENTIAL_TYPE]: { id: DEFAULT_CREDENTIAL_ID, name: DEFAULT_CREDENTIAL_ID } },
	};
	const emitted: IDataObject[] = [];
	const answers: Answer[] = [];
	let stored: IDataObject = options.staticData ?? {};
	let executions = 0;

	async function handle(req: EndpointRequest, res: EndpointResponse): Promise<void> {
		const { rawBody } = req;
		let body: unknown = {};
		try {
			body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
		} catch {
			body = {};
		}
		const request = {
			method: req.method,
			headers: req.headers,
			body,
			rawBody,
			query: {},
			params: {},
		};
		const response = responseShim(res, answers);
		const workflow = new Workflow({
			id: workflowId,
			name: 'Webhook trigger workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: h.nodeTypes,
			staticData: JSON.parse(JSON.stringify(stored)) as IDataObject,
			settings: { executionOrder: 'v1' },
		});
		// Between n8n's read of the static data and the node's answer: a slow n8n.
		if (options.delayMs) await sleep(options.delayMs);
		const additionalData = {
			credentialsHelper: h.credentialsHelper,
			executionId: `webhook-${++executions}`,
			httpRequest: request,
			httpResponse: response,
			webhookBaseUrl: 'http://localhost:5678/webhook',
			webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
			webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
			instanceBaseUrl: 'http://localhost:5678/',
			restApiUrl: 'http://localhost:5678/rest',
			variables: {},
		} as unknown as IWorkflowExecuteAdditionalData;
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: `${node.webhookId}/webhook`,
			webhookDescription: nodeType.description.webhooks![0],
			workflowId,
			workflowExecuteAdditionalData: additionalData,
			webhookId: node.webhookId,
		} as IWebhookData;
		const context = new WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			null,
		);
		try {
			const result = await nodeType.webhook!.call(context as unknown as IWebhookFunctions);
			// n8n 2.x saves the static data once the call is answered (live-webhooks.js).
			const data = workflow.staticData as IDataObject & { __dataChanged?: boolean };
			if (data.__dataChanged) stored = plain(data);
			if (res.headersSent) return;
			if (result.workflowData) {
				for (const item of result.workflowData[0] ?? []) emitted.push(item.json);
				response.status(200).json({ message: 'Workflow was started' });
			} else {
				response.status(200).json(result.webhookResponse ?? { message: 'Webhook call received' });
			}
		} catch (error) {
			if (!res.headersSent) {
				response.status(500).json({ message: `Error in workflow: ${(error as Error).message}` });
			}
		}
	}

	const endpoint = await startEndpoint(handle);
	return {
		get url() {
			return `http://127.0.0.1:${endpoint.port}/webhook/${node.webhookId}/webhook`;
		},
		emitted,
		answers,
		get storedStaticData() {
			return stored;
		},
		stop: async () => await endpoint.stop(),
		start: async () => await endpoint.start(),
		close: async () => await endpoint.close(),
	};
}

/** The sandbox's /__sandbox/webhooks controls over HTTP. */
export async function control(
	h: Harness,
	method: 'GET' | 'POST' | 'DELETE',
	path: string,
	body?: unknown,
): Promise<IDataObject> {
	const response = await fetch(`${h.sandbox.url}/__sandbox/${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = (await response.json()) as IDataObject;
	if (!response.ok)
		throw new Error(`sandbox ${method} ${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
	return json;
}
