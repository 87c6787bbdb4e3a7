import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/displayOptions';
import { campaignLocator } from '../campaign';
import { emailSettings, sendTimingProperties } from '../../../shared/email.description';
import { createOptions, waitFields } from '../../../shared/orderOptions.description';
import { SPENDS_AND_REPEATS, toolDescriptionNotice } from '../../../shared/toolNotice.description';
import {
	recipientFromFields,
	recipientFromList,
	recipientSource,
} from '../../../shared/recipients.description';

/** A campaign has one amount and one template: the recipients and the email have neither. */
const notFromRun = new Set(['amount', 'templateId']);
const withoutAmount = (values: INodeProperties[]) =>
	values.filter((property) => !notFromRun.has(property.name));

const properties: INodeProperties[] = [
	toolDescriptionNotice(
		`Sends the campaign's gift card to the recipients given and charges it to the prepaid Giftronaut balance. ${SPENDS_AND_REPEATS}`,
	),
	{
		...campaignLocator,
		description: 'The campaign to run: its product, USD amount, sender and design apply',
	},
	{ ...recipientSource, description: "Who gets the campaign's gift card" },
	...withoutAmount(recipientFromFields),
	{
		...recipientFromList,
		options: (recipientFromList.options ?? []).map((option) => ({
			...option,
			values: withoutAmount((option as { values: INodeProperties[] }).values),
		})),
	},
	{
		...emailSettings,
		description: "Replace the campaign's sender, subject or message for this run",
		options: withoutAmount(emailSettings.options as INodeProperties[]),
	},
	...sendTimingProperties,
	...waitFields,
	createOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['campaign'], operation: ['run'] } },
	properties,
);
