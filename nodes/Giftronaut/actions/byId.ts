import type { IExecuteFunctions } from 'n8n-workflow';

import { forEachItem } from '../helpers/perItem';
import { deleteRecord, getRecord } from '../shared/requests';
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
