import { createHash } from 'crypto';

/** The stricter of the two documented limits (body field 64, header 128). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 64;

const KEY_PREFIX = 'n8n-';
// Visible ASCII only: the key travels in an HTTP header and must equal the body field byte for byte.
const KEY_CHARACTERS = /^[\x21-\x7E]+$/;

function canonicalValue(value: unknown): unknown {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value))
		return value.map((entry) => (entry === undefined ? null : canonicalValue(entry)));
	if (typeof value === 'object') {
		const sorted: Record<string, unknown> = {};
		for (const name of Object.keys(value).sort()) {
			const entry = (value as Record<string, unknown>)[name];
			if (entry === undefined || typeof entry === 'function') continue;
			sorted[name] = canonicalValue(entry);
		}
		return sorted;
	}
	if (typeof value === 'bigint') return value.toString();
	if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
	return value;
}

/**
 * The value as n8n stores it: what a reloaded execution ("retry execution", queue mode) sees.
 * A Luxon DateTime becomes its ISO string, a Date too, NaN null, undefined disappears.
 */
export function storedForm(value: unknown): unknown {
	const text = JSON.stringify(value ?? null, (_name, entry: unknown) =>
		typeof entry === 'bigint' ? entry.toString() : entry,
	);
	return JSON.parse(text ?? 'null') as unknown;
}

/** JSON with object keys sorted at every level, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(canonicalValue(storedForm(value)));
}

/** `n8n-` + base64url SHA-256 of the canonical JSON: 47 characters, deterministic. */
export function hashKey(material: unknown): string {
	return hashOfCanonicalJson(canonicalJson(material));
}

function hashOfCanonicalJson(text: string): string {
	return `${KEY_PREFIX}${createHash('sha256').update(text).digest('base64url')}`;
}

/** Why a user-supplied key cannot be used, or undefined when it can. */
export function idempotencyKeyProblem(key: string): string | undefined {
	if (key.length === 0) return 'is empty';
	if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
		return `is ${key.length} characters long; Giftronaut accepts at most ${MAX_IDEMPOTENCY_KEY_LENGTH}`;
	}
	if (!KEY_CHARACTERS.test(key)) {
		return 'may only contain visible ASCII characters (letters, digits, punctuation; no spaces)';
	}
	return undefined;
}

/** Bump only if the key material changes on purpose: every default key changes with it. */
export const KEY_VERSION = 2;

/** One input item's part of a default key: its own data, or the Deduplication Key instead. */
export type ItemIdentity = { json: unknown } | { deduplicationKey: string };

/**
 * What a default key is made of: only what stays the same between attempts of one event. Message,
 * subject, sender, template, names, timing and refund option are left out on purpose: a retry
 * that changed them must not become a second order (Giftronaut answers 409 instead).
 */
export interface KeyMaterial {
	workflowId: string;
	nodeId: string;
	cardType: string;
	productId: string;
	recipients: Array<{ email: string; amount: number }>;
	items: ItemIdentity[];
}

/** KeyMaterial with each item's identity already in canonical JSON (`canonicalJson(identity)`). */
export interface CanonicalKeyMaterial extends Omit<KeyMaterial, 'items'> {
	items: string[];
}

export function defaultOrderKey(material: KeyMaterial): string {
	return defaultOrderKeyOfCanonicalItems({
		...material,
		items: material.items.map((item) => canonicalJson(item)),
	});
}

/**
 * The same key as defaultOrderKey, for a caller that already holds each item's canonical JSON:
 * the key material's canonical JSON is assembled around it (keys in sorted order), so an item's
 * data is serialized once per run, not once more per key.
 */
export function defaultOrderKeyOfCanonicalItems(material: CanonicalKeyMaterial): string {
	const { workflowId, nodeId, cardType, productId } = material;
	const recipients = material.recipients.map(({ email, amount }) => ({ email, amount }));
	if ([workflowId, nodeId, cardType, productId].some((value) => typeof value !== 'string')) {
		const items = material.items.map((text) => JSON.parse(text) as unknown);
		return hashKey({ v: KEY_VERSION, workflowId, nodeId, cardType, productId, recipients, items });
	}
	const text =
		`{"cardType":${JSON.stringify(cardType)},"items":[${material.items.join(',')}]` +
		`,"nodeId":${JSON.stringify(nodeId)},"productId":${JSON.stringify(productId)}` +
		`,"recipients":${canonicalJson(recipients)},"v":${KEY_VERSION}` +
		`,"workflowId":${JSON.stringify(workflowId)}}`;
	return hashOfCanonicalJson(text);
}

/**
 * Campaign → Run's own prefix: its default keys can never equal an Order → Create key (`n8n-` +
 * hash, 47 characters): they are 49 characters long.
 */
const CAMPAIGN_KEY_PREFIX = 'n8n-c-';

/** Bump only if the campaign key material changes on purpose. */
export const CAMPAIGN_KEY_VERSION = 1;

/**
 * A campaign run's default key: workflow, node, campaign, who gets it (e-mail addresses) and each
 * item's data or Deduplication Key. Names, subject, sender, message and timing are left out, as in
 * KeyMaterial; the amount is the campaign's, not the run's.
 */
export interface CampaignKeyMaterial {
	workflowId: string;
	nodeId: string;
	campaignId: string;
	emails: string[];
	/** Each item's identity (see ItemIdentity) as canonical JSON. */
	items: string[];
}

export function defaultCampaignRunKey(material: CampaignKeyMaterial): string {
	const { workflowId, nodeId, campaignId, emails, items } = material;
	const text =
		`{"campaignId":${JSON.stringify(campaignId)},"emails":${JSON.stringify(emails)}` +
		`,"items":[${items.join(',')}],"nodeId":${JSON.stringify(nodeId)}` +
		`,"v":${CAMPAIGN_KEY_VERSION},"workflowId":${JSON.stringify(workflowId)}}`;
	return `${CAMPAIGN_KEY_PREFIX}${createHash('sha256').update(text).digest('base64url')}`;
}
