import type { IDataObject } from 'n8n-workflow';

import { apiRequest, unwrapObject, type ApiRequest, type GiftronautContext } from '../transport';
import { API_PATHS, orderPath } from './paths';

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
