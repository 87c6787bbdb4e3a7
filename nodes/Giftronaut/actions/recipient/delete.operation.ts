import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { deleteRecord } from '../../shared/requests';
import { readRecipientId, recipientIdProperty } from './recipient';

export const option = {
	name: 'Delete',
	description:
		'Remove a recipient from the address book; refused while a scheduled order to them is not sent yet Sends no gift card: costs nothing.',
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
		return await deleteRecord.call(
			this,
			API_PATHS.recipients,
			'recipientId',
			recipientId,
			itemIndex,
		);
	});
}
