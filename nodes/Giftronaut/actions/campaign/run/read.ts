import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { withItemFieldReads } from '../../../helpers/orders/itemFieldReader';
import { checkPerson, type Recipient } from '../../../helpers/orders/recipients';
import {
	readEmailSetting,
	readItemRecipients,
	readKeyOptions,
	readSendTiming,
} from '../../../helpers/orders/settings';
import { inputError } from '../../../helpers/perItem';
import type { OrderDraft, RunSettings, ValidItem } from '../../../helpers/orders/types';
import type { CardType, Product } from '../../../shared/types';
import { fetchCampaign, readCampaignId, type Campaign } from '../campaign';
import { description } from './description';

/** Each campaign of the run, read once; or why it cannot be run. */
export type Campaigns = Map<string, Campaign | Error>;

/** Reads one item: the campaign, who gets it, the overrides and the keys. */
export function readRunDraft(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RunSettings,
): OrderDraft {
	return readRunParameters.call(withItemFieldReads(this, description), itemIndex, settings);
}

function readRunParameters(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RunSettings,
): OrderDraft {
	const campaignId = readCampaignId.call(this, itemIndex);
	const recipientInputs = readItemRecipients.call(this, itemIndex, settings, false);
	return {
		itemIndex,
		// The campaign decides card type and product; both are filled in once it is read.
		cardType: 'branded',
		productId: '',
		campaignId,
		recipientInputs,
		emailSetting: readEmailSetting.call(this, itemIndex),
		sendTiming: readSendTiming.call(this, itemIndex),
		refundOption: false,
		...readKeyOptions.call(this, itemIndex),
	};
}

/** One GET per campaign of the run, before anything is sent: a deleted campaign stops it here. */
export async function loadCampaigns(
	this: IExecuteFunctions,
	drafts: OrderDraft[],
): Promise<Campaigns> {
	const campaigns: Campaigns = new Map();
	for (const draft of drafts) {
		const campaignId = String(draft.campaignId);
		if (campaigns.has(campaignId)) continue;
		// A failed read belongs to the items of that campaign: checkRunDraft reports it for each.
		const read = fetchCampaign.call(this, campaignId, draft.itemIndex);
		campaigns.set(campaignId, await read.catch((error: Error) => error));
	}
	return campaigns;
}

const isNotFound = (error: Error) => error instanceof NodeApiError && error.httpCode === '404';

/** The campaign's gift as a product: its USD amount is the only one it sends. */
function campaignProduct(campaign: Campaign): Product {
	return {
		productId: campaign.productId,
		brandName: campaign.name,
		currencyCode: 'USD',
		faceValueType: 'FIXED',
		denominations: [campaign.amount],
	};
}

export function checkRunDraft(
	this: IExecuteFunctions,
	draft: OrderDraft,
	campaigns: Campaigns,
): ValidItem {
	const { itemIndex } = draft;
	const campaign = campaigns.get(String(draft.campaignId));
	if (campaign instanceof Error && !isNotFound(campaign)) throw campaign;
	if (!campaign || campaign instanceof Error) {
		throw inputError.call(
			this,
			itemIndex,
			`Campaign "${draft.campaignId}" was not found: it does not exist for this account, or it was deleted (a deleted campaign can no longer be run)`,
			'Choose an existing campaign, or check its ID with Campaign → Get Many. Nothing was sent.',
		);
	}
	const amount = Number(campaign.amount);
	if (!Number.isFinite(amount) || amount <= 0) {
		throw inputError.call(
			this,
			itemIndex,
			`Campaign "${campaign.campaignId}" has no usable amount (${String(campaign.amount)}): set its amount in USD with Campaign → Update`,
		);
	}
	const recipients: Recipient[] = [];
	for (const input of draft.recipientInputs) {
		const check = checkPerson(input);
		if ('problem' in check) throw inputError.call(this, itemIndex, check.problem);
		recipients.push({ ...check.recipient, amount });
	}
	const cardType: CardType = campaign.cardType === 'CHOICE_CARD' ? 'choice' : 'branded';
	return {
		draft: { ...draft, cardType, productId: campaign.productId },
		product: campaignProduct(campaign),
		recipients,
	};
}
