// Self-tests of the harness with small fake node types (the real Giftronaut nodes are tested elsewhere).
import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodePropertyOptions,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { createHarness, stableId, type Harness } from './index';

const FAKE = 'n8n-nodes-giftronaut-harness.fake';
const FAKE_TRIGGER = 'n8n-nodes-giftronaut.giftronautTrigger';

let attempts = 0;

class FakeNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fake',
		name: 'fake',
		icon: 'fa:flask',
		group: ['transform'],
		version: [1, 2],
		description: 'Fake node for harness self-tests',
		defaults: { name: 'Fake' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'giftronautApi', required: true }],
		properties: [
			{ displayName: 'Mode', name: 'mode', type: 'string', default: 'echo' },
			{ displayName: 'Fail Times', name: 'failTimes', type: 'number', default: 0 },
		],
	};

	methods = {
		loadOptions: {
			async getBrands(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('giftronautApi');
				const res = (await this.helpers.httpRequestWithAuthentication.call(this, 'giftronautApi', {
					url: `${baseUrl}/api/v1/catalog/branded-cards`,
					qs: { page: 1, pageSize: 3 },
					json: true,
				})) as { data: IDataObject[] };
				const prefix = (this.getCurrentNodeParameter('mode') as string) ?? '';
				return res.data.map((p) => ({
					name: `${prefix}:${String(p.brandName)}`,
					value: String(p.productId),
				}));
			},
		},
		listSearch: {
			async searchThings(
				this: ILoadOptionsFunctions,
				filter?: string,
				paginationToken?: string,
			): Promise<INodeListSearchResult> {
				return { results: [{ name: `${filter ?? ''}|${paginationToken ?? ''}`, value: 1 }] };
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const mode = this.getNodeParameter('mode', 0) as string;
		if (mode === 'flaky') {
			attempts++;
			if (attempts <= (this.getNodeParameter('failTimes', 0) as number)) {
				throw new NodeOperationError(this.getNode(), `attempt ${attempts} failed`);
			}
		}
		if (mode === 'empty') return [[]];
		if (mode === 'fail-item-1') {
			const out: INodeExecutionData[] = [];
			for (let i = 0; i < items.length; i++) {
				try {
					if (i === 1)
						throw new NodeApiError(
							this.getNode(),
							{ message: 'boom' },
							{ message: 'boom', httpCode: '418', itemIndex: 1 },
						);
					out.push({ json: items[i].json, pairedItem: { item: i } });
				} catch (error) {
					if (this.continueOnFail()) {
						out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
						continue;
					}
					throw error instanceof NodeApiError
						? error
						: new NodeOperationError(this.getNode(), error as Error);
				}
			}
			return [out];
		}
		const node = this.getNode();
		return [
			items.map((item, i) => ({
				json: {
					...item.json,
					workflowId: this.getWorkflow().id,
					nodeId: node.id,
					nodeName: node.name,
				},
				pairedItem: { item: i },
			})),
		];
	}
}

class FakeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Fake Trigger',
		name: 'giftronautTrigger',
		icon: 'fa:flask',
		group: ['trigger'],
		version: 1,
		polling: true,
		description: 'Fake poller',
		defaults: { name: 'Fake Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Emit', name: 'emit', type: 'boolean', default: true }],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const data = this.getWorkflowStaticData('node');
		data.count = ((data.count as number) ?? 0) + 1;
		if (this.getMode() === 'manual') return [[{ json: { sample: true } }]];
		if (!this.getNodeParameter('emit')) return null;
		return [this.helpers.returnJsonArray([{ count: data.count as number }])];
	}
}

let h: Harness;

beforeAll(async () => {
	h = await createHarness({
		nodeTypes: { [FAKE]: new FakeNode(), [FAKE_TRIGGER]: new FakeTrigger() },
	});
});

afterAll(async () => {
	await h?.close();
});

const fake = { nodeType: FAKE, nodeName: 'Fake' };

test('input items reach the node; workflow/node ids are stable across runs', async () => {
	const a = await h.run({ ...fake, input: [{ a: 1 }, { a: 2 }] });
	const b = await h.run({ ...fake, input: [{ a: 1 }, { a: 2 }] });
	expect(a.json.map((j) => j.a)).toEqual([1, 2]);
	expect(a.json[0]).toMatchObject({
		workflowId: 'wf-1',
		nodeName: 'Fake',
		nodeId: stableId('wf-1/Fake'),
	});
	expect(b.json).toEqual(a.json);
	const c = await h.run({ ...fake, workflowId: 'wf-2', nodeId: 'custom-id' });
	expect(c.json[0]).toMatchObject({ workflowId: 'wf-2', nodeId: 'custom-id' });
	expect(a.nodeExecutionOrder).toEqual(['Manual Trigger', 'Input', 'Fake']);
	expect(a.items[1].pairedItem).toEqual({ item: 1 });
});

