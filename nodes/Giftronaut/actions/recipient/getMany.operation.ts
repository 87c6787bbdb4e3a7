import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readList } from '../../helpers/list';
import { forEachItem } from '../../helpers/perItem';
import { returnAllAndLimit } from '../common.descriptions';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';

export const option = {
	name: 'Get Many',
	description:
		'List recipients of the address book, optionally searched by name or e-mail Read-only: costs nothing.',
	action: 'Get many recipients',
};

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. jane@example.com',
		description: 'Only recipients whose name or e-mail contains this text',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recipient'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const search = String(this.getNodeParameter('search', itemIndex, '') ?? '').trim();
		const qs = search ? { searchKeyword: search } : {};
		return await readList.call(this, itemIndex, API_PATHS.recipients, qs, 'recipientId');
	});
}
