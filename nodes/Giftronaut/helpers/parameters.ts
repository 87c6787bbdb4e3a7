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