test('retryOnFail / maxTries pass through to WorkflowExecute', async () => {
	attempts = 0;
	const r = await h.run({
		...fake,
		parameters: { mode: 'flaky', failTimes: 2 },
		settings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 },
	});
	expect(r.error).toBeUndefined();
	expect(attempts).toBe(3);
	attempts = 0;
	const failed = await h.run({ ...fake, parameters: { mode: 'flaky', failTimes: 2 } });
	expect(failed.error?.message).toBe('attempt 1 failed');
	expect(failed.status).toBe('error');
});

test('onError continueErrorOutput routes the failing item to output 1; errors carry httpCode and itemIndex', async () => {
	const input = [{ n: 0 }, { n: 1 }, { n: 2 }];
	const stop = await h.run({ ...fake, parameters: { mode: 'fail-item-1' }, input });
	expect(stop.error).toMatchObject({ message: 'boom', httpCode: '418', context: { itemIndex: 1 } });
	const regular = await h.run({
		...fake,
		parameters: { mode: 'fail-item-1' },
		input,
		settings: { onError: 'continueRegularOutput' },
	});
	expect(regular.json.map((j) => j.error ?? j.n)).toEqual([0, 'boom', 2]);
	const split = await h.run({
		...fake,
		parameters: { mode: 'fail-item-1' },
		input,
		settings: { onError: 'continueErrorOutput' },
	});
	expect(split.outputs[0].map((i) => i.json.n)).toEqual([0, 2]);
	expect(split.outputs[1].map((i) => i.json.error)).toEqual(['boom']);
});

test('alwaysOutputData gives one empty item', async () => {
	const none = await h.run({ ...fake, parameters: { mode: 'empty' } });
	expect(none.items).toEqual([]);
	const always = await h.run({
		...fake,
		parameters: { mode: 'empty' },
		settings: { alwaysOutputData: true },
	});
	expect(always.json).toEqual([{}]);
});

test('loadOptions and listSearch run through LoadOptionsContext with the stored credential', async () => {
	h.sandbox.clearRequests();
	const options = await h.loadOptions('getBrands', { mode: 'x' }, { nodeType: FAKE });
	expect(options).toHaveLength(3);
	expect(options[0].name).toMatch(/^x:/);
	expect(
		h.sandbox
			.requests()
			.filter((e) => e.path.startsWith('/api/'))
			.every((e) => e.status === 200),
	).toBe(true);
	const found = await h.listSearch('searchThings', {}, 'abc', 'p2', { nodeType: FAKE });
	expect(found.results[0].name).toBe('abc|p2');
});

test('poll: static data round-trips, saved only on emit, never in manual mode', async () => {
	const first = await h.poll({ emit: false });
	expect(first.emitted).toBe(false);
	expect(first.nodeStaticData).toEqual({ count: 1 });
	expect(first.savedStaticData).toEqual({});
	const second = await h.poll({}, { staticData: first.staticData });
	expect(second.items.map((i) => i.json)).toEqual([{ count: 2 }]);
	expect(second.savedStaticData).toEqual({ 'node:Giftronaut Trigger': { count: 2 } });
	const manual = await h.poll({}, { mode: 'manual', staticData: second.savedStaticData });
	expect(manual.items[0].json).toEqual({ sample: true });
	expect(manual.savedStaticData).toEqual(second.savedStaticData);

	const p = h.poller({ emit: false });
	await p.poll(); // activation poll: saved even without emit
	await p.poll(); // tick without emit: memory only
	expect(p.staticData).toEqual({ 'node:Giftronaut Trigger': { count: 2 } });
	expect(p.savedStaticData).toEqual({ 'node:Giftronaut Trigger': { count: 1 } });
	p.restart();
	const afterRestart = await p.poll();
	expect(afterRestart.nodeStaticData).toEqual({ count: 2 });
});

test('a missing node type gives a clear error', async () => {
	await expect(h.run({ nodeType: 'n8n-nodes-giftronaut-harness.nope' })).rejects.toThrow(
		/Unknown node type/,
	);
});
