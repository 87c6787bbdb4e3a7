import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readLimit } from '../actions/common.descriptions';
import { MAX_PAGE_SIZE, walkPages } from '../transport';

/**
 * A Get Many: the item's Return All / Limit, paged per docs/api-contract.md#paging. A record seen
 * twice while the list shifts is kept once.
 */
export async function readList(
	this: IExecuteFunctions,
	itemIndex: number,
	path: string,
	qs: IDataObject,
	idField: string,
): Promise<IDataObject[]> {
	const limit = readLimit.call(this, itemIndex);
	const walkRecords = walkPages<IDataObject>;
	const result = await walkRecords.call(this, {
		path,
		qs,
		idOf: (record) => String(record[idField]),
		limit,
		pageSize: limit === undefined ? MAX_PAGE_SIZE : Math.min(limit, MAX_PAGE_SIZE),
		itemIndex,
	});
	return result.items;
}
