import type { INodeProperties } from 'n8n-workflow';

/**
 * A dropdown of the account's e-mail templates. Its description is n8n's wording for such a
 * dropdown (no final full stop), so that a field can say first what the template is for.
 */
export const templateDropdown: INodeProperties = {
	displayName: 'Template Name or ID',
	name: 'templateId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTemplates' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** How the gift card email looks (Order → Create; Campaign → Run overrides some of the campaign's). */
export const emailSettings: INodeProperties = {
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
		templateDropdown,
	],
};

/** Send Timing, Scheduled At and Timezone: when the emails go out. */
export const sendTimingProperties: INodeProperties[] = [
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
];
