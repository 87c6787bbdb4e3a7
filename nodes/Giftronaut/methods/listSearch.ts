import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { Campaign } from '../actions/campaign/campaign';
import { findProduct, loadCatalog, productLabel } from '../helpers/catalog';
import { API_PATHS } from '../shared/paths';
import type { CardType, Product } from '../shared/types';
import { apiRequest, MAX_PAGE_SIZE, unwrapList, walkPages } from '../transport';

/** Results per dropdown page. */
const PRODUCT_PAGE_SIZE = 100;
/** Round amounts offered between the minimum and maximum of a RANGE product. */
const RANGE_STEPS = [10, 25, 50, 100, 250, 500, 1000];

/**
 * A parameter of the node as currently edited. `extractValue` turns a resource locator into its ID;
 * when n8n cannot (an unfinished URL, a parameter hidden by the other settings) the raw value is used.
 */
function currentValue(this: ILoadOptionsFunctions, name: string): unknown {
	let value: unknown;
	try {
		value = this.getCurrentNodeParameter(name, { extractValue: true });
	} catch {
		value = this.getCurrentNodeParameter(name);
	}
	if (value && typeof value === 'object' && 'value' in value) {
		return (value as { value: unknown }).value;
	}
	return value;
}

function currentCardType(this: ILoadOptionsFunctions): CardType {
	return currentValue.call(this, 'cardType') === 'choice' ? 'choice' : 'branded';
}

function pageNumber(token: string | undefined): number {
	const page = Number(token);
	return Number.isInteger(page) && page > 1 ? page : 1;
}

function matchesFilter(product: Product, filter: string): boolean {
	const haystack = [product.brandName, product.productId, product.currencyCode]
		.map((field) => String(field ?? '').toLowerCase())
		.join(' ');
	return filter
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.every((term) => haystack.includes(term));
}

/**
 * Products of the card type chosen in Order → Create, filtered by brand name, product ID or
 * currency (every typed word must match one of them).
 *
 * The catalog API cannot filter on product ID or currency together with brand text, so the typed
 * filter is not sent: the whole catalog (about two requests at 100 per page) is read with
 * `loadCatalog`, filtered here and handed out in pages of 100. The token is the next page number.
 */
export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const catalog = await loadCatalog.call(this, currentCardType.call(this));
	const matching = filter?.trim() ? catalog.filter((p) => matchesFilter(p, filter)) : catalog;
	const page = pageNumber(paginationToken);
	const start = (page - 1) * PRODUCT_PAGE_SIZE;
	const results = matching.slice(start, start + PRODUCT_PAGE_SIZE).map((product) => ({
		name: productLabel(product),
		value: product.productId,
	}));
	const more = start + PRODUCT_PAGE_SIZE < matching.length;
	return more ? { results, paginationToken: String(page + 1) } : { results };
}

function formatAmount(amount: number): string {
	return Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
}

function amountEntry(amount: number, currency: string, note?: string): INodeListSearchItems {
	const label = `${formatAmount(amount)} ${currency}`;
	return { name: note ? `${label} (${note})` : label, value: String(amount) };
}

function rangeSuggestions(min: number, max: number, currency: string): INodeListSearchItems[] {
	const between = RANGE_STEPS.filter((step) => step > min && step < max);
	return [
		amountEntry(min, currency, 'minimum'),
		...between.map((step) => amountEntry(step, currency)),
		...(max > min ? [amountEntry(max, currency, 'maximum')] : []),
	];
}

/** A typed number the product accepts, offered first so it can be picked as is. */
function typedAmount(product: Product, filter: string): number | undefined {
	if (!/^\d+(\.\d{1,2})?$/.test(filter)) return undefined;
	const amount = Number(filter);
	if (product.faceValueType === 'RANGE') {
		const { minAmount, maxAmount } = product;
		if (typeof minAmount === 'number' && amount < minAmount) return undefined;
		if (typeof maxAmount === 'number' && amount > maxAmount) return undefined;
		return amount;
	}
	return undefined;
}

