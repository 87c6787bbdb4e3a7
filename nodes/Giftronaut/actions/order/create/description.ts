import type { INodeProperties } from 'n8n-workflow';

import { CARD_TYPES } from '../../../shared/cardTypes';
import { updateDisplayOptions } from '../../../shared/displayOptions';
import { createOptions } from './options.description';
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
	{
		displayName: 'Timezone Name or ID',
		name: 'timezone',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimezones' },
		default: 'America/New_York',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: { show: { sendTiming: ['scheduled'] } },
	},
	{
		displayName: 'Refund Option',
		name: 'refundOption',
		type: 'boolean',
		default: false,
		description:
			'Whether cards expire after 30 days with 70% of the unredeemed value refunded to the balance (on), or after 180 days without refund (off)',
	},
	createOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['create'] } },
	properties,
);
