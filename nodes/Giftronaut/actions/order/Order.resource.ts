import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { create, get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Send gift cards: create a branded or choice card order',
				action: 'Send a gift card',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an order with its recipients and reward links',
				action: 'Get an order and its reward links',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List orders, filtered by status, card type, order type or date',
				action: 'Get many orders',
			},
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
];
