import type { IDataObject } from 'n8n-workflow';

import { walkPages, type GiftronautContext } from '../transport';
import { API_PATHS } from '../shared/paths';
import type { CardType, Product } from '../shared/types';

/** The whole catalog of a card type, read at most once per node run (a walk of ~2 pages). */
const catalogCache = new WeakMap<object, Map<string, Promise<Product[]>>>();

export async function loadCatalog(
	this: GiftronautContext,
	cardType: CardType,
	filters: IDataObject = {},
): Promise<Product[]> {
	let perContext = catalogCache.get(this);
	if (!perContext) {
		perContext = new Map();
		catalogCache.set(this, perContext);
	}
	const key = `${cardType}:${JSON.stringify(filters)}`;
	let pending = perContext.get(key);
	if (!pending) {
		const walkProducts = walkPages<Product>;
		pending = walkProducts
			.call(this, {
				path: API_PATHS.catalog[cardType],
				qs: filters,
				idOf: (product) => product.productId,
				maxPages: 200,
			})
			.then((result) => result.items);
		// A failed read must not stick for the rest of the run.
		pending.catch(() => perContext?.delete(key));
		perContext.set(key, pending);
	}
	return await pending;
}

export async function findProduct(
	this: GiftronautContext,
	cardType: CardType,
	productId: string,
): Promise<Product | undefined> {
	const catalog = await loadCatalog.call(this, cardType);
	return catalog.find((p) => p.productId === productId);
}

export function describeAmounts(product: Product): string {
	if (product.faceValueType === 'FIXED' && Array.isArray(product.denominations)) {
		return product.denominations.join('/');
	}
	return `${product.minAmount ?? '?'}–${product.maxAmount ?? '?'}`;
}

/** Dropdown label, e.g. "Amazon — USD — 10/25/50/100". */
export function productLabel(product: Product): string {
	return `${product.brandName} — ${product.currencyCode} — ${describeAmounts(product)}`;
}
