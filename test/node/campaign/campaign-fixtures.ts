import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { CampaignBody, RequestLogEntry, Sandbox } from '../../sandbox';

/** A credential that may run campaigns: read the campaign, run it, read its orders. */
export const CAMPAIGN_SCOPES =
	'catalog.read orders.read orders.write balance.read campaigns.read campaigns.write';

export const welcomeCampaign: CampaignBody = {
	name: 'Welcome',
	cardType: 'BRANDED_CARD',
	productId: 'GC-AMAZON-USD',
	amount: 25,
	subject: 'Welcome aboard',
	senderName: 'Acme',
};

/** Campaign → Run with one recipient per item mapped from the input. */
export function runParameters(
	campaignId: string,
	overrides: INodeParameters = {},
): INodeParameters {
	return {
		resource: 'campaign',
		operation: 'run',
		campaignId: { __rl: true, mode: 'id', value: campaignId },
		recipientSource: 'fields',
		email: '={{ $json.email }}',
		firstName: '={{ $json.firstName }}',
		lastName: '={{ $json.lastName }}',
		...overrides,
	};
}

export function contact(index: number, extra: IDataObject = {}): IDataObject {
	return {
		email: `contact${index}@example.com`,
		firstName: `First${index}`,
		lastName: `Last${index}`,
		...extra,
	};
}

export const isRunPost = (entry: RequestLogEntry) =>
	entry.method === 'POST' && /^\/api\/v1\/campaigns\/[^/]+\/orders$/.test(entry.path);

export function runPosts(sandbox: Sandbox): RequestLogEntry[] {
	return sandbox.requests().filter(isRunPost);
}

/** Every recipient e-mail of the campaign orders on the sandbox. */
export function campaignRecipients(sandbox: Sandbox): string[] {
	return sandbox
		.orders()
		.filter((order) => order.orderType === 'CAMPAIGN')
		.flatMap((order) => order.recipients.map((recipient) => recipient.email));
}
