import { deleteById } from '../byId';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { readRecipientId, recipientIdProperty } from './recipient';

export const option = {
	name: 'Delete',
	description:
		'Remove a recipient from the address book; refused while a scheduled order to them is not sent yet Sends no gift card: costs nothing.',
	action: 'Delete a recipient',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['recipient'], operation: ['delete'] } },
	[recipientIdProperty],
);

export const execute = deleteById(API_PATHS.recipients, 'recipientId', readRecipientId);
