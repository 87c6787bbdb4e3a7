import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forEachItem } from '../../helpers/perItem';
import { getBalance } from '../../shared/requests';

export const option = {
	name: 'Get',
	description:
		'Get the available and pending balance of the account (USD). Read-only: costs nothing.',
	action: 'Get the account balance',
};

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		return await getBalance.call(this, { itemIndex });
	});
}
