import type { IDataObject } from 'n8n-workflow';

import { defaultOrderKeyOfCanonicalItems } from '../../../helpers/orders/idempotency';
import type { OrderShape, ValidItem } from '../../../helpers/orders/types';
import { API_PATHS } from '../../../shared/paths';

/** A branded or choice card order: its content, key and request. */
export const createShape: OrderShape = {
	keyStandsFor:
		"workflow, node, the item's data or Deduplication Key, card type, product, recipients and amounts",
	notInKey: 'a changed message, subject, sender, template, name, timing or refund option',
	content(item: ValidItem): IDataObject {
		const { draft } = item;
		const content: IDataObject = {
			productId: draft.productId,
			sendTiming: draft.sendTiming,
			refundOption: draft.refundOption,
		};
		if (draft.emailSetting) content.emailSetting = draft.emailSetting;
		return content;
	},
	defaultKey(scope, members, items) {
		return defaultOrderKeyOfCanonicalItems({
			...scope,
			cardType: members[0].draft.cardType,
			productId: members[0].draft.productId,
			recipients: members.flatMap((member) => member.recipients),
			items,
		});
	},
	request(content, members, recipients) {
		return {
			path: API_PATHS.createOrder[members[0].draft.cardType],
			body: { ...content, recipients },
		};
	},
};
