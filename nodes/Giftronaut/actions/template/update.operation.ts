import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readUpdateFields } from '../../helpers/parameters';
import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { updateRecord } from '../../shared/requests';
import {
	checkTemplateFields,
	readTemplateId,
	TEMPLATE_FIELDS,
	templateFieldOptions,
	templateIdProperty,
} from './template';

export const option = {
	name: 'Update',
	description:
		'Change fields of an e-mail template; fields not given keep their value Sends no gift card: costs nothing.',
	action: 'Update a template',
};

const properties: INodeProperties[] = [
	templateIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: templateFieldOptions(true),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['update'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const templateId = readTemplateId.call(this, itemIndex);
		const changes = checkTemplateFields.call(
			this,
			readUpdateFields.call(this, itemIndex, 'template'),
			itemIndex,
		);
		return await updateRecord.call(
			this,
			API_PATHS.templates,
			templateId,
			changes,
			TEMPLATE_FIELDS,
			itemIndex,
		);
	});
}
