import type { INodeProperties } from 'n8n-workflow';

import { updateById } from '../byId';
import { updateFieldsCollection } from '../../shared/descriptions';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
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
	updateFieldsCollection(campaignUpdateFields),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['update'] } },
	properties,
);

export const execute = updateById(
	API_PATHS.campaigns,
	readCampaignId,
	'campaign',
	CAMPAIGN_FIELDS,
	checkCampaignFields,
);
