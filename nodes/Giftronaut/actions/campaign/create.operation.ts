import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { readCollection, readRequiredText } from '../../helpers/parameters';
import { forEachItem } from '../../helpers/perItem';
import { additionalFieldsCollection } from '../../shared/descriptions';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { saveRecord } from '../../shared/requests';
import { checkCampaignFields } from './campaign';
import { optionalCampaignFields, requiredCampaignFields } from './fields';

export const option = {
	name: 'Create',
	description:
		'Create a campaign: a saved send configuration (card, USD amount, subject, sender) to run for recipient lists Sends no gift card: costs nothing.',
	action: 'Create a campaign',
};

const properties: INodeProperties[] = [
	...requiredCampaignFields,
	additionalFieldsCollection(optionalCampaignFields),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['create'] } },
	properties,
);

const TEXT_FIELDS = [
	['name', 'Name'],
	['productId', 'Product ID'],
	['subject', 'Subject'],
	['senderName', 'Sender Name'],
] as const;

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await forEachItem.call(this, items, async (itemIndex) => {
		const required: IDataObject = {
			cardType: this.getNodeParameter('cardType', itemIndex) as string,
			amount: this.getNodeParameter('amount', itemIndex) as number,
		};
		for (const [name, label] of TEXT_FIELDS) {
			required[name] = readRequiredText.call(
				this,
				name,
				label,
				itemIndex,
				`Enter the ${label} of the campaign.`,
			);
		}
		const fields = { ...readCollection.call(this, 'additionalFields', itemIndex), ...required };
		const body = checkCampaignFields.call(this, fields, itemIndex);
		return await saveRecord.call(this, API_PATHS.campaigns, body, itemIndex);
	});
}
