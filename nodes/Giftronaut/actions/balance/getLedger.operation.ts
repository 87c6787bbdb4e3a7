import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { dateRangeQuery } from '../../helpers/dateRange';
import { readList } from '../../helpers/list';
import { readCollection } from '../../helpers/parameters';
import { forEachItem } from '../../helpers/perItem';
import { returnAllAndLimit } from '../common.descriptions';
import { filtersCollection } from '../../shared/descriptions';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';

export const option = {
	name: 'Get Ledger',
	description:
		'List the balance transactions (funds added, order charges, refunds, transfers), newest first, filtered by date and type. Read-only: costs nothing.',
	action: 'Get the balance ledger',
};

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: 'Only transactions on or before this day (the time of day is ignored)',
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: 'Only transactions on or after this day (the time of day is ignored)',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Charge', value: 'CHARGE', description: 'Funds added to the account' },
				{ name: 'Refund', value: 'REFUND', description: 'An order amount given back' },
				{ name: 'Reward', value: 'REWARD' },
				{ name: 'Transfer', value: 'TRANSFER' },
				{ name: 'Use', value: 'USE', description: 'An order paid from the balance' },
			],
			default: 'USE',
			description: 'Only transactions of this type',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['balance'], operation: ['getLedger'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const filters = readCollection.call(this, 'filters', itemIndex);
		const qs = {
			...(filters.type ? { type: filters.type } : {}),
			...dateRangeQuery.call(this, filters, itemIndex),
		};
		return await readList.call(this, itemIndex, API_PATHS.ledger, qs, 'id');
	});
}
