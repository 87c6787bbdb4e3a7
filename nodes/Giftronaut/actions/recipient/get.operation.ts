import { getById } from '../byId';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { readRecipientId, recipientIdProperty } from './recipient';

export const option = {
	name: 'Get',
	description: 'Get one recipient of the address book by its ID Read-only: costs nothing.',
	action: 'Get a recipient',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['recipient'], operation: ['get'] } },
	[recipientIdProperty],
);

export const execute = getById(API_PATHS.recipients, readRecipientId);
