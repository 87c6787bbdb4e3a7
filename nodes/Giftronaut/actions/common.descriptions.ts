import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../helpers/perItem';
/** Return All plus Limit; the operation shows them with `updateDisplayOptions`. */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

/** The Limit of an item, or undefined with Return All on. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
	if (!Number.isInteger(limit) || limit < 1) {
		throw inputError.call(
			this,
			itemIndex,
			`Limit must be a whole number of at least 1, not "${limit}"`,
			'Set Limit to 1 or more, or turn on Return All.',
		);
	}
	return limit;
}
