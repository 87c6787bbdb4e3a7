import type { IDataObject } from 'n8n-workflow';

import { defaultCampaignRunKey } from '../../../helpers/orders/idempotency';
import type { OrderShape, ValidItem } from '../../../helpers/orders/types';
import { campaignRunPath } from '../../../shared/paths';

/**
 * A campaign run (docs/api-contract.md#campaign-runs): the campaign in the path, recipients
 * without amounts (the campaign's applies), the email overrides at the top of the body.
 */
export const campaignShape: OrderShape = {
	keyStandsFor:
		"workflow, node, the item's data or Deduplication Key, the campaign and the recipients' e-mail addresses",
	notInKey: 'a changed subject, sender, message, name or timing',
	content(item: ValidItem): IDataObject {
		const { draft } = item;
		return { campaignId: draft.campaignId, sendTiming: draft.sendTiming, ...draft.emailSetting };
	},
	defaultKey(scope, members, items) {
		return defaultCampaignRunKey({
			...scope,
			campaignId: String(members[0].draft.campaignId),
			emails: members.flatMap((member) => member.recipients.map((recipient) => recipient.email)),
			items,
		});
	},
	request(content, _members, recipients) {
		const { campaignId, ...overrides } = content;
		return {
			path: campaignRunPath(String(campaignId)),
			body: {
				...overrides,
				recipients: recipients.map((recipient) =>
					Object.fromEntries(Object.entries(recipient).filter(([name]) => name !== 'amount')),
				),
			},
		};
	},
};
