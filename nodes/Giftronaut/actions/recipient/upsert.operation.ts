import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError, forEachItem } from '../../helpers/perItem';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { replacementBody, saveRecord } from '../../shared/requests';
import {
	additionalFieldsProperty,
	emailProperty,
	findRecipientByEmail,
	readNewRecipient,
	RECIPIENT_FIELDS,
} from './recipient';

export const option = {
	name: 'Create or Update',
	description:
		'Add a recipient to the address book, or update the one with this e-mail if it is already there (for CRM syncs) Sends no gift card: costs nothing.',
	action: 'Create or update a recipient',
};

const properties: INodeProperties[] = [
	{
		...emailProperty,
		description: 'E-mail address that identifies the recipient to create or update',
	},
	{
		...additionalFieldsProperty,
		description: 'Fields to set; on an existing recipient, fields not given keep their value',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['recipient'], operation: ['upsert'] } },
	properties,
);

function isRecipientExists(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	return (error.context.giftronaut as IDataObject | undefined)?.code === 'RECIPIENT_EXISTS';
}

async function updateExisting(
	this: IExecuteFunctions,
	existing: IDataObject,
	fields: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const body = replacementBody(existing, fields, RECIPIENT_FIELDS);
	return await saveRecord.call(
		this,
		API_PATHS.recipients,
		body,
		itemIndex,
		String(existing.recipientId),
	);
}

/**
 * Look up by e-mail, then update or create. Another run (or a second CRM event) may create the same
 * e-mail between the look-up and the create: the API then answers RECIPIENT_EXISTS, and the
 * recipient it found is updated instead, so both runs end with one recipient (docs/api-contract.md#recipients).
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const fields = readNewRecipient.call(this, itemIndex);
		const { email } = fields;
		const existing = await findRecipientByEmail.call(this, email, itemIndex);
		if (existing) return await updateExisting.call(this, existing, fields, itemIndex);
		try {
			return await saveRecord.call(this, API_PATHS.recipients, fields, itemIndex);
		} catch (error) {
			if (!isRecipientExists(error)) throw asNodeError.call(this, error as Error, itemIndex);
			const created = await findRecipientByEmail.call(this, email, itemIndex);
			if (!created) throw asNodeError.call(this, error as Error, itemIndex);
			return await updateExisting.call(this, created, fields, itemIndex);
		}
	});
}