const CHOOSE_PRODUCT_FIRST = 'Choose a product first';

function selectedProductId(this: ILoadOptionsFunctions): string {
	const value = currentValue.call(this, 'product');
	if (typeof value !== 'string') return '';
	const id = value.trim();
	// An expression is only resolved when the node runs; there is no product to describe yet.
	return id.startsWith('=') ? '' : id;
}

/**
 * Amounts the chosen product accepts: each denomination of a FIXED product; for a RANGE product
 * the minimum, a few round amounts and the maximum (any amount in between can be typed in).
 * No product chosen yet (or one the catalog lacks) → one entry saying so, instead of the editor's
 * bare "No results"; its value is empty, so picking it leaves Amount unset.
 */
export async function searchAmounts(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const productId = selectedProductId.call(this);
	if (!productId) return { results: [{ name: CHOOSE_PRODUCT_FIRST, value: '' }] };
	const cardType = currentCardType.call(this);
	const product = await findProduct.call(this, cardType, productId);
	if (!product) {
		const name = `Product ${productId} is not in the ${cardType} catalog: choose a product first`;
		return { results: [{ name, value: '' }] };
	}
	const currency = String(product.currencyCode ?? '');
	let entries: INodeListSearchItems[] = [];
	if (product.faceValueType === 'FIXED' && Array.isArray(product.denominations)) {
		entries = product.denominations.map((amount) => amountEntry(amount, currency));
	} else if (typeof product.minAmount === 'number' && typeof product.maxAmount === 'number') {
		entries = rangeSuggestions(product.minAmount, product.maxAmount, currency);
	}
	const text = filter?.trim() ?? '';
	if (!text) return { results: entries };
	const matching = entries.filter(
		(entry) => entry.value === text || entry.name.toLowerCase().includes(text.toLowerCase()),
	);
	const typed = typedAmount(product, text);
	if (typed !== undefined && !matching.some((entry) => Number(entry.value) === typed)) {
		matching.unshift(amountEntry(typed, currency));
	}
	return { results: matching };
}

/**
 * Recent orders for Order → Get, newest first within each page of 100 (the API documents no sort
 * order). The typed text filters the page by order ID, card name or status; the API's own keyword
 * search matches card names only, so it is not used. The token is the next page number.
 */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageNumber(paginationToken);
	const qs: IDataObject = { page, pageSize: MAX_PAGE_SIZE };
	const response = await apiRequest.call(this, { method: 'GET', path: '/api/v1/orders', qs });
	const orders = unwrapList(response.body).sort((a, b) =>
		String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')),
	);
	const terms = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	const results = orders
		.map((order) => ({
			name: [
				order.orderId,
				order.cardName,
				order.status,
				String(order.createdAt ?? '').slice(0, 16),
			]
				.filter(Boolean)
				.join(' — '),
			value: String(order.orderId),
		}))
		.filter((entry) => terms.every((term) => entry.name.toLowerCase().includes(term)));
	return orders.length === MAX_PAGE_SIZE
		? { results, paginationToken: String(page + 1) }
		: { results };
}

const CAMPAIGN_PAGE_SIZE = 50;

/**
 * Campaigns whose name contains the typed text (the API's `search`), a page of 50 at a time; the
 * token is the next page number. Deleted campaigns are not listed by the API.
 */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const search = filter?.trim();
	const walkCampaigns = walkPages<Campaign>;
	const { items, nextPage } = await walkCampaigns.call(this, {
		path: API_PATHS.campaigns,
		qs: search ? { search } : {},
		idOf: (campaign) => String(campaign.campaignId),
		limit: CAMPAIGN_PAGE_SIZE,
		pageSize: CAMPAIGN_PAGE_SIZE,
		maxPages: 1,
		startPage: pageNumber(paginationToken),
	});
	const results = items.map((campaign) => ({
		name: `${campaign.name} (${formatAmount(Number(campaign.amount))} USD)`,
		value: campaign.campaignId,
	}));
	return nextPage ? { results, paginationToken: String(nextPage) } : { results };
}
