import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { listProducts, listProductsDescription } from './listProducts';

export const description: INodeProperties[] = listProductsDescription(
	'getManyChoice',
	'choice cards',
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await listProducts.call(this, items, 'choice');
}
