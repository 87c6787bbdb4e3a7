import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../helpers/perItem';
import { readCollection, readRequiredText } from '../../helpers/parameters';
import { additionalFieldsCollection } from '../../shared/descriptions';
import { API_PATHS } from '../../shared/paths';
import { walkPages } from '../../transport';

/** Fields of a recipient the API accepts (docs/api-contract.md#recipients). */
export const RECIPIENT_FIELDS = [
	'email',
	'firstName',
	'lastName',
	'company',
	'department',
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const recipientIdProperty: INodeProperties = {
	displayName: 'Recipient ID',
	name: 'recipientId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. RC-A1B2C3D4',
	description: 'ID of the recipient in the address book (Recipient → Get Many lists them)',
};

export const emailProperty: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	required: true,
	default: '',
	description: 'E-mail address of the recipient; unique in the address book',
};

/** The optional fields, for Additional Fields (create, upsert) and Update Fields (with Email). */
export function recipientFieldOptions(withEmail: boolean): INodeProperties[] {
	const text = (displayName: string, name: string, description: string): INodeProperties => ({
		displayName,
		name,
		type: 'string',
		default: '',
		description,
	});
	return [
		text('Company', 'company', 'Company of the recipient'),
		text('Department', 'department', 'Department of the recipient'),
		...(withEmail
			? [{ ...emailProperty, required: false, description: 'New e-mail address of the recipient' }]
			: []),
		text('First Name', 'firstName', 'First name of the recipient'),
		text('Last Name', 'lastName', 'Last name of the recipient'),
	];
}

/** Additional Fields of Create and Create or Update. */
export const additionalFieldsProperty = additionalFieldsCollection(recipientFieldOptions(false));

/** The recipient of Create and Create or Update: its checked Email with the Additional Fields. */
export function readNewRecipient(
	this: IExecuteFunctions,
	itemIndex: number,
): IDataObject & { email: string } {
	const email = checkEmail.call(
		this,
		this.getNodeParameter('email', itemIndex, ''),
		'Email',
		itemIndex,
	);
	return { ...readCollection.call(this, 'additionalFields', itemIndex), email };
}

export function readRecipientId(this: IExecuteFunctions, itemIndex: number): string {
	return readRequiredText.call(
		this,
		'recipientId',
		'Recipient ID',
		itemIndex,
		'Enter the ID of the recipient, e.g. RC-A1B2C3D4, or map it from a previous node.',
	);
}

/** An e-mail address, checked before anything is sent; `label` names the field in the error. */
export function checkEmail(
	this: IExecuteFunctions,
	email: unknown,
	label: string,
	itemIndex: number,
): string {
	const text = String(email ?? '').trim();
	if (!EMAIL.test(text)) {
		throw inputError.call(
			this,
			itemIndex,
			text ? `${label} "${text}" is not a valid e-mail address` : `${label} is empty`,
			'Enter an e-mail address like name@example.com, or map it from a previous node.',
		);
	}
	return text;
}

/** The changes of Recipient → Update, with a new Email checked. */
export function checkRecipientChanges(
	this: IExecuteFunctions,
	changes: IDataObject,
	itemIndex: number,
): IDataObject {
	if ('email' in changes) changes.email = checkEmail.call(this, changes.email, 'Email', itemIndex);
	return changes;
}

/**
 * The recipient with exactly this e-mail (case-insensitive), if any. The search also matches names
 * and parts of addresses, so the results are filtered to the exact address.
 */
export async function findRecipientByEmail(
	this: IExecuteFunctions,
	email: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const wanted = email.toLowerCase();
	const walkRecipients = walkPages<IDataObject>;
	const { items } = await walkRecipients.call(this, {
		path: API_PATHS.recipients,
		qs: { searchKeyword: email },
		idOf: (recipient) => String(recipient.recipientId),
		keep: (recipient) => String(recipient.email ?? '').toLowerCase() === wanted,
		limit: 1,
		maxPages: 20,
		itemIndex,
	});
	return items[0];
}
