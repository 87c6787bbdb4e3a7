import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readUpdateFields, replacementBody } from '../../helpers/parameters';
import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import {
	CAMPAIGN_FIELDS,
	campaignLocator,
	checkCampaignFields,
	fetchCampaign,
	readCampaignId,
	saveCampaign,
} from './campaign';
import { campaignUpdateFields } from './fields';

export const option = {
	name: 'Update',
	description: 'Change fields of a campaign; fields not given keep their value',
	action: 'Update a campaign',
};

const properties: INodeProperties[] = [
	campaignLocator,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: campaignUpdateFields,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['update'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const campaignId = readCampaignId.call(this, itemIndex);
		const changes = checkCampaignFields.call(
			this,
			readUpdateFields.call(this, itemIndex, 'campaign'),
			itemIndex,
		);
		const current = await fetchCampaign.call(this, campaignId, itemIndex);
		const body = replacementBody(current, changes, CAMPAIGN_FIELDS);
		return await saveCampaign.call(this, body, itemIndex, campaignId);
	});
}
