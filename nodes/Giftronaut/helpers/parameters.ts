import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from './perItem';

/** A text parameter that must not be empty, trimmed; the error names the field and the item. */
export function readRequiredText(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	hint: string,
): string {
	const value = String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) throw inputError.call(this, itemIndex, `${label} is empty`, hint);
	return value;
}

/** The fields of a collection parameter that were set, with text trimmed. */
export function readCollection(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
): IDataObject {
	const raw = (this.getNodeParameter(name, itemIndex, {}) ?? {}) as IDataObject;
	const fields: IDataObject = {};
	for (const [key, value] of Object.entries(raw)) {
		if (value === undefined || value === null) continue;
		fields[key] = typeof value === 'string' ? value.trim() : value;
	}
	return fields;
}

/** An Update Fields collection with at least one field, else an error naming it. */
export function readUpdateFields(
	this: IExecuteFunctions,
	itemIndex: number,
	what: string,
): IDataObject {
	const fields = readCollection.call(this, 'updateFields', itemIndex);
	if (Object.keys(fields).length === 0) {
		throw inputError.call(
			this,
			itemIndex,
			'Update Fields is empty',
			`Add at least one field to change on the ${what} (Add Field).`,
		);
	}
	return fields;
}

/**
 * The body of a PUT: the API replaces the whole record (docs/api-contract.md#full-replace), so the
 * record's current fields are sent with the changes on top; read-only fields (ids, dates) are left out.
 */
export function replacementBody(
	current: IDataObject,
	changes: IDataObject,
	writableFields: readonly string[],
): IDataObject {
	const body: IDataObject = {};
	for (const field of writableFields) {
		const value = field in changes ? changes[field] : current[field];
		if (value !== undefined && value !== null) body[field] = value;
	}
	return body;
}

/** The item of a delete: the API answers 204 with no body. */
export function deletedItem(idField: string, id: string): IDataObject {
	return { [idField]: id, deleted: true };
}
