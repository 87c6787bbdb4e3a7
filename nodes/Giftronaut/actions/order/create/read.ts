import type { IExecuteFunctions } from 'n8n-workflow';

import { withItemFieldReads } from '../../../helpers/orders/itemFieldReader';
import { checkRecipient, type Recipient } from '../../../helpers/orders/recipients';
import {
	readEmailSetting,
	readItemRecipients,
	readKeyOptions,
	readSendTiming,
} from '../../../helpers/orders/settings';
import { inputError } from '../../../helpers/perItem';
import type { OrderDraft, RunSettings, ValidItem } from '../../../helpers/orders/types';
import { CARD_TYPES, isCardType, otherCardType, type CardType } from '../../../shared/cardTypes';
import type { Product } from '../../../shared/types';
import { description } from './description';

/** Reads and shape-checks one item's parameters; throws a NodeOperationError naming field and item. */
export function readDraft(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RunSettings,
): OrderDraft {
	// Fields mapped as {{ $json.email }} are read from the item, not through n8n's expression engine.
	return readDraftParameters.call(withItemFieldReads(this, description), itemIndex, settings);
}

function readDraftParameters(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RunSettings,
): OrderDraft {
	const cardType: unknown = this.getNodeParameter('cardType', itemIndex, 'branded');
	if (!isCardType(cardType)) {
		throw inputError.call(
			this,
			itemIndex,
			`Card Type "${String(cardType)}" must be "branded" or "choice"`,
		);
	}
	const productId = String(
		this.getNodeParameter('product', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!productId) {
		throw inputError.call(
			this,
			itemIndex,
			'Product is required: choose one from the list, or enter its ID such as GC-AMAZON-USD',
		);
	}
	const recipientInputs = readItemRecipients.call(this, itemIndex, settings);
	const keys = readKeyOptions.call(this, itemIndex);
	return {
		itemIndex,
		cardType,
		productId,
		recipientInputs,
		emailSetting: readEmailSetting.call(this, itemIndex),
		sendTiming: readSendTiming.call(this, itemIndex),
		refundOption: this.getNodeParameter('refundOption', itemIndex, false) === true,
		...keys,
	};
}

/** Checks a draft against its catalog (already loaded); throws a NodeOperationError on a problem. */
export function checkDraft(
	this: IExecuteFunctions,
	draft: OrderDraft,
	catalogs: Record<CardType, Product[] | undefined>,
): ValidItem {
	const { itemIndex, cardType, productId } = draft;
	const product = catalogs[cardType]?.find((entry) => entry.productId === productId);
	if (!product) {
		const otherType = otherCardType(cardType);
		const inOther = catalogs[otherType]?.some((entry) => entry.productId === productId);
		const hint = inOther
			? `: it is a ${CARD_TYPES[otherType].label}, so set Card Type to ${CARD_TYPES[otherType].label}`
			: ': pick one from the list, or check the ID with Catalog → Get Many';
		throw inputError.call(
			this,
			itemIndex,
			`Product "${productId}" is not in the ${CARD_TYPES[cardType].label} catalog${hint}`,
		);
	}
	const recipients: Recipient[] = [];
	for (const input of draft.recipientInputs) {
		const check = checkRecipient(input, product);
		if ('problem' in check) throw inputError.call(this, itemIndex, check.problem);
		recipients.push(check.recipient);
	}
	return { draft, product, recipients };
}
