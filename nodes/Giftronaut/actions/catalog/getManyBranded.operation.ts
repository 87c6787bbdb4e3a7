import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { CARD_TYPES } from '../../shared/cardTypes';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { listProducts, listProductsDescription } from './listProducts';

export const option = {
	name: 'Get Many Branded Cards',
	description:
		'List branded gift cards (one brand in one currency each), with their product IDs and allowed amounts. Read-only: costs nothing.',
	action: 'Get many branded gift cards',
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['getManyBranded'] } },
	listProductsDescription(CARD_TYPES.branded.plural),
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await listProducts.call(this, items, 'branded');
}
