import type { IHttpRequestMethods } from 'n8n-workflow';

/** Scopes per path family (docs/api-contract.md#scopes): reads need `.read`, everything else `.write`. */
const FAMILIES: Array<{ prefix: string; name: string }> = [
	{ prefix: '/api/v1/catalog', name: 'catalog' },
	{ prefix: '/api/v1/orders', name: 'orders' },
	{ prefix: '/api/v1/balance', name: 'balance' },
	{ prefix: '/api/v1/templates', name: 'templates' },
	{ prefix: '/api/v1/campaigns', name: 'campaigns' },
	{ prefix: '/api/v1/recipients', name: 'recipients' },
];

const CAMPAIGN_RUN = /^\/api\/v1\/campaigns\/[^/]+\/orders$/;

/** The scopes a request needs, e.g. `['recipients.write']`; empty for a path not known here. */
export function requiredScopes(method: IHttpRequestMethods, path: string): string[] {
	const bare = path.split('?')[0];
	if (CAMPAIGN_RUN.test(bare)) return ['campaigns.write', 'orders.write'];
	const family = FAMILIES.find(({ prefix }) => bare === prefix || bare.startsWith(`${prefix}/`));
	if (!family) return [];
	return [`${family.name}.${method === 'GET' ? 'read' : 'write'}`];
}
