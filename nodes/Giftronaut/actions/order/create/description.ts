import type { INodeProperties } from 'n8n-workflow';

import {
	MAX_RECIPIENTS_PER_ORDER,
	DEFAULT_BATCH_SIZE,
	DEFAULT_WAIT_TIMEOUT_SECONDS,
} from './limits';

const show = { resource: ['order'], operation: ['create'] };
const showFor = (extra: Record<string, string[]>) => ({ show: { ...show, ...extra } });

const recipientFromFields: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description:
			'Email address of the recipient; the gift card is emailed there. Usually mapped from the email field of the input item with an expression.',
		displayOptions: showFor({ recipientSource: ['fields'] }),
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		description: 'First name of the recipient, used in the email greeting (optional)',
		displayOptions: showFor({ recipientSource: ['fields'] }),
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		description: 'Last name of the recipient (optional)',
		displayOptions: showFor({ recipientSource: ['fields'] }),
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			"Face value of the card in the product's currency. A fixed-value product accepts only its denominations (e.g. 10, 25, 50, 100); a range product accepts any amount between its minimum and maximum, at most 2 decimals.",
		displayOptions: showFor({ recipientSource: ['fields'] }),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchAmounts', searchable: true },
			},
			{
				displayName: 'Value',
				name: 'value',
				type: 'string',
				placeholder: 'e.g. 25',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '^\\s*\\d+(\\.\\d{1,2})?\\s*$',
							errorMessage: 'Enter a number like 25 or 12.50, without a currency sign',
						},
					},
				],
			},
		],
	},
	{
		displayName: 'Additional Recipient Fields',
		name: 'additionalRecipientFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor({ recipientSource: ['fields'] }),
		options: [
			{
				displayName: 'Company',
				name: 'company',
				type: 'string',
				default: '',
				description: 'Company of the recipient',
			},
			{
				displayName: 'Department',
				name: 'department',
				type: 'string',
				default: '',
				description: 'Department of the recipient',
			},
		],
	},
];

const recipientFromList: INodeProperties = {
	displayName: 'Recipients',
	name: 'recipients',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Recipient',
	default: {},
	description: 'Everyone listed here receives a card, all in one order per input item',
	displayOptions: showFor({ recipientSource: ['list'] }),
	options: [
		{
			displayName: 'Recipient',
			name: 'recipient',
			values: [
				{
					displayName: 'Amount',
					name: 'amount',
					type: 'number',
					typeOptions: { minValue: 0, numberPrecision: 2 },
					default: 0,
					description:
						"Face value in the product's currency: one of its denominations, or within its range",
				},
				{
					displayName: 'Company',
					name: 'company',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Department',
					name: 'department',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
					description: 'Email address the gift card is sent to',
				},
				{
					displayName: 'First Name',
					name: 'firstName',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Last Name',
					name: 'lastName',
					type: 'string',
					default: '',
				},
			],
		},
	],
};

