import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/displayOptions';
import { getOrder } from '../../shared/requests';
import { forEachItem, inputError } from '../../helpers/perItem';

export const option = {
	name: 'Get',
	description:
		'Get an order by ID with its status, total, recipients and reward links. Read-only: costs nothing.',
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
			throw inputError.call(
				this,
				itemIndex,
				'Order ID is empty',
				'Pick an order from the list, enter its ID (e.g. OT20260415001234), or map it from a previous node.',
			);
		}
		return await getOrder.call(this, orderId, { itemIndex });
	});
}
