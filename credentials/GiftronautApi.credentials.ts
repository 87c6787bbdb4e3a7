import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { API_PATHS } from '../nodes/Giftronaut/shared/paths';
import {
	DEFAULT_GIFTRONAUT_SCOPES,
	sharedTokenExchange,
} from '../nodes/Giftronaut/transport/tokenExchange';

export { DEFAULT_GIFTRONAUT_SCOPES };

export class GiftronautApi implements ICredentialType {
	name = 'giftronautApi';

	displayName = 'Giftronaut API';

	documentationUrl = 'https://github.com/giftronaut/n8n-nodes-giftronaut#credentials';

	icon: Icon = { light: 'file:../icons/giftronaut.svg', dark: 'file:../icons/giftronaut.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Client ID of a Giftronaut developer-portal app (Sandbox or Production)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Client secret of the same app. It is shown only once, when the app is created.',
		},
		// Same name, type and default as before it was labelled advanced: saved credentials keep their string.
		{
			displayName: 'Scopes (Advanced)',
			name: 'scopes',
			type: 'string',
			default: DEFAULT_GIFTRONAUT_SCOPES,
			description:
				'Leave as is unless the app in the developer portal was given fewer scopes. Space-separated. The node needs catalog.read, orders.read and orders.write; balance.read and templates.read enable the balance check and the template list. Add templates.write, campaigns.read, campaigns.write, recipients.read and recipients.write (also to the app in the portal) to manage templates, campaigns and the address book.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.giftronaut.com',
			description:
				'Sandbox and Production share this URL; the app behind the Client ID decides which one you use. Must start with https:// (plain http:// only for localhost). A trailing /api/v1 is ignored.',
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSigningSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"Only for the Giftronaut Webhook Trigger: the signing secret the developer portal shows for this credential's webhook endpoint. Without it the trigger refuses every event.",
		},
		{
			displayName: 'Maximum per Order (USD)',
			name: 'maxPerOrderUsd',
			type: 'string',
			default: '',
			placeholder: 'e.g. 100',
			description:
				'Spending limit: an order whose total is above this is refused before it is sent. Empty: no limit. Orders in other currencies are refused while a USD limit is set (the conversion rate is not published).',
		},
		{
			displayName: 'Maximum per Run (USD)',
			name: 'maxPerRunUsd',
			type: 'string',
			default: '',
			placeholder: 'e.g. 500',
			description:
				'Spending limit: a node run whose orders together total more than this is refused whole, before the first order. Empty: no limit.',
		},
		{
			displayName: 'Daily Limit (USD)',
			name: 'dailyLimitUsd',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1000',
			description:
				"Spending limit: before sending, the node reads what this account ordered today (UTC) and refuses a run that would take the day's total above this. Needs orders.read. Empty: no limit.",
		},
		{
			displayName: 'Allowed Products',
			name: 'allowedProducts',
			type: 'string',
			default: '',
			placeholder: 'e.g. GC-AMAZON-USD, CHOICE-GLOBAL-USD',
			description:
				'Product IDs this credential may order, separated by commas. Any other product is refused before sending. Empty: every product.',
		},
	];

	// One exchange per credential for the whole n8n process (see tokenExchange.ts). The Base URL is
	// checked before the secret is sent; failures say what to fix and never carry the secret.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await sharedTokenExchange(this.helpers, credentials);
	}

	// A function rather than a `=Bearer {{...}}` expression: it runs on every request, and n8n's
	// expression engine would cost more than the header itself.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${credentials.accessToken}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/api\\/v1$/i, "").replace(/\\/+$/, "")}}',
			url: API_PATHS.catalog.branded,
			qs: { page: 1, pageSize: 1 },
		},
	};
}
