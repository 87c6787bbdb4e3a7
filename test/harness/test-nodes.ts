// Test-only node types used by the harness. They are never packaged (test/ is outside `files`).
import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	jsonParse,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type ITriggerFunctions,
	type ITriggerResponse,
} from 'n8n-workflow';

export const HARNESS_PREFIX = 'n8n-nodes-giftronaut-harness';
export const MANUAL_TRIGGER_TYPE = 'n8n-nodes-base.manualTrigger';
export const SOURCE_TYPE = `${HARNESS_PREFIX}.source`;
export const AUTH_REQUEST_TYPE = `${HARNESS_PREFIX}.authRequest`;

/** Behaves like n8n's Manual Trigger: in a manual execution it emits one empty item. */
export class HarnessManualTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Manual Trigger',
		name: 'manualTrigger',
		icon: 'fa:mouse-pointer',
		group: ['trigger'],
		version: 1,
		description: 'Runs the flow on clicking a button in n8n',
		maxNodes: 1,
		defaults: { name: 'Manual Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const manualTriggerFunction = async () => {
			this.emit([this.helpers.returnJsonArray([{}])]);
		};
		return { manualTriggerFunction };
	}
}

/**
 * Emits the items given in its `items` parameter (a JSON array of objects, or of `{json, binary?}`
 * items when `wrapped` is true). `run({ input })` feeds the node under test through it.
 */
export class HarnessSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Source',
		name: 'source',
		icon: 'fa:list',
		group: ['transform'],
		version: 1,
		description: 'Emits fixed test items',
		defaults: { name: 'Input' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Items (JSON)', name: 'items', type: 'string', default: '[]' },
			{ displayName: 'Wrapped', name: 'wrapped', type: 'boolean', default: false },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string;
		const wrapped = this.getNodeParameter('wrapped', 0) as boolean;
		const parsed = jsonParse<unknown[]>(raw);
		if (!Array.isArray(parsed))
			throw new NodeOperationError(this.getNode(), 'items must be a JSON array');
		const items = parsed.map((entry) => {
			const item = wrapped ? (entry as INodeExecutionData) : { json: entry as IDataObject };
			return { ...item, json: item.json ?? {}, pairedItem: { item: 0 } };
		});
		return [items];
	}
}

/**
 * One authenticated request per input item through `httpRequestWithAuthentication` with the
 * `giftronautApi` credential (token exchange, Bearer header, 401 refresh: all n8n-core's real path).
 * Until the Giftronaut node exists, the credential tests run on this node.
 * Item fields (all optional): `method` (GET), `path` (the node's Path parameter,
 * default /api/v1/catalog/branded-cards), `qs` (GET default page=1&pageSize=1), `body`.
 * Output per item: { index, count, first } for lists, { index, response } otherwise.
 */
export class HarnessAuthRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Authenticated Request',
		name: 'authRequest',
		icon: 'fa:key',
		group: ['transform'],
		version: 1,
		description: 'Calls a Giftronaut API path per item with the Giftronaut API credential',
		defaults: { name: 'Auth Request' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'giftronautApi', required: true }],
		properties: [
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: '/api/v1/catalog/branded-cards',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const credentials = await this.getCredentials<{ baseUrl: string }>('giftronautApi');
		const baseUrl = String(credentials.baseUrl).replace(/\/+$/, '');
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const { json } = items[i];
				const method = ((json.method as string) || 'GET').toUpperCase() as IHttpRequestMethods;
				const path = (json.path as string) || (this.getNodeParameter('path', i) as string);
				const qs =
					(json.qs as IDataObject) ?? (method === 'GET' ? { page: 1, pageSize: 1 } : undefined);
				const response = (await this.helpers.httpRequestWithAuthentication.call(
					this,
					'giftronautApi',
					{
						method,
						url: `${baseUrl}${path}`,
						qs,
						body: json.body as IDataObject | undefined,
						json: true,
					},
				)) as IDataObject;
				const list = Array.isArray(response?.data) ? (response.data as IDataObject[]) : undefined;
				out.push({
					json: list
						? { index: i, count: list.length, first: list[0] ?? null }
						: { index: i, response },
					pairedItem: { item: i },
				});
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				if (error instanceof NodeApiError) error.context.itemIndex = i;
				throw error instanceof NodeApiError
					? error
					: new NodeOperationError(this.getNode(), error as Error);
			}
		}
		return [out];
	}
}
