import type { IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Return All plus Limit, shown for the given resource and operation. */
export function returnAllAndLimit(displayOptions: IDisplayOptions): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions,
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
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
		throw new NodeOperationError(
			this.getNode(),
			`Limit must be a whole number of at least 1, not "${limit}" (item ${itemIndex})`,
			{ itemIndex, description: 'Set Limit to 1 or more, or turn on Return All.' },
		);
	}
	return limit;
}

export const cardTypeFilter: INodeProperties = {
	displayName: 'Card Type',
	name: 'cardType',
	type: 'options',
	options: [
		{ name: 'Branded Card', value: 'BRANDED_CARD' },
		{ name: 'Choice Card', value: 'CHOICE_CARD' },
	],
	default: 'BRANDED_CARD',
	description: 'Only orders of this card type',
};

export const orderTypeFilter: INodeProperties = {
	displayName: 'Order Type',
	name: 'orderType',
	type: 'options',
	options: [
		{ name: 'Campaign', value: 'CAMPAIGN' },
		{ name: 'Link', value: 'LINK' },
		{ name: 'One Time', value: 'ONE_TIME' },
		{ name: 'Reward', value: 'REWARD' },
		{ name: 'Smart', value: 'SMART' },
	],
	default: 'ONE_TIME',
	description: 'Only orders of this type',
};
