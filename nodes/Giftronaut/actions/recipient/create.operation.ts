import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readCollection } from '../../helpers/parameters';
import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { saveRecord } from '../../shared/requests';
import { checkEmail, emailProperty, recipientFieldOptions } from './recipient';

export const option = {
	name: 'Create',
	description:
		'Add a recipient to the address book; fails if the e-mail is already there (use Upsert to update instead) Sends no gift card: costs nothing.',
	action: 'Create a recipient',
};

const properties: INodeProperties[] = [
	emailProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: recipientFieldOptions(false),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recipient'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const email = checkEmail.call(
			this,
			this.getNodeParameter('email', itemIndex, ''),
			'Email',
			itemIndex,
		);
		const fields = readCollection.call(this, 'additionalFields', itemIndex);
		return await saveRecord.call(this, API_PATHS.recipients, { ...fields, email }, itemIndex);
	});
}
