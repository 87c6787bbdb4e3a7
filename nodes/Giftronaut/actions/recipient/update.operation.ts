import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readUpdateFields } from '../../helpers/parameters';
import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { updateRecord } from '../../shared/requests';
import {
	checkEmail,
	readRecipientId,
	RECIPIENT_FIELDS,
	recipientFieldOptions,
	recipientIdProperty,
} from './recipient';

export const option = {
	name: 'Update',
	description:
		'Change fields of a recipient of the address book; fields not given keep their value Sends no gift card: costs nothing.',
	action: 'Update a recipient',
};

const properties: INodeProperties[] = [
	recipientIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: recipientFieldOptions(true),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recipient'], operation: ['update'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const recipientId = readRecipientId.call(this, itemIndex);
		const changes = readUpdateFields.call(this, itemIndex, 'recipient');
		if ('email' in changes)
			changes.email = checkEmail.call(this, changes.email, 'Email', itemIndex);
		return await updateRecord.call(
			this,
			API_PATHS.recipients,
			recipientId,
			changes,
			RECIPIENT_FIELDS,
			itemIndex,
		);
	});
}
