import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { searchList, searchListProperties } from '../searchList';

export const option = {
	name: 'Get Many',
	description:
		'List campaigns (saved send configurations), optionally searched by name. Read-only: costs nothing.',
	action: 'Get many campaigns',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['getMany'] } },
	searchListProperties('e.g. Welcome', 'Only campaigns whose name contains this text'),
);

export const execute = searchList(API_PATHS.campaigns, 'search', 'campaignId');
