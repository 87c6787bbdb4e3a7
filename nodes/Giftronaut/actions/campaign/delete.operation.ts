import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { deletedItem } from '../../helpers/parameters';
import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS, recordPath } from '../../shared/paths';
import { apiRequest } from '../../transport';
import { campaignLocator, readCampaignId } from './campaign';

export const option = {
	name: 'Delete',
	description:
		'Delete a campaign: it disappears from lists and can no longer be run; its orders are kept',
	action: 'Delete a campaign',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['delete'] } },
	[campaignLocator],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const campaignId = readCampaignId.call(this, itemIndex);
		await apiRequest.call(this, {
			method: 'DELETE',
			path: recordPath(API_PATHS.campaigns, campaignId),
			itemIndex,
		});
		return deletedItem('campaignId', campaignId);
	});
}
