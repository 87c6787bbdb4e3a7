import type { IDataObject } from 'n8n-workflow';

import { apiRequest, unwrapObject, type ApiRequest, type GiftronautContext } from '../transport';
import { API_PATHS, orderPath, recordPath } from './paths';

/** How a caller bounds a read: its item, its timeout, its retries and rate-limit wait. */
export type ReadOptions = Pick<
	ApiRequest,
	'itemIndex' | 'timeoutMs' | 'retries' | 'rateLimitPatienceMs'
>;

/**
 * GET /orders/{id}: the order with its recipients and reward links. Used by Order → Get, Wait for
 * Completion, the polling trigger and the webhook trigger's Include Full Order.
 */
export async function getOrder(
	this: GiftronautContext,
	orderId: string,
	options: ReadOptions = {},
): Promise<IDataObject> {
	const response = await apiRequest.call(this, {
		method: 'GET',
		path: orderPath(orderId),
		...options,
	});
	return unwrapObject<IDataObject>(response.body);
}

/** GET /balance, for Balance → Get and Order → Create's Check Balance First. */
export async function getBalance(
	this: GiftronautContext,
	options: ReadOptions = {},
): Promise<IDataObject> {
	const response = await apiRequest.call(this, {
		method: 'GET',
		path: API_PATHS.balance,
		...options,
	});
	return unwrapObject<IDataObject>(response.body);
}

/** GET one record of a collection (a template, recipient or campaign). */
export async function getRecord(
	this: GiftronautContext,
	collection: string,
	id: string,
	options: ReadOptions = {},
): Promise<IDataObject> {
	const response = await apiRequest.call(this, {
		method: 'GET',
		path: recordPath(collection, id),
		...options,
	});
	return unwrapObject<IDataObject>(response.body);
}

/** Writes a record: POST to the collection without an ID, PUT the whole record with one. */
export async function saveRecord(
	this: GiftronautContext,
	collection: string,
	body: IDataObject,
	itemIndex: number,
	id?: string,
): Promise<IDataObject> {
	const response = await apiRequest.call(this, {
		method: id ? 'PUT' : 'POST',
		path: id ? recordPath(collection, id) : collection,
		body,
		itemIndex,
	});
	return unwrapObject<IDataObject>(response.body);
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

/** An Update operation: read the record, put the changes on top, write it whole. */
export async function updateRecord(
	this: GiftronautContext,
	collection: string,
	id: string,
	changes: IDataObject,
	writableFields: readonly string[],
	itemIndex: number,
): Promise<IDataObject> {
	const current = await getRecord.call(this, collection, id, { itemIndex });
	const body = replacementBody(current, changes, writableFields);
	return await saveRecord.call(this, collection, body, itemIndex, id);
}

/** DELETE one record (204, no body); the output item names it with `deleted: true`. */
export async function deleteRecord(
	this: GiftronautContext,
	collection: string,
	idField: string,
	id: string,
	itemIndex: number,
): Promise<IDataObject> {
	await apiRequest.call(this, { method: 'DELETE', path: recordPath(collection, id), itemIndex });
	return { [idField]: id, deleted: true };
}
