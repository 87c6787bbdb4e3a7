import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readUpdateFields } from '../helpers/parameters';
import { forEachItem } from '../helpers/perItem';
import { deleteRecord, getRecord, updateRecord } from '../shared/requests';
import type { Operation } from './node.type';

/** Reads the record ID of an item; an empty one is an error naming the field and the item. */
type ReadId = (this: IExecuteFunctions, itemIndex: number) => string;

/** A Get by ID: each item's record of `collection`. */
export function getById(collection: string, readId: ReadId): Operation['execute'] {
	return async function execute(this, items) {
		return await forEachItem.call(this, items, async (itemIndex) => {
			const id = readId.call(this, itemIndex);
			return await getRecord.call(this, collection, id, { itemIndex });
		});
	};
}

/** A Delete by ID: each item's record of `collection`, output as `{ [idField]: id, deleted: true }`. */
export function deleteById(
	collection: string,
	idField: string,
	readId: ReadId,
): Operation['execute'] {
	return async function execute(this, items) {
		return await forEachItem.call(this, items, async (itemIndex) => {
			const id = readId.call(this, itemIndex);
			return await deleteRecord.call(this, collection, idField, id, itemIndex);
		});
	};
}

/** Checks the changes of an item before anything is sent; returns them as they are to be sent. */
type CheckChanges = (
	this: IExecuteFunctions,
	changes: IDataObject,
	itemIndex: number,
) => IDataObject;

/**
 * An Update by ID: the item's Update Fields (at least one; `what` names the record in that error),
 * checked, then written over the record as it is (shared/requests.ts updateRecord).
 */
export function updateById(
	collection: string,
	readId: ReadId,
	what: string,
	writableFields: readonly string[],
	check: CheckChanges,
): Operation['execute'] {
	return async function execute(this, items) {
		return await forEachItem.call(this, items, async (itemIndex) => {
			const id = readId.call(this, itemIndex);
			const changes = check.call(this, readUpdateFields.call(this, itemIndex, what), itemIndex);
			return await updateRecord.call(this, collection, id, changes, writableFields, itemIndex);
		});
	};
}
