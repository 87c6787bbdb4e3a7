import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { deleteRecord } from '../../shared/requests';
import { campaignLocator, readCampaignId } from './campaign';

export const option = {
	name: 'Delete',
	description:
		'Delete a campaign: it disappears from lists and can no longer be run; its orders are kept Sends no gift card: costs nothing.',
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
		return await deleteRecord.call(this, API_PATHS.campaigns, 'campaignId', campaignId, itemIndex);
	});
}
