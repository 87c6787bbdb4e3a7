import { createHash } from 'crypto';

import {
	canonicalJson,
	defaultCampaignRunKey,
	defaultOrderKey,
	type CampaignKeyMaterial,
} from '../../nodes/Giftronaut/helpers/orders/idempotency';

// Golden key of Campaign → Run: pinned here. If it fails, every campaign run's default key changes
// with the release; that is only ever done on purpose, with CAMPAIGN_KEY_VERSION bumped.

const items = [
	{ json: { row: 1, email: 'ada@example.com', tags: ['a', 'b'] } },
	{ deduplicationKey: 'contact-42' },
];
const material: CampaignKeyMaterial = {
	workflowId: 'wf-golden',
	nodeId: '6f1c2d9e-0000-4000-8000-000000000001',
	campaignId: 'CA-A1B2C3D4',
	emails: ['ada@example.com', 'grace@example.com'],
	items: items.map((item) => canonicalJson(item)),
};

const GOLDEN = 'n8n-c-ClnORLSjsXw819CRcq8BIEsiRKcSMJm0oQ_2JTX-NKk';

test('default key v1 of a fixed campaign run', () => {
	expect(defaultCampaignRunKey(material)).toBe(GOLDEN);
});

test('the key is SHA-256 (base64url) of the documented material: keys sorted, no names, subject or timing', () => {
	const text =
		'{"campaignId":"CA-A1B2C3D4","emails":["ada@example.com","grace@example.com"],' +
		'"items":[{"json":{"email":"ada@example.com","row":1,"tags":["a","b"]}},{"deduplicationKey":"contact-42"}],' +
		'"nodeId":"6f1c2d9e-0000-4000-8000-000000000001","v":1,"workflowId":"wf-golden"}';
	expect(GOLDEN).toBe(`n8n-c-${createHash('sha256').update(text).digest('base64url')}`);
});

test('each part of the material changes the key: workflow, node, campaign, e-mails, items', () => {
	const variants: CampaignKeyMaterial[] = [
		{ ...material, workflowId: 'wf-other' },
		{ ...material, nodeId: 'other-node' },
		{ ...material, campaignId: 'CA-ZZZZZZZZ' },
		{ ...material, emails: ['ada@example.com'] },
		{ ...material, items: [canonicalJson({ deduplicationKey: 'contact-43' })] },
	];
	const keys = new Set([GOLDEN, ...variants.map((variant) => defaultCampaignRunKey(variant))]);
	expect(keys.size).toBe(variants.length + 1);
});

test('a campaign key can never equal an Order → Create key: another prefix and another length', () => {
	const orderKey = defaultOrderKey({
		workflowId: material.workflowId,
		nodeId: material.nodeId,
		cardType: 'branded',
		productId: 'GC-AMAZON-USD',
		recipients: material.emails.map((email) => ({ email, amount: 25 })),
		items,
	});
	const campaignKey = defaultCampaignRunKey(material);
	expect(orderKey).toMatch(/^n8n-[A-Za-z0-9_-]{43}$/);
	expect(campaignKey).toMatch(/^n8n-c-[A-Za-z0-9_-]{43}$/);
	expect(campaignKey).toHaveLength(49);
	expect(orderKey).toHaveLength(47);
});
