import { getById } from '../byId';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { campaignLocator, readCampaignId } from './campaign';

export const option = {
	name: 'Get',
	description:
		'Get one campaign with its product, USD amount, sender and template. Read-only: costs nothing.',
	action: 'Get a campaign',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['get'] } },
	[campaignLocator],
);

export const execute = getById(API_PATHS.campaigns, readCampaignId);
