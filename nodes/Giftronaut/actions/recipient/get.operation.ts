import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { getRecord } from '../../shared/requests';
import { readRecipientId, recipientIdProperty } from './recipient';

export const option = {
	name: 'Get',
	description: 'Get one recipient of the address book by its ID Read-only: costs nothing.',
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
		const recipientId = readRecipientId.call(this, itemIndex);
		return await getRecord.call(this, API_PATHS.recipients, recipientId, { itemIndex });
	});
}
