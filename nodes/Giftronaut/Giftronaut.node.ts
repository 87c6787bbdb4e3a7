import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as balance from './actions/balance/Balance.resource';
import * as campaign from './actions/campaign/Campaign.resource';
import * as catalog from './actions/catalog/Catalog.resource';
import * as order from './actions/order/Order.resource';
import * as recipient from './actions/recipient/Recipient.resource';
import * as template from './actions/template/Template.resource';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class Giftronaut implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Giftronaut',
		name: 'giftronaut',
		icon: {
			light: 'file:../../icons/giftronaut.svg',
			dark: 'file:../../icons/giftronaut.dark.svg',
		},
		group: ['output'],
		// 1.1: Timezone defaults to the workflow's time zone (version 1 keeps America/New_York).
		version: [1, 1.1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send gift cards, rewards and incentives with Giftronaut, and start workflows when orders complete',
		defaults: {
			name: 'Giftronaut',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'giftronautApi',
				required: true,
			},
		],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Balance',
						value: 'balance',
					},
					{
						name: 'Campaign',
						value: 'campaign',
					},
					{
						name: 'Catalog',
						value: 'catalog',
					},
					{
						name: 'Order',
						value: 'order',
					},
					{
						name: 'Recipient',
						value: 'recipient',
					},
					{
						name: 'Template',
						value: 'template',
					},
				],
				default: 'order',
			},
			...balance.description,
			...campaign.description,
			...catalog.description,
			...order.description,
			...recipient.description,
			...template.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
