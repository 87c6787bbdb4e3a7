import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deletedItem } from '../../helpers/parameters';
import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS, recordPath } from '../../shared/paths';
import { apiRequest } from '../../transport';
import { readRecipientId, recipientIdProperty } from './recipient';

export const option = {
	name: 'Delete',
	description:
		'Remove a recipient from the address book; refused while a scheduled order to them is not sent yet',
	action: 'Delete a recipient',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['recipient'], operation: ['delete'] } },
	[recipientIdProperty],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const recipientId = readRecipientId.call(this, itemIndex);
		await apiRequest.call(this, {
			method: 'DELETE',
			path: recordPath(API_PATHS.recipients, recipientId),
			itemIndex,
		});
		return deletedItem('recipientId', recipientId);
	});
}
