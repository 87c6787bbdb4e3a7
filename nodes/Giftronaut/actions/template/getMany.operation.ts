import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItem } from '../../helpers/perItem';
import { readLimit, returnAllAndLimit } from '../common.descriptions';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { listTemplates } from './list';

export const option = {
	name: 'Get Many',
	description:
		'List the e-mail templates of the account, the default template first. Read-only: costs nothing.',
	action: 'Get many templates',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['getMany'] } },
	returnAllAndLimit(),
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const limit = readLimit.call(this, itemIndex);
		return await listTemplates.call(this, { limit, itemIndex });
	});
}
