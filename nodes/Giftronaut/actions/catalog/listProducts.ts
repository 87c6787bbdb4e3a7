import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { loadCatalog } from '../../helpers/catalog';
import { forEachItem, inputError } from '../../helpers/perItem';
import { readLimit, returnAllAndLimit } from '../common.descriptions';
import { filtersCollection } from '../../shared/descriptions';
import { API_PATHS } from '../../shared/paths';
import type { CardType, Product } from '../../shared/types';
import { walkPages } from '../../transport';

interface CatalogFilters {
	currencyCode?: string;
	brandName?: string;
}

/** Return All, Limit and Filters of one catalog list operation (shown by the operation). */
export function listProductsDescription(noun: string): INodeProperties[] {
	return [
		...returnAllAndLimit(),
		filtersCollection([
			{
				displayName: 'Brand Name',
				name: 'brandName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Amazon',
				description: `Only ${noun} whose brand name contains this text (case-insensitive)`,
			},
			{
				displayName: 'Currency',
				name: 'currencyCode',
				type: 'string',
				default: '',
				placeholder: 'e.g. USD',
				description: `Only ${noun} in this currency (ISO 4217 code)`,
			},
		]),
	];
}

function readFilters(this: IExecuteFunctions, itemIndex: number): CatalogFilters {
	const raw = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const filters: CatalogFilters = {};
	const currency = String(raw.currencyCode ?? '').trim();
	if (currency) {
		if (!/^[A-Za-z]{3}$/.test(currency)) {
			throw inputError.call(
				this,
				itemIndex,
				`The Currency filter "${currency}" is not a three-letter ISO 4217 code`,
				'Use a code such as USD, EUR, GBP or CAD, or remove the filter.',
			);
		}
		filters.currencyCode = currency.toUpperCase();
	}
	const brandName = String(raw.brandName ?? '').trim();
	if (brandName) filters.brandName = brandName;
	return filters;
}

/**
 * The filters go to the API as `currencyCode`/`brandName` and are applied here as well: the real
 * catalog's query parameters are undocumented, so a server may ignore them.
 */
function matches(product: Product, filters: CatalogFilters): boolean {
	if (
		filters.currencyCode &&
		String(product.currencyCode ?? '').toUpperCase() !== filters.currencyCode
	) {
		return false;
	}
	if (
		filters.brandName &&
		!String(product.brandName ?? '')
			.toLowerCase()
			.includes(filters.brandName.toLowerCase())
	) {
		return false;
	}
	return true;
}

export async function listProducts(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	cardType: CardType,
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const limit = readLimit.call(this, itemIndex);
		const filters = readFilters.call(this, itemIndex);
		const keep = (product: Product) => matches(product, filters);
		if (limit === undefined) {
			// Shared per run (and with Order → Create's product lookup), so many items cost one walk.
			const catalog = await loadCatalog.call(this, cardType, { ...filters });
			return catalog.filter(keep);
		}
		const walkProducts = walkPages<Product>;
		const result = await walkProducts.call(this, {
			path: API_PATHS.catalog[cardType],
			qs: { ...filters },
			idOf: (product) => product.productId,
			keep,
			limit,
			maxPages: 200,
			itemIndex,
		});
		return result.items;
	});
}
