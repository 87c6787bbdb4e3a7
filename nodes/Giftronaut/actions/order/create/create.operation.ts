import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { loadCatalog } from '../../../helpers/catalog';
import { otherCardType, type CardType } from '../../../shared/cardTypes';
import type { Product } from '../../../shared/types';
import { checkDraft, readDraft } from './read';
import { executeOrders, type OrderKind } from '../../../helpers/orders/pipeline';
import type { OrderDraft } from '../../../helpers/orders/types';
import { createShape } from './shape';

export { description } from './description';

export const option = {
	name: 'Create',
	description:
		'Send gift cards: orders branded or choice cards and charges their value to the prepaid Giftronaut balance (real money in Production). Identical calls are not sent twice: a repeat within 24 hours returns the first order. Spending limits in the credential are enforced before sending; Options → Validate Only checks without ordering.',
	action: 'Send a gift card',
};

type Catalogs = Record<CardType, Product[] | undefined>;

/** One catalog walk per card type per run; the other catalog only to explain a wrong card type. */
async function loadCatalogs(this: IExecuteFunctions, drafts: OrderDraft[]): Promise<Catalogs> {
	const catalogs: Catalogs = { branded: undefined, choice: undefined };
	for (const cardType of new Set(drafts.map((draft) => draft.cardType))) {
		catalogs[cardType] = await loadCatalog.call(this, cardType);
	}
	const unknown = drafts.filter(
		(draft) => !catalogs[draft.cardType]?.some((product) => product.productId === draft.productId),
	);
	for (const draft of unknown) {
		const other = otherCardType(draft.cardType);
		if (!catalogs[other]) catalogs[other] = await loadCatalog.call(this, other);
	}
	return catalogs;
}

/** Branded and choice card orders: products from the catalog, amounts per recipient. */
const createOrders: OrderKind<Catalogs> = {
	shape: createShape,
	read: readDraft,
	load: loadCatalogs,
	check: checkDraft,
};

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeOrders.call(this, items, createOrders);
}
