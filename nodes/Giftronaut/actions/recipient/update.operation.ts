import type { INodeProperties } from 'n8n-workflow';

import { updateById } from '../byId';
import { updateFieldsCollection } from '../../shared/descriptions';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import {
	checkRecipientChanges,
	readRecipientId,
	RECIPIENT_FIELDS,
	recipientFieldOptions,
	recipientIdProperty,
} from './recipient';

export const option = {
	name: 'Update',
	description:
		'Change fields of a recipient of the address book; fields not given keep their value Sends no gift card: costs nothing.',
	action: 'Update a recipient',
};

const properties: INodeProperties[] = [
	recipientIdProperty,
	updateFieldsCollection(recipientFieldOptions(true)),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recipient'], operation: ['update'] } },
	properties,
);

export const execute = updateById(
	API_PATHS.recipients,
	readRecipientId,
	'recipient',
	RECIPIENT_FIELDS,
	checkRecipientChanges,
);
