import type { INodeProperties } from 'n8n-workflow';

import { readList } from '../helpers/list';
import { forEachItem } from '../helpers/perItem';
import { returnAllAndLimit } from './common.descriptions';
import type { Operation } from './node.type';

/** Return All, Limit and Search of a Get Many that the API searches by text. */
export function searchListProperties(placeholder: string, description: string): INodeProperties[] {
	return [
		...returnAllAndLimit(),
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder,
			description,
		},
	];
}

/** That Get Many: a Search given goes to the API as the query parameter `searchParam`. */
export function searchList(
	path: string,
	searchParam: string,
	idField: string,
): Operation['execute'] {
	return async function execute(this, items) {
		return await forEachItem.call(this, items, async (itemIndex) => {
			const search = String(this.getNodeParameter('search', itemIndex, '') ?? '').trim();
			const qs = search ? { [searchParam]: search } : {};
			return await readList.call(this, itemIndex, path, qs, idField);
		});
	};
}
