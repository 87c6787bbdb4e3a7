import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { getRecord } from '../../shared/requests';
import { readTemplateId, templateIdProperty } from './template';

export const option = {
	name: 'Get',
	description:
		'Get one e-mail template with its colours, banner settings and default message Read-only: costs nothing.',
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
		const templateId = readTemplateId.call(this, itemIndex);
		return await getRecord.call(this, API_PATHS.templates, templateId, { itemIndex });
	});
}
