import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readCollection, readRequiredText } from '../../helpers/parameters';
import { forEachItem } from '../../helpers/perItem';
import { additionalFieldsCollection } from '../../shared/descriptions';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { saveRecord } from '../../shared/requests';
import {
	checkTemplateFields,
	nameProperty,
	senderNameProperty,
	templateFieldOptions,
} from './template';

export const option = {
	name: 'Create',
	description:
		'Create an e-mail template (sender name, message, banner layout and colours) Sends no gift card: costs nothing.',
	action: 'Create a template',
};

const properties: INodeProperties[] = [
	nameProperty,
	senderNameProperty,
	additionalFieldsCollection(templateFieldOptions(false)),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['create'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const hint = (field: string) => `Enter the ${field} of the template.`;
		const name = readRequiredText.call(this, 'name', 'Name', itemIndex, hint('name'));
		const senderName = readRequiredText.call(
			this,
			'senderName',
			'Sender Name',
			itemIndex,
			hint('sender name'),
		);
		const fields = readCollection.call(this, 'additionalFields', itemIndex);
		const body = checkTemplateFields.call(this, { ...fields, name, senderName }, itemIndex);
		return await saveRecord.call(this, API_PATHS.templates, body, itemIndex);
	});
}
