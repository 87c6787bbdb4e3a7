import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { saveRecord } from '../../shared/requests';
import { additionalFieldsProperty, emailProperty, readNewRecipient } from './recipient';

export const option = {
	name: 'Create',
	description:
		'Add a recipient to the address book; fails if the e-mail is already there (use Upsert to update instead) Sends no gift card: costs nothing.',
	action: 'Create a recipient',
};

const properties: INodeProperties[] = [emailProperty, additionalFieldsProperty];

export const description = updateDisplayOptions(
	{ show: { resource: ['recipient'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const recipient = readNewRecipient.call(this, itemIndex);
		return await saveRecord.call(this, API_PATHS.recipients, recipient, itemIndex);
	});
}
