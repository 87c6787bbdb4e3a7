import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** Limits from the credential (docs/api-contract.md#spending); a missing field means no limit. */
export interface SpendingLimits {
	maxPerOrderCents?: number;
	maxPerRunCents?: number;
	dailyLimitCents?: number;
	allowedProducts?: Set<string>;
}

/** One order a run plans to send, as the limits see it. Amounts are in the product's currency. */
export interface GuardedOrder {
	/** Input items the order stands for; a refusal is reported on each of them. */
	itemIndexes: number[];
	/** How the error names the order, e.g. "item 3" or "batch 2 (items 100 to 199)". */
	label: string;
	productId: string;
	currency: string;
	totalCents: number;
	/** The order's idempotency key: an order already placed with it today is a replay, not new spend. */
	idempotencyKey?: string;
}

export type LimitName =
	| 'Maximum per Order'
	| 'Maximum per Run'
	| 'Daily Limit'
	| 'Allowed Products';

export interface Refusal {
	limit: LimitName;
	/** The items refused: one order's items, or every item of the run for a per-run or daily limit. */
	itemIndexes: number[];
	message: string;
	description: string;
}

export const LIMIT_FIELDS: Record<Exclude<LimitName, 'Allowed Products'>, string> = {
	'Maximum per Order': 'maxPerOrderUsd',
	'Maximum per Run': 'maxPerRunUsd',
	'Daily Limit': 'dailyLimitUsd',
};

export const toCents = (amount: number) => Math.round(amount * 100);
export const usd = (cents: number) => `${(cents / 100).toFixed(2)} USD`;

const WHERE =
	'The limit is set in the Giftronaut credential used by this node (ask its owner to change it).';

function readUsd(credentials: ICredentialDataDecryptedObject, field: string, label: LimitName) {
	const raw = credentials[field];
	if (raw === undefined || raw === null || String(raw).trim() === '') return undefined;
	const value = Number(String(raw).trim());
	if (!Number.isFinite(value) || value < 0) {
		throw new Error(
			`${label} in the Giftronaut credential is "${String(raw)}": it must be an amount in USD such as 250 or 99.50, or empty for no limit`,
		);
	}
	return toCents(value);
}

export function readSpendingLimits(credentials: ICredentialDataDecryptedObject): SpendingLimits {
	const products = String(credentials.allowedProducts ?? '')
		.split(/[\s,;]+/)
		.filter(Boolean);
	return {
		maxPerOrderCents: readUsd(credentials, LIMIT_FIELDS['Maximum per Order'], 'Maximum per Order'),
		maxPerRunCents: readUsd(credentials, LIMIT_FIELDS['Maximum per Run'], 'Maximum per Run'),
		dailyLimitCents: readUsd(credentials, LIMIT_FIELDS['Daily Limit'], 'Daily Limit'),
		allowedProducts: products.length ? new Set(products) : undefined,
	};
}

export function hasMoneyLimit(limits: SpendingLimits): boolean {
	return (
		limits.maxPerOrderCents !== undefined ||
		limits.maxPerRunCents !== undefined ||
		limits.dailyLimitCents !== undefined
	);
}

export function hasAnyLimit(limits: SpendingLimits): boolean {
	return hasMoneyLimit(limits) || limits.allowedProducts !== undefined;
}

/**
 * Checks each order on its own: allowed product, a currency the USD limits can be applied to, and
 * the per-order maximum. Pure: no request.
 */
export function checkEachOrder(limits: SpendingLimits, orders: GuardedOrder[]): Refusal[] {
	const refusals: Refusal[] = [];
	for (const order of orders) {
		const { itemIndexes, label, productId, currency, totalCents } = order;
		if (limits.allowedProducts && !limits.allowedProducts.has(productId)) {
			refusals.push({
				limit: 'Allowed Products',
				itemIndexes,
				message: `Allowed Products: ${label} asks for product ${productId}, which is not in the credential's list of allowed products. Nothing was ordered for it`,
				description: `Allowed: ${[...limits.allowedProducts].join(', ')}. ${WHERE}`,
			});
			continue;
		}
		if (!hasMoneyLimit(limits)) continue;
		if (currency !== 'USD') {
			// Giftronaut does not publish the rate it charges (docs/api-contract.md#spending): guessing
			// one could let an order through above the limit, so such an order is refused.
			refusals.push({
				limit: limits.maxPerOrderCents !== undefined ? 'Maximum per Order' : 'Maximum per Run',
				itemIndexes,
				message: `Spending limits: ${label} is in ${currency}, and the credential's limits are in USD. Giftronaut does not publish the rate it converts ${currency} at, so this order cannot be checked against them and was not sent`,
				description: `Use a USD product, or clear the USD limits in the credential for this workflow. ${WHERE}`,
			});
			continue;
		}
		if (limits.maxPerOrderCents !== undefined && totalCents > limits.maxPerOrderCents) {
			refusals.push({
				limit: 'Maximum per Order',
				itemIndexes,
				message: `Maximum per Order: ${label} totals ${usd(totalCents)}, above the limit of ${usd(limits.maxPerOrderCents)}. Nothing was ordered for it`,
				description: `Send smaller or fewer cards per order. ${WHERE}`,
			});
		}
	}
	return refusals;
}

const allItems = (orders: GuardedOrder[]) => orders.flatMap((order) => order.itemIndexes);
const runTotal = (orders: GuardedOrder[]) =>
	orders.reduce((sum, order) => sum + order.totalCents, 0);

/** The run's planned total against Maximum per Run. Pure: no request. */
export function checkRunTotal(limits: SpendingLimits, orders: GuardedOrder[]): Refusal | undefined {
	const total = runTotal(orders);
	if (limits.maxPerRunCents === undefined || total <= limits.maxPerRunCents) return undefined;
	return {
		limit: 'Maximum per Run',
		itemIndexes: allItems(orders),
		message: `Maximum per Run: this run plans ${orders.length} order(s) totalling ${usd(total)}, above the limit of ${usd(limits.maxPerRunCents)}. Nothing was ordered`,
		description: `The whole run is refused before the first order, so no part of it is sent. Split the work into smaller runs. ${WHERE}`,
	};
}

/** Today's spend plus the run against the Daily Limit. Pure: the spend is read by the caller. */
export function checkDaily(
	limits: SpendingLimits,
	orders: GuardedOrder[],
	spentTodayCents: number,
	day: string,
): Refusal | undefined {
	const total = runTotal(orders);
	if (limits.dailyLimitCents === undefined || spentTodayCents + total <= limits.dailyLimitCents) {
		return undefined;
	}
	const left = Math.max(limits.dailyLimitCents - spentTodayCents, 0);
	return {
		limit: 'Daily Limit',
		itemIndexes: allItems(orders),
		message: `Daily Limit: ${usd(spentTodayCents)} was already ordered today (${day}, UTC; runs still sending included) and this run adds ${usd(total)}, together ${usd(spentTodayCents + total)}, above the limit of ${usd(limits.dailyLimitCents)}. Nothing was ordered`,
		description: `${usd(left)} is left for today; the day starts again at 00:00 UTC. ${WHERE}`,
	};
}
