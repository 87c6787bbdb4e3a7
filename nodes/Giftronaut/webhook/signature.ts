import { createHmac, timingSafeEqual } from 'crypto';

export const SIGNATURE_HEADER = 'x-giftronaut-signature';
const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;

/** `sha256=<hex>` of the HMAC-SHA256 of `body` (docs/api-contract.md#signatures). */
export function signBody(body: Buffer | string, secret: string): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Whether `header` is the signature of exactly these bytes. The comparison takes the same time
 * wherever the first differing byte is, so the answer does not leak how much of a guess was right.
 */
export function isValidSignature(
	rawBody: Buffer,
	header: string | string[] | undefined,
	secret: string,
): boolean {
	const value = Array.isArray(header) ? header[0] : header;
	const match = SIGNATURE_FORMAT.exec(String(value ?? '').trim());
	if (!match) return false;
	const given = Buffer.from(match[1], 'hex');
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	return given.length === expected.length && timingSafeEqual(given, expected);
}
