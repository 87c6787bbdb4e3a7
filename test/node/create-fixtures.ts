import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { RequestLogEntry, Sandbox } from '../sandbox';

/** Order → Create with one recipient per item mapped from the input, Amazon USD by ID. */
export function createParameters(overrides: INodeParameters = {}): INodeParameters {
	return {
		resource: 'order',
		operation: 'create',
		cardType: 'branded',
		product: { __rl: true, mode: 'id', value: 'GC-AMAZON-USD' },
		recipientSource: 'fields',
		email: '={{ $json.email }}',
		firstName: '={{ $json.firstName }}',
		lastName: '={{ $json.lastName }}',
		amount: { __rl: true, mode: 'value', value: '={{ $json.amount }}' },
		...overrides,
	};
}

export function person(index: number, extra: IDataObject = {}): IDataObject {
	return {
		email: `person${index}@example.com`,
		firstName: `First${index}`,
		lastName: `Last${index}`,
		amount: 25,
		...extra,
	};
}

export const isOrderPost = (entry: RequestLogEntry) =>
	entry.method === 'POST' && entry.path.startsWith('/api/v1/orders/');

export const isCatalogGet = (entry: RequestLogEntry) =>
	entry.method === 'GET' && entry.path.startsWith('/api/v1/catalog/');

export function orderPosts(sandbox: Sandbox): RequestLogEntry[] {
	return sandbox.requests().filter(isOrderPost);
}

/** The text a user sees for an error: message plus description. */
export function errorText(
	error: { message?: string; description?: string | null } | undefined,
): string {
	return `${error?.message ?? ''}\n${error?.description ?? ''}`;
}
