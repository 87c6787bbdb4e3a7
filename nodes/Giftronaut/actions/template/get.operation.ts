import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { getTemplate, readTemplateId, templateIdProperty } from './template';

export const option = {
	name: 'Get',
	description: 'Get one e-mail template with its colours, banner settings and default message',
	action: 'Get a template',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['get'] } },
	[templateIdProperty],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		return await getTemplate.call(this, readTemplateId.call(this, itemIndex), itemIndex);
	});
}
