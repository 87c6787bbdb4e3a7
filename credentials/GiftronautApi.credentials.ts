import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

export const DEFAULT_GIFTRONAUT_SCOPES =
	'catalog.read orders.read orders.write balance.read templates.read';

interface TokenResponse {
	access_token?: string;
	error?: string;
	message?: string;
	error_description?: string;
}

function tokenErrorMessage(status: number, body: TokenResponse | undefined): string {
	const code = body?.error ?? '';
	const detail = body?.message ?? body?.error_description ?? '';
	if (status === 401 || /INVALID_CLIENT/i.test(code)) {
		return (
			'Giftronaut rejected the Client ID or Client Secret (INVALID_CLIENT). Check both fields of the ' +
			'Giftronaut API credential; the secret is shown only once when the app is created, so rotate it ' +
			'in the developer portal if unsure.'
		);
	}
	if (/SCOPE/i.test(code)) {
		return `Giftronaut refused the requested scopes (${code}): ${detail} Fix the Scopes field of the credential.`;
	}
	return `Giftronaut token request failed with HTTP ${status}${code ? ` ${code}` : ''}${detail ? `: ${detail}` : ''}`;
}

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
		{
			displayName: 'Scopes',
			name: 'scopes',
			type: 'string',
			default: DEFAULT_GIFTRONAUT_SCOPES,
			description:
				'Space-separated scopes to request. The node needs catalog.read, orders.read and orders.write; balance.read and templates.read enable the balance check and the template list.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.giftronaut.com',
			description:
				'Sandbox and Production share this URL; the app behind the Client ID decides which one you use',
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
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const baseUrl = String(credentials.baseUrl || 'https://api.giftronaut.com').replace(/\/+$/, '');
		const form = new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: String(credentials.clientId ?? '').trim(),
			client_secret: String(credentials.clientSecret ?? ''),
			scope: String(credentials.scopes || DEFAULT_GIFTRONAUT_SCOPES)
				.split(/[\s,]+/)
				.filter(Boolean)
				.join(' '),
		});
		// Status errors are handled here rather than thrown by the helper: a helper error would carry
		// the request (and so the client secret) along into n8n's error output.
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/oauth2/token`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: form.toString(),
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: TokenResponse | string };
		const body = (typeof response.body === 'object' ? response.body : undefined) as
			| (TokenResponse & IDataObject)
			| undefined;
		if (response.statusCode >= 300 || !body?.access_token) {
			throw new Error(tokenErrorMessage(response.statusCode, body));
		}
		return { accessToken: body.access_token };
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
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/catalog/branded-cards',
			qs: { page: 1, pageSize: 1 },
		},
	};
}
