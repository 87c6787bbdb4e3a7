import {
	canonicalJson,
	defaultOrderKey,
	defaultOrderKeyOfCanonicalItems,
	hashKey,
	idempotencyKeyProblem,
	KEY_VERSION,
	MAX_IDEMPOTENCY_KEY_LENGTH,
	type KeyMaterial,
} from '../../nodes/Giftronaut/actions/order/create/idempotency';

const material: KeyMaterial = {
	workflowId: 'wf-1',
	nodeId: 'node-1',
	cardType: 'branded',
	productId: 'GC-AMAZON-USD',
	recipients: [{ email: 'ada@example.com', amount: 25 }],
	items: [{ json: { dealId: 7, email: 'ada@example.com' } }],
};

describe('default order key', () => {
	test('is n8n- and a base64url SHA-256: 47 visible ASCII characters, within the API limit', () => {
		const key = defaultOrderKey(material);
		expect(key).toMatch(/^n8n-[A-Za-z0-9_-]{43}$/);
		expect(key.length).toBeLessThanOrEqual(MAX_IDEMPOTENCY_KEY_LENGTH);
		expect(idempotencyKeyProblem(key)).toBeUndefined();
	});

	test('is the hash of the whole key material with its version', () => {
		const { workflowId, nodeId, cardType, productId, recipients, items } = material;
		expect(defaultOrderKey(material)).toBe(
			hashKey({ v: KEY_VERSION, workflowId, nodeId, cardType, productId, recipients, items }),
		);
	});

	test('the fast path over pre-serialized items gives the same key, also for awkward text', () => {
		const awkward: KeyMaterial = {
			...material,
			workflowId: 'wf "quoted" \\ ✓',
			productId: 'GC-\u00e9-USD',
			items: [
				{ json: { note: 'line\nbreak', nested: { b: 2, a: 1 } } },
				{ deduplicationKey: 'd-1' },
			],
		};
		const fast = defaultOrderKeyOfCanonicalItems({
			...awkward,
			items: awkward.items.map((item) => canonicalJson(item)),
		});
		expect(fast).toBe(defaultOrderKey(awkward));
	});

	test('is the same for the same event whatever the key order of the item data', () => {
		const reordered = { ...material, items: [{ json: { email: 'ada@example.com', dealId: 7 } }] };
		expect(defaultOrderKey(reordered)).toBe(defaultOrderKey(material));
	});

	test.each([
		['workflow', { workflowId: 'wf-2' }],
		['node', { nodeId: 'node-2' }],
		['card type', { cardType: 'choice' }],
		['product', { productId: 'GC-STARBUCKS-USD' }],
		['recipient amount', { recipients: [{ email: 'ada@example.com', amount: 50 }] }],
		['recipient email', { recipients: [{ email: 'grace@example.com', amount: 25 }] }],
		['item data', { items: [{ json: { dealId: 8, email: 'ada@example.com' } }] }],
		['deduplication key', { items: [{ deduplicationKey: 'deal-7' }] }],
	])('changes with the %s', (_what, change) => {
		expect(defaultOrderKey({ ...material, ...change } as KeyMaterial)).not.toBe(
			defaultOrderKey(material),
		);
	});

	test('recipient names and other fields do not count', () => {
		const named = {
			...material,
			recipients: [{ email: 'ada@example.com', amount: 25, firstName: 'Ada' }],
		};
		expect(defaultOrderKey(named)).toBe(defaultOrderKey(material));
	});
});

describe('idempotencyKeyProblem (a user-supplied key)', () => {
	test.each([
		['deal-42', undefined],
		['x'.repeat(64), undefined],
		['', 'is empty'],
		['x'.repeat(65), 'is 65 characters long; Giftronaut accepts at most 64'],
		[
			'has space',
			'may only contain visible ASCII characters (letters, digits, punctuation; no spaces)',
		],
		['ключ', 'may only contain visible ASCII characters (letters, digits, punctuation; no spaces)'],
	])('%j → %j', (key, problem) => {
		expect(idempotencyKeyProblem(key)).toBe(problem);
	});
});
