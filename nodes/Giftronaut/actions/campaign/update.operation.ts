import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { readUpdateFields } from '../../helpers/parameters';
import { forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { updateRecord } from '../../shared/requests';
import { CAMPAIGN_FIELDS, campaignLocator, checkCampaignFields, readCampaignId } from './campaign';
import { campaignUpdateFields } from './fields';

export const option = {
	name: 'Update',
	description:
		'Change fields of a campaign; fields not given keep their value Sends no gift card: costs nothing.',
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
		return await updateRecord.call(
			this,
			API_PATHS.campaigns,
			campaignId,
			changes,
			CAMPAIGN_FIELDS,
			itemIndex,
		);
	});
}
