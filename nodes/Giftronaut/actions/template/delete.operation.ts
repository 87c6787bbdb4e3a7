import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { deleteRecord } from '../../shared/requests';
import { readTemplateId, templateIdProperty } from './template';

export const option = {
	name: 'Delete',
	description:
		'Delete an e-mail template; refused for the default template and for one a campaign still uses Sends no gift card: costs nothing.',
	action: 'Delete a template',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['delete'] } },
	[templateIdProperty],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const templateId = readTemplateId.call(this, itemIndex);
		return await deleteRecord.call(this, API_PATHS.templates, 'templateId', templateId, itemIndex);
	});
}
