import type { IDataObject } from 'n8n-workflow';

/** A bare object or one wrapped in `{ data }` (docs/api-contract.md#envelopes); accept both. */
export function unwrapObject<T = IDataObject>(body: unknown): T {
	if (body && typeof body === 'object' && !Array.isArray(body) && 'data' in body) {
		const data = (body as IDataObject).data;
		if (data && typeof data === 'object' && !Array.isArray(data)) return data as T;
	}
	return body as T;
}

/** A bare list, or one wrapped in `{ data }` or `{ items }`. */
export function unwrapList<T = IDataObject>(body: unknown): T[] {
	if (Array.isArray(body)) return body as T[];
	if (body && typeof body === 'object') {
		const data = (body as IDataObject).data;
		if (Array.isArray(data)) return data as T[];
		const items = (body as IDataObject).items;
		if (Array.isArray(items)) return items as T[];
	}
	return [];
}
