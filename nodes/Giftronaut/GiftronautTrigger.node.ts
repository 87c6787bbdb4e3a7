import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	cardTypeFilter,
	filtersCollection,
	includeFullOrderOption,
	optionsCollection,
	orderTypeFilter,
	triggerNodeBase,
	valuesOf,
} from './shared/descriptions';
import { shapeOrders } from './trigger/emit';
import { PollBudget } from './trigger/budget';
import { OrderLister } from './trigger/listing';
import type { EventStatus, TriggerFilters } from './trigger/statuses';
import { runActivePoll } from './trigger/run';
import { sampleOrders } from './trigger/sample';

const EVENT_STATUS: Record<string, EventStatus> = {
	orderCompleted: 'COMPLETE',
	orderCanceled: 'CANCELED',
};
const CARD_TYPES = valuesOf(cardTypeFilter);
const ORDER_TYPES = valuesOf(orderTypeFilter);
/** Without n8n's poll budget (n8n-workflow < 2.41), optional work stops after this long. */
const DEFAULT_BUDGET_MS = 45_000;

type PollFunctionsWithBudget = IPollFunctions & { getPollBudgetMs?: () => number };

export class GiftronautTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Giftronaut Trigger',
		name: 'giftronautTrigger',
		icon: {
			light: 'file:../../icons/giftronaut.svg',
			dark: 'file:../../icons/giftronaut.dark.svg',
		},
		...triggerNodeBase,
		subtitle: '={{$parameter["event"] === "orderCanceled" ? "Order Canceled" : "Order Completed"}}',
		// The node creator shows one description for this node and Giftronaut together: it fits both.
		description:
			'Send gift cards, rewards and incentives with Giftronaut, and start workflows when orders complete',
		defaults: {
			name: 'Giftronaut Trigger',
		},
		polling: true,
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Order Canceled',
						value: 'orderCanceled',
						description:
							'An order was canceled (for example a scheduled order before its send time)',
					},
					{
						name: 'Order Completed',
						value: 'orderCompleted',
						description:
							'An order reached COMPLETE: its gift cards were sent and its reward links exist',
					},
				],
				default: 'orderCompleted',
			},
			filtersCollection([cardTypeFilter, orderTypeFilter]),
			optionsCollection([
				includeFullOrderOption(
					'Whether to fetch each order in full (recipients and their reward links), at one extra request per order',
				),
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const node = this.getNode();
		const event = this.getNodeParameter('event', 'orderCompleted') as string;
		const status = EVENT_STATUS[event];
		if (!status) {
			throw new NodeOperationError(
				node,
				`Event "${event}" is not supported: choose Order Completed or Order Canceled`,
			);
		}
		const filters = readFilters.call(this);
		const includeFullOrder =
			(this.getNodeParameter('options', {}) as IDataObject).includeFullOrder === true;
		const withBudget = this as PollFunctionsWithBudget;
		const budgetMs =
			typeof withBudget.getPollBudgetMs === 'function'
				? Math.max(1000, withBudget.getPollBudgetMs() * 0.8)
				: DEFAULT_BUDGET_MS;
		const lister = new OrderLister(this, filters, new PollBudget(budgetMs));

		if (this.getMode() === 'manual') {
			const sample = await sampleOrders(lister, status, Date.now());
			if (sample.length === 0) {
				const what = status === 'COMPLETE' ? 'completed' : 'canceled';
				throw new NodeOperationError(node, `No ${what} orders match this trigger yet`, {
					description: `Giftronaut returned no ${what} orders for this account and these filters. Create an order (or wait for one to finish), then fetch a test event again.`,
				});
			}
			const found = sample.map((order) => ({ order, full: false }));
			const { items } = await shapeOrders(lister, found, includeFullOrder);
			return [this.helpers.returnJsonArray(items)];
		}
		return await runActivePoll.call(this, { lister, status, filters, includeFullOrder });
	}
}

function readFilters(this: IPollFunctions): TriggerFilters {
	const raw = this.getNodeParameter('filters', {}) as IDataObject;
	const filters: TriggerFilters = {};
	const pick = (field: 'cardType' | 'orderType', label: string, allowed: string[]) => {
		const value = raw[field];
		if (value === undefined || value === '') return;
		if (typeof value !== 'string' || !allowed.includes(value)) {
			throw new NodeOperationError(
				this.getNode(),
				`Filters → ${label} "${String(value)}" is not valid: use one of ${allowed.join(', ')}`,
			);
		}
		filters[field] = value;
	};
	pick('cardType', 'Card Type', CARD_TYPES);
	pick('orderType', 'Order Type', ORDER_TYPES);
	return filters;
}
