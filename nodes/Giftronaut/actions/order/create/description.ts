import type { INodeProperties } from 'n8n-workflow';

import { CARD_TYPES } from '../../../shared/cardTypes';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { emailSettings, sendTimingProperties } from '../../../shared/email.description';
import { createOptions, waitFields } from '../../../shared/orderOptions.description';
import { SPENDS_AND_REPEATS, toolDescriptionNotice } from '../../../shared/toolNotice.description';
import {
	recipientFromFields,
	recipientFromList,
	recipientSource,
} from '../../../shared/recipients.description';

const properties: INodeProperties[] = [
	toolDescriptionNotice(
		`Sends a gift card and charges its value to the prepaid Giftronaut balance. ${SPENDS_AND_REPEATS}`,
	),
	{
		displayName: 'Card Type',
		name: 'cardType',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: CARD_TYPES.branded.label,
				value: 'branded',
				description: CARD_TYPES.branded.description,
			},
			{
				name: CARD_TYPES.choice.label,
				value: 'choice',
				description: CARD_TYPES.choice.description,
			},
		],
		default: 'branded',
		description: 'Which catalog the product comes from',
	},
	{
		displayName: 'Product',
		name: 'product',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'The gift card product. Its currency is the currency of every amount in the order. By ID: the productId from the catalog, e.g. GC-AMAZON-USD or CHOICE-GLOBAL-USD.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchProducts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. GC-AMAZON-USD',
			},
		],
	},
	recipientSource,
	...recipientFromFields,
	recipientFromList,
	emailSettings,
	...sendTimingProperties,
	// An options field over the same boolean values the toggle stored: saved workflows read unchanged.
	{
		displayName: 'Expiry and Refund',
		name: 'refundOption',
		type: 'options',
		options: [
			{
				name: 'Expire After 180 Days, No Refund',
				value: false,
				description: 'Cards stay redeemable for 180 days; unredeemed value is not returned',
			},
			{
				name: 'Expire After 30 Days, Refund 70% of Unredeemed Value',
				value: true,
				description:
					'For promotions: cards expire after 30 days and 70% of what is left unredeemed is credited back to your balance automatically',
			},
		],
		default: false,
		description: 'What happens to the value a recipient does not redeem (Giftronaut refundOption)',
	},
	...waitFields,
	createOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['create'] } },
	properties,
);
