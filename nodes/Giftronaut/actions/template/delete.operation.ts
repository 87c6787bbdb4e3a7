import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deletedItem } from '../../helpers/parameters';
import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS, recordPath } from '../../shared/paths';
import { apiRequest } from '../../transport';
import { readTemplateId, templateIdProperty } from './template';

export const option = {
	name: 'Delete',
	description:
		'Delete an e-mail template; refused for the default template and for one a campaign still uses',
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
		await apiRequest.call(this, {
			method: 'DELETE',
			path: recordPath(API_PATHS.templates, templateId),
			itemIndex,
		});
		return deletedItem('templateId', templateId);
	});
}
