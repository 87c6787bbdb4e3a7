import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/displayOptions';
import { forEachItem } from '../../helpers/perItem';
import { apiRequest, unwrapObject } from '../../transport';

export const option = {
	name: 'Get',
	description: 'Get an order with its recipients and reward links',
	action: 'Get an order and its reward links',
};

// A resource locator since the "From list" mode came in. Workflows saved before keep a plain string
// (an ID or an expression); `extractValue` returns such a value unchanged, so they run as before.
const properties: INodeProperties[] = [
	{
		displayName: 'Order',
		name: 'orderId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'The order to get. Reward links of its recipients are filled once the order is COMPLETE.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchOrders', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. OT20260415001234',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const value = this.getNodeParameter('orderId', itemIndex, '', { extractValue: true });
		const orderId = String(value ?? '').trim();
		if (!orderId) {
			throw new NodeOperationError(this.getNode(), `Order ID is empty (item ${itemIndex})`, {
				itemIndex,
				description:
					'Pick an order from the list, enter its ID (e.g. OT20260415001234), or map it from a previous node.',
			});
		}
		const response = await apiRequest.call(this, {
			method: 'GET',
			path: `/api/v1/orders/${encodeURIComponent(orderId)}`,
			itemIndex,
		});
		return unwrapObject(response.body);
	});
}