export const description: INodeProperties[] = [
	{
		displayName: 'Card Type',
		name: 'cardType',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Branded Card',
				value: 'branded',
				description: 'A gift card of one brand, e.g. Amazon or Starbucks',
			},
			{
				name: 'Choice Card',
				value: 'choice',
				description: 'The recipient picks the brand when redeeming',
			},
		],
		default: 'branded',
		description: 'Which catalog the product comes from',
		displayOptions: { show },
	},
	{
		displayName: 'Product',
		name: 'product',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			'The gift card product. Its currency is the currency of every amount in the order. By ID: the productId from the catalog, e.g. GC-AMAZON-USD or CHOICE-GLOBAL-USD.',
		displayOptions: { show },
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
		displayOptions: { show },
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
		displayOptions: { show },
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
		displayOptions: { show },
	},
	{
		displayName: 'Scheduled At',
		name: 'scheduledAt',
		type: 'dateTime',
		required: true,
		default: '',
		description:
			'Wall-clock date and time in the Timezone below, e.g. 2026-03-01T09:00:00 = 9 AM there. Any offset or zone in the value (Z, +02:00) is ignored: only the written date and time count. Must be in the future.',
		displayOptions: showFor({ sendTiming: ['scheduled'] }),
	},
	{
		displayName: 'Timezone Name or ID',
		name: 'timezone',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTimezones' },
		default: 'America/New_York',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		displayOptions: showFor({ sendTiming: ['scheduled'] }),
	},
	{
		displayName: 'Refund Option',
		name: 'refundOption',
		type: 'boolean',
		default: false,
		description:
			'Whether cards expire after 30 days with 70% of the unredeemed value refunded to the balance (on), or after 180 days without refund (off)',
		displayOptions: { show },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_RECIPIENTS_PER_ORDER },
				default: DEFAULT_BATCH_SIZE,
				description: `With Combine Items: the most recipients in one order (1 to ${MAX_RECIPIENTS_PER_ORDER}). Items are never split across orders.`,
			},
			{
				displayName: 'Check Balance First',
				name: 'checkBalance',
				type: 'boolean',
				default: false,
				description:
					'Whether to read the balance once before sending and stop, with nothing ordered, when the total of this run exceeds it. Only amounts in the currency of the balance (USD) are counted. Needs the balance.read scope.',
			},
			{
				displayName: 'Combine Items Into One Order',
				name: 'combineItems',
				type: 'boolean',
				default: false,
				description:
					'Whether to send the recipients of all input items in batches (Batch Size each, cut by input position) instead of one order per item. Within a batch, items with different product, card type, email settings, timing, refund option or Idempotency Key go into different orders. With Continue On Fail, a batch with a bad item is held back whole until it is fixed.',
			},
			{
				displayName: 'Deduplication Key',
				name: 'deduplicationKey',
				type: 'string',
				default: '',
				placeholder: 'e.g. {{ $json.dealId }}',
				description:
					"A business ID for this gift, e.g. a CRM deal ID. It replaces the input item's data in the automatic idempotency key, so redeliveries that differ only in other fields (headers, timestamps, retry counters) are one order: the same value and recipients never send twice within 24 hours, different values always send.",
			},
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				placeholder: 'e.g. deal-{{ $json.dealId }}',
				description:
					'Replaces the automatic key (at most 64 visible ASCII characters). Giftronaut creates one order per key within 24 hours; resending the same key returns that order. With Combine Items and several batches, "-1", "-2"… is appended.',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{
						name: 'Order',
						value: 'order',
						description: 'One item per order',
					},
					{
						name: 'Recipients',
						value: 'recipients',
						description:
							'One item per recipient, paired to its input item, with its reward link once the order is complete',
					},
				],
				default: 'order',
				description: 'What each output item describes',
			},
			// Read by the transport's rate governor (transport/index.ts), not by the create operation.
			{
				displayName: 'Rate-Limit Patience',
				name: 'rateLimitPatience',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 10,
				description:
					"The longest this run waits in total for Giftronaut's rate limit (HTTP 429), in minutes. While rate limited, every request of the run pauses and then continues. When the wait would be longer, the run stops and lists the orders already accepted.",
			},
			{
				displayName: 'Timeout',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1000 },
				default: 30000,
				description: 'How long to wait for each Giftronaut response, in milliseconds',
			},
			{
				displayName: 'Wait for Completion',
				name: 'waitForCompletion',
				type: 'boolean',
				default: false,
				description:
					'Whether to wait until each order is COMPLETE (or CANCELED) and output it with its reward links. On timeout the order is output with its current status and waitTimedOut = true.',
			},
			{
				displayName: 'Wait Timeout',
				name: 'waitTimeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3600 },
				default: DEFAULT_WAIT_TIMEOUT_SECONDS,
				description: 'With Wait for Completion: the longest wait for the whole run, in seconds',
				displayOptions: { show: { waitForCompletion: [true] } },
			},
		],
	},
];
