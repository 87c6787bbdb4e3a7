import type { Harness } from '../../harness';

export const welcome = {
	name: 'Welcome',
	cardType: 'BRANDED_CARD' as const,
	productId: 'GC-AMAZON-USD',
	amount: 25,
	subject: 'Welcome aboard!',
	senderName: 'People Team',
};

export function addCampaign(h: Harness, extra: Partial<typeof welcome> = {}) {
	return h.sandbox.createCampaign({ ...welcome, ...extra });
}

/** The resource locator as n8n stores it. */
export function byId(campaignId: string, mode: 'id' | 'list' = 'id') {
	return { __rl: true, mode, value: campaignId };
}
