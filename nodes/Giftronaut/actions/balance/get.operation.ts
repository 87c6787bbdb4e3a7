import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forEachItem } from '../../helpers/perItem';
import { apiRequest, unwrapObject } from '../../transport';

export const option = {
	name: 'Get',
	description: 'Get the available and pending balance of the account',
	action: 'Get the account balance',
};

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const response = await apiRequest.call(this, {
			method: 'GET',
			path: '/api/v1/balance',
			itemIndex,
		});
		return unwrapObject(response.body);
	});
}
