import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as balance from './balance/Balance.resource';
import * as campaign from './campaign/Campaign.resource';
import * as catalog from './catalog/Catalog.resource';
import * as order from './order/Order.resource';
import * as recipient from './recipient/Recipient.resource';
import * as template from './template/Template.resource';
import type { Operation, OperationMap } from './node.type';

/** Every resource with its operations: an operation is found by its resource's map, never listed here. */
export const resources = {
	balance: balance.operations,
	campaign: campaign.operations,
	catalog: catalog.operations,
	order: order.operations,
	recipient: recipient.operations,
	template: template.operations,
} satisfies Record<string, OperationMap>;

type Resources = typeof resources;

/** Each resource with exactly its own operations, e.g. `{ resource: 'order'; operation: 'create' }`. */
export type GiftronautType = {
	[R in keyof Resources]: { resource: R; operation: keyof Resources[R] & string };
}[keyof Resources];

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const { resource, operation } = {
		resource: this.getNodeParameter('resource', 0),
		operation: this.getNodeParameter('operation', 0),
	} as GiftronautType;
	const operations: Partial<Record<string, Operation>> = resources[resource] ?? {};
	const handler = Object.prototype.hasOwnProperty.call(operations, operation)
		? operations[operation]
		: undefined;
	if (!handler) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of resource "${resource}" is not supported`,
		);
	}
	return [await handler.execute.call(this, items)];
}
