import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readUpdateFields, replacementBody } from '../../helpers/parameters';
import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import {
	checkTemplateFields,
	getTemplate,
	readTemplateId,
	saveTemplate,
	TEMPLATE_FIELDS,
	templateFieldOptions,
	templateIdProperty,
} from './template';

export const option = {
	name: 'Update',
	description: 'Change fields of an e-mail template; fields not given keep their value',
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
		const current = await getTemplate.call(this, templateId, itemIndex);
		const body = replacementBody(current, changes, TEMPLATE_FIELDS);
		return await saveTemplate.call(this, body, itemIndex, templateId);
	});
}
