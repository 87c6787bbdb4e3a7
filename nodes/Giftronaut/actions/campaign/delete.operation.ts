import { deleteById } from '../byId';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
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

export const execute = deleteById(API_PATHS.campaigns, 'campaignId', readCampaignId);
