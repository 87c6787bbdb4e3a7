import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createHarness, type Harness } from '../../harness';
import welcomeCampaignJson from './welcome-campaign.json';
import type { CampaignBody, RequestLogEntry, Sandbox } from '../../sandbox';

/** A credential that may run campaigns: read the campaign, run it, read its orders. */
export const CAMPAIGN_SCOPES =
	'catalog.read orders.read orders.write balance.read campaigns.read campaigns.write';

/** The campaign of the welcome example (also seeded by the e2e suite and the demo). */
export const welcomeCampaign = welcomeCampaignJson as CampaignBody;

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

/** A harness whose credential may run campaigns. */
export async function campaignHarness(extraScopes = ''): Promise<Harness> {
	return await createHarness({
		credential: { scopes: `${CAMPAIGN_SCOPES} ${extraScopes}`.trim() },
	});
}

/** A clean sandbox with the welcome campaign; returns its id. */
export function withWelcomeCampaign(h: Harness, campaignId?: string): string {
	h.sandbox.reset();
	return h.sandbox.createCampaign(welcomeCampaign, { campaignId }).campaignId;
}

/**
 * One harness per test file (credential with the campaign scopes) and, before each test, a clean
 * sandbox with the welcome campaign: `ready` receives both.
 */
export function useCampaignSandbox(ready: (h: Harness, campaignId: string) => void): void {
	let h: Harness;
	beforeAll(async () => (h = await campaignHarness()));
	afterAll(async () => await h.close());
	beforeEach(() => ready(h, withWelcomeCampaign(h)));
}
