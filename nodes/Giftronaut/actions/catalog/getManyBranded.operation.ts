import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/displayOptions';
import { listProducts, listProductsDescription } from './listProducts';

export const option = {
	name: 'Get Many Branded Cards',
	description: 'List branded gift cards (one brand in one currency each)',
	action: 'Get many branded gift cards',
};

export const description: INodeProperties[] = updateDisplayOptions(
	{ show: { resource: ['catalog'], operation: ['getManyBranded'] } },
	listProductsDescription('branded cards'),
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await listProducts.call(this, items, 'branded');
}
