import type { INodeProperties } from 'n8n-workflow';

import { templateDropdown } from '../../shared/email.description';

/** The required fields of a campaign, as Create shows them. */
export const requiredCampaignFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Display name of the campaign',
	},
	{
		displayName: 'Card Type',
		name: 'cardType',
		type: 'options',
		required: true,
		options: [
			{ name: 'Branded Card', value: 'BRANDED_CARD', description: 'A gift card of one brand' },
			{ name: 'Choice Card', value: 'CHOICE_CARD', description: 'The recipient picks the brand' },
		],
		default: 'BRANDED_CARD',
		description: 'Kind of card the campaign sends',
	},
	{
		displayName: 'Product ID',
		name: 'productId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. GC-AMAZON-USD',
		description:
			'Catalog product of the card type (Catalog → Get Many Branded Cards / Choice Cards lists them)',
	},
	{
		displayName: 'Amount (USD)',
		name: 'amount',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0.01, numberPrecision: 2 },
		default: 25,
		description: 'Gift value in USD that every recipient of a run gets',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		description: 'Subject of the gift e-mail',
	},
	{
		displayName: 'Sender Name',
		name: 'senderName',
		type: 'string',
		required: true,
		default: '',
		description: 'Sender name shown on the gift e-mail',
	},
];

/** The optional fields (Additional Fields of Create). */
export const optionalCampaignFields: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Gift message of the e-mail',
	},
	{
		displayName: 'Refund Unredeemed Cards',
		name: 'refundOption',
		type: 'boolean',
		default: false,
		description: 'Whether cards that are never redeemed are refunded to the balance',
	},
	{
		...templateDropdown,
		description: `E-mail template of the campaign. ${templateDropdown.description}.`,
	},
];

/** Every field as optional (Update Fields of Update), alphabetical as n8n lists them. */
export const campaignUpdateFields: INodeProperties[] = [
	...requiredCampaignFields.map((field) => ({ ...field, required: false })),
	...optionalCampaignFields,
].sort((a, b) => a.displayName.localeCompare(b.displayName));
