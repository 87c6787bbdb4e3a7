import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { campaignLocator, fetchCampaign, readCampaignId } from './campaign';

export const option = {
	name: 'Get',
	description:
		'Get one campaign with its product, USD amount, sender and template Read-only: costs nothing.',
	action: 'Get a campaign',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['get'] } },
	[campaignLocator],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		return await fetchCampaign.call(this, readCampaignId.call(this, itemIndex), itemIndex);
	});
}
