import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { CARD_TYPES } from '../../shared/cardTypes';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { listProducts, listProductsDescription } from './listProducts';

export const option = {
	name: 'Get Many Choice Cards',
	description:
		'List choice cards (the recipient picks the brand when redeeming). Read-only: costs nothing.',
	action: 'Get many choice gift cards',
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['getManyChoice'] } },
	listProductsDescription(CARD_TYPES.choice.plural),
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await listProducts.call(this, items, 'choice');
}
