import type { INodeProperties } from 'n8n-workflow';

import * as getManyBranded from './getManyBranded.operation';
import * as getManyChoice from './getManyChoice.operation';

export { getManyBranded, getManyChoice };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['catalog'] } },
		options: [
			{
				name: 'Get Many Branded Cards',
				value: 'getManyBranded',
				description: 'List branded gift cards (one brand in one currency each)',
				action: 'Get many branded gift cards',
			},
			{
				name: 'Get Many Choice Cards',
				value: 'getManyChoice',
				description: 'List choice cards (the recipient picks the brand when redeeming)',
				action: 'Get many choice gift cards',
			},
		],
		default: 'getManyBranded',
	},
	...getManyBranded.description,
	...getManyChoice.description,
];
