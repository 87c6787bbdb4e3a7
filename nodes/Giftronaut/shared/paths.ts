import type { CardType } from './types';

/** Every Giftronaut API path the package calls, under the credential's base URL. */
export const API_PATHS = {
	/** docs/api-contract.md#catalog */
	catalog: {
		branded: '/api/v1/catalog/branded-cards',
		choice: '/api/v1/catalog/choice-cards',
	} satisfies Record<CardType, string>,
	/** docs/api-contract.md#order-create */
	createOrder: {
		branded: '/api/v1/orders/branded-cards',
		choice: '/api/v1/orders/choice-cards',
	} satisfies Record<CardType, string>,
	/** docs/api-contract.md#order-list */
	orders: '/api/v1/orders',
	/** docs/api-contract.md#balance */
	balance: '/api/v1/balance',
	/** docs/api-contract.md#ledger */
	ledger: '/api/v1/balance/ledger',
	/** docs/api-contract.md#templates */
	templates: '/api/v1/templates',
	/** docs/api-contract.md#recipients */
	recipients: '/api/v1/recipients',
	/** docs/api-contract.md#campaigns */
	campaigns: '/api/v1/campaigns',
};

/** One record of a collection, e.g. `/api/v1/recipients/RC-A1B2C3D4`. */
export function recordPath(collection: string, id: string): string {
	return `${collection}/${encodeURIComponent(id)}`;
}

/** docs/api-contract.md#order-get */
export function orderPath(orderId: string): string {
	return `${API_PATHS.orders}/${encodeURIComponent(orderId)}`;
}

/** docs/api-contract.md#campaign-runs */
export function campaignRunPath(campaignId: string): string {
	return `${recordPath(API_PATHS.campaigns, campaignId)}/orders`;
}
