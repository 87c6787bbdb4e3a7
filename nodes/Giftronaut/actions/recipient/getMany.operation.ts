import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { searchList, searchListProperties } from '../searchList';

export const option = {
	name: 'Get Many',
	description:
		'List recipients of the address book, optionally searched by name or e-mail. Read-only: costs nothing.',
	action: 'Get many recipients',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['recipient'], operation: ['getMany'] } },
	searchListProperties(
		'e.g. jane@example.com',
		'Only recipients whose name or e-mail contains this text',
	),
);

export const execute = searchList(API_PATHS.recipients, 'searchKeyword', 'recipientId');
