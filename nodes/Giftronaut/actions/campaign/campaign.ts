import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../helpers/perItem';
import { API_PATHS } from '../../shared/paths';
import { getRecord } from '../../shared/requests';
import type { GiftronautContext } from '../../transport';

/** A campaign as the API returns it (docs/api-contract.md#campaigns). */
export interface Campaign extends IDataObject {
	campaignId: string;
	name: string;
	cardType: 'BRANDED_CARD' | 'CHOICE_CARD';
	productId: string;
	/** USD, for every recipient of a run. */
	amount: number;
	subject: string;
	senderName: string;
	message?: string;
	templateId?: string;
	refundOption?: boolean;
}

/** Fields of a campaign the API accepts; PUT needs all required ones. */
export const CAMPAIGN_FIELDS = [
	'name',
	'cardType',
	'productId',
	'amount',
	'subject',
	'senderName',
	'message',
	'templateId',
	'refundOption',
] as const;

/**
 * The campaign picker of Get, Update, Delete (and Run): a searchable list, or an ID. Read it with
 * `readCampaignId`.
 */
export const campaignLocator: INodeProperties = {
	displayName: 'Campaign',
	name: 'campaignId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The campaign: pick it from the list (search by name) or enter its ID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchCampaigns', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. CA-A1B2C3D4',
		},
	],
};

/** The campaign ID of an item, whichever mode the locator is in; an empty one is an error. */
export function readCampaignId(this: IExecuteFunctions, itemIndex: number): string {
	const value = this.getNodeParameter('campaignId', itemIndex, '', { extractValue: true });
	const campaignId = String(value ?? '').trim();
	if (!campaignId) {
		throw inputError.call(
			this,
			itemIndex,
			'Campaign is empty',
			'Pick a campaign from the list, or enter its ID (e.g. CA-A1B2C3D4) or map it from a previous node.',
		);
	}
	return campaignId;
}

/** GET /campaigns/{id}, for Campaign → Run. A deleted campaign answers 404 NOT_FOUND. */
export async function fetchCampaign(
	this: GiftronautContext,
	campaignId: string,
	itemIndex?: number,
): Promise<Campaign> {
	const campaign = await getRecord.call(this, API_PATHS.campaigns, campaignId, { itemIndex });
	return campaign as Campaign;
}

/** Checks fields before anything is sent: a positive USD amount with at most 2 decimals, no empty text. */
export function checkCampaignFields(
	this: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): IDataObject {
	const checked: IDataObject = {};
	for (const [field, value] of Object.entries(fields)) {
		if (value !== '') checked[field] = value;
	}
	if ('amount' in checked) {
		const amount = Number(checked.amount);
		if (
			!Number.isFinite(amount) ||
			amount <= 0 ||
			Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6
		) {
			throw inputError.call(
				this,
				itemIndex,
				`Amount ${String(checked.amount)} is not a positive USD amount with at most 2 decimals`,
				'Enter the gift value in USD, e.g. 25 or 12.50.',
			);
		}
		checked.amount = amount;
	}
	return checked;
}
