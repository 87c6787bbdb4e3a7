import { DateTime } from 'luxon';
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	createHarness,
	GIFTRONAUT_NODE_TYPE,
	MANUAL_TRIGGER_TYPE,
	SOURCE_TYPE,
	type Harness,
} from '../harness';
import { createParameters, person } from './create-fixtures';

// Issue 9, case 4: the key is computed from the item as n8n stores it. Edit Fields' "Date & Time"
// fields hold Luxon DateTime objects in memory; "retry execution" reloads them as ISO strings.

const DATES_TYPE = 'n8n-nodes-giftronaut-harness.dates';
const WON_AT = '2026-11-30T09:15:00.000Z';

/** Like Edit Fields with a Date & Time field: each item gets `wonAt` as a Luxon DateTime. */
class DatesSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Dates',
		name: 'dates',
		group: ['transform'],
		version: 1,
		description: 'Adds a Luxon DateTime to each item',
		defaults: { name: 'Dates' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const wonAt = DateTime.fromISO(WON_AT, { zone: 'utc' });
		return [
			[1, 2].map((index) => ({
				json: { ...person(index), wonAt } as unknown as IDataObject,
				pairedItem: { item: 0 },
			})),
		];
	}
}

let h: Harness;
beforeAll(async () => {
	h = await createHarness({ nodeTypes: { [DATES_TYPE]: new DatesSource() } });
});
afterAll(async () => await h.close());
beforeEach(() => h.sandbox.reset());

const node = (name: string, type: string, parameters: IDataObject = {}): INode => ({
	id: `node-${name}`,
	name,
	type,
	typeVersion: 1,
	position: [0, 0],
	parameters: parameters as INode['parameters'],
});

async function runFrom(source: INode, options: IDataObject = {}) {
	const giftronaut: INode = {
		...node(
			'Giftronaut',
			GIFTRONAUT_NODE_TYPE,
			createParameters({ options: options as INodeParameters }),
		),
		credentials: { giftronautApi: { id: 'giftronaut-1', name: 'Giftronaut' } },
	};
	const result = await h.runWorkflow({
		workflowId: 'wf-stored-form',
		nodes: [node('Manual Trigger', MANUAL_TRIGGER_TYPE), source, giftronaut],
		connections: {
			'Manual Trigger': {
				main: [[{ node: source.name, type: NodeConnectionTypes.Main, index: 0 }]],
			},
			[source.name]: { main: [[{ node: 'Giftronaut', type: NodeConnectionTypes.Main, index: 0 }]] },
		},
	});
	expect(result.errorOf('Giftronaut')).toBeUndefined();
	return result.outputOf('Giftronaut').map((item) => item.json);
}

const reloaded = (items: IDataObject[]) =>
	node('Input', SOURCE_TYPE, { items: JSON.stringify(items) });

test.each([{}, { combineItems: true }])(
	'a Luxon DateTime in memory and its ISO string after a reload give the same key (%o)',
	async (options) => {
		const inMemory = await runFrom(node('Dates', DATES_TYPE), options);
		const afterReload = await runFrom(
			reloaded([person(1, { wonAt: WON_AT }), person(2, { wonAt: WON_AT })]),
			options,
		);
		expect(afterReload.map((json) => json.idempotencyKey)).toEqual(
			inMemory.map((json) => json.idempotencyKey),
		);
		expect(afterReload.every((json) => json.replayed === true)).toBe(true);
		expect(h.sandbox.orders()).toHaveLength(options.combineItems ? 1 : 2);
	},
);

test('golden keys: fixed inputs on a fixed workflow and node keep their keys across versions', async () => {
	const single = await runFrom(
		reloaded([person(1, { wonAt: WON_AT }), person(2, { dealId: 'D-1' })]),
	);
	expect(single.map((json) => json.idempotencyKey)).toEqual(GOLDEN.single);
	const combined = await runFrom(reloaded([person(1), person(2)]), { combineItems: true });
	expect(combined.map((json) => json.idempotencyKey)).toEqual(GOLDEN.combined);
	const dedup = await runFrom(reloaded([person(3, { noise: 'x' })]), {
		deduplicationKey: 'deal-3',
	});
	expect(dedup.map((json) => json.idempotencyKey)).toEqual(GOLDEN.dedup);
});

const GOLDEN = {
	single: [
		'n8n-aFlycS_34_J-FygzieaD2CoszNp0JZKZoDay70j_u48',
		'n8n-d4j1TpMAfh96ViY1ieNUxzRVtQ22otnf3R099R53Vrs',
	],
	combined: ['n8n-d7rqQRQ2xm-L5jdAgDGZPk9JiJbB0_PwsEiJJkfYVHg'],
	dedup: ['n8n-1t2e0EHrv67QNB_1iXFuDYSumuzlL_SS0x2-uNOeEmg'],
};
