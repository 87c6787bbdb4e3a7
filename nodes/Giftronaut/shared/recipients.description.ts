import type { INodeProperties } from 'n8n-workflow';

/** Where the recipients come from: the item's fields, or a list entered in the node. */
export const recipientSource: INodeProperties = {
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
};

/** Recipients From Fields: one recipient per input item. */
export const recipientFromFields: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description:
			'Email address of the recipient; the gift card is emailed there. Usually mapped from the email field of the input item with an expression.',
		displayOptions: { show: { recipientSource: ['fields'] } },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		description: 'First name of the recipient, used in the email greeting (optional)',
		displayOptions: { show: { recipientSource: ['fields'] } },
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		description: 'Last name of the recipient (optional)',
		displayOptions: { show: { recipientSource: ['fields'] } },
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description:
			"Face value of the card in the product's currency. A fixed-value product accepts only its denominations (e.g. 10, 25, 50, 100); a range product accepts any amount between its minimum and maximum, at most 2 decimals.",
		displayOptions: { show: { recipientSource: ['fields'] } },
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
		displayOptions: { show: { recipientSource: ['fields'] } },
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

/** Recipients From List: several recipients entered in the node. */
export const recipientFromList: INodeProperties = {
	displayName: 'Recipients',
	name: 'recipients',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Recipient',
	default: {},
	description: 'Everyone listed here receives a card, all in one order per input item',
	displayOptions: { show: { recipientSource: ['list'] } },
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
