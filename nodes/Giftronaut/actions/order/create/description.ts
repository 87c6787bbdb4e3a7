import type { INodeProperties } from 'n8n-workflow';

import { CARD_TYPES } from '../../../shared/cardTypes';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { createOptions, waitFields } from './options.description';
import { recipientFromFields, recipientFromList } from './recipients.description';

const properties: INodeProperties[] = [
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
	{
		displayName: 'Recipients',
		name: 'recipientSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'From Fields',
				value: 'fields',
				description: 'One recipient per input item, usually mapped from the input',
			},
			{
				name: 'From List',
				value: 'list',
				description: 'Several recipients entered here, sent in one order per input item',
			},
		],
		default: 'fields',
		description: 'Where the recipients come from',
	},
	...recipientFromFields,
	recipientFromList,
	{
		displayName: 'Email Settings',
		name: 'emailSettings',
		type: 'collection',
		placeholder: 'Add Setting',
		default: {},
		description: 'How the gift card email looks; the account defaults apply to anything left out',
		options: [
			{
				displayName: 'Message',
				name: 'message',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: 'Personal message shown in the email',
			},
			{
				displayName: 'Sender Name',
				name: 'senderName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Acme Corp',
				description: 'Name shown as the sender of the email',
			},
			{
				displayName: 'Subject',
				name: 'subject',
				type: 'string',
				default: '',
				description: 'Subject line of the email',
			},
			{
				displayName: 'Template Name or ID',
				name: 'templateId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTemplates' },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
		],
	},
	{
		displayName: 'Send Timing',
		name: 'sendTiming',
		type: 'options',
		options: [
			{ name: 'Immediate', value: 'immediate', description: 'Send the cards right away' },
			{
				name: 'Scheduled',
				value: 'scheduled',
				description: 'Send the cards at a date and time in a time zone',
			},
		],
		default: 'immediate',
		description: 'When the gift card emails go out',
	},
	{
		displayName: 'Scheduled At',
		name: 'scheduledAt',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'Wall-clock date and time in the Timezone below, e.g. 2026-03-01T09:00:00 = 9 AM there. Any offset or zone in the value (Z, +02:00) is ignored: only the written date and time count. Must be in the future.',
		displayOptions: { show: { sendTiming: ['scheduled'] } },
	},
	// Version 1 kept America/New_York as its default: workflows saved with it left unchanged store
	// no value, so only new nodes (1.1) start with the workflow's time zone.
	{
		displayName: 'Timezone Name or ID',
		name: 'timezone',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimezones' },
		default: 'America/New_York',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { sendTiming: ['scheduled'], '@version': [1] } },
	},
	{
		displayName: 'Timezone Name or ID',
		name: 'timezone',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimezones' },
		default: '',
		description:
			'The workflow\'s time zone (workflow settings) unless you choose one. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { sendTiming: ['scheduled'], '@version': [{ _cnd: { gte: 1.1 } }] } },
	},
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
