import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { getRecipient, readRecipientId, recipientIdProperty } from './recipient';

export const option = {
	name: 'Get',
	description: 'Get one recipient of the address book by its ID',
	action: 'Get a recipient',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['recipient'], operation: ['get'] } },
	[recipientIdProperty],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		return await getRecipient.call(this, readRecipientId.call(this, itemIndex), itemIndex);
	});
}
