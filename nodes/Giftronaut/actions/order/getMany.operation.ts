import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { dateRangeQuery } from '../../helpers/dateRange';
import { forEachItem } from '../../helpers/perItem';
import { readLimit, returnAllAndLimit } from '../common.descriptions';
import { cardTypeFilter, filtersCollection, orderTypeFilter } from '../../shared/descriptions';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import type { OrderSummary } from '../../shared/types';
import { MAX_PAGE_SIZE, walkPages } from '../../transport';

export const option = {
	name: 'Get Many',
	description:
		'List orders, filtered by status, card type, order type or date. Read-only: costs nothing.',
	action: 'Get many orders',
};

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		cardTypeFilter,
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Only orders created on or before this day (the time of day is ignored)',
		},
		orderTypeFilter,
		{
			displayName: 'Search Keyword',
			name: 'searchKeyword',
			type: 'string',
			default: '',
			description: 'Matches the card name or the creator of the order',
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'Only orders created on or after this day (the time of day is ignored)',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Canceled', value: 'CANCELED' },
				{ name: 'Complete', value: 'COMPLETE' },
				{ name: 'In Progress', value: 'IN_PROGRESS' },
				{ name: 'Pending', value: 'PENDING' },
			],
			default: 'COMPLETE',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['getMany'] } },
	properties,
);

function buildQuery(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const name of ['status', 'cardType', 'orderType'] as const) {
		if (filters[name]) qs[name] = filters[name];
	}
	const keyword = String(filters.searchKeyword ?? '').trim();
	if (keyword) qs.searchKeyword = keyword;
	return { ...qs, ...dateRangeQuery.call(this, filters, itemIndex) };
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const walkOrders = walkPages<OrderSummary>;
	return await forEachItem.call(this, items, async (itemIndex) => {
		const limit = readLimit.call(this, itemIndex);
		const result = await walkOrders.call(this, {
			path: API_PATHS.orders,
			qs: buildQuery.call(this, itemIndex),
			// The list can shift while it is paged (new orders arrive): an order seen twice is kept once.
			idOf: (order) => String(order.orderId),
			limit,
			pageSize: limit === undefined ? MAX_PAGE_SIZE : Math.min(limit, MAX_PAGE_SIZE),
			itemIndex,
		});
		return result.items;
	});
}
