import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readList } from '../../helpers/list';
import { forEachItem } from '../../helpers/perItem';
import { returnAllAndLimit } from '../common.descriptions';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';

export const option = {
	name: 'Get Many',
	description:
		'List campaigns (saved send configurations), optionally searched by name Read-only: costs nothing.',
	action: 'Get many campaigns',
};

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. Welcome',
		description: 'Only campaigns whose name contains this text',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const search = String(this.getNodeParameter('search', itemIndex, '') ?? '').trim();
		return await readList.call(
			this,
			itemIndex,
			API_PATHS.campaigns,
			search ? { search } : {},
			'campaignId',
		);
	});
}
