import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/displayOptions';
import { getOrder } from '../../shared/requests';
import { forEachItem, inputError } from '../../helpers/perItem';

export const option = {
	name: 'Get',
	description:
		'Get an order by ID with its status, total, recipients and reward links. Read-only: costs nothing.',
	action: 'Get an order',
};

const properties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. OT20260415001234',
		description:
			'ID of the order to get. Reward links of its recipients are filled once the order is COMPLETE.',
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
		const orderId = String(this.getNodeParameter('orderId', itemIndex, '') ?? '').trim();
		if (!orderId) {
			throw inputError.call(
				this,
				itemIndex,
				'Order ID is empty',
				'Enter the ID of the order, e.g. OT20260415001234, or map it from a previous node.',
			);
		}
		return await getOrder.call(this, orderId, { itemIndex });
	});
}
