import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { readBaseUrl } from './baseUrl';
import { retryAfterMs } from './retryAfter';

export const DEFAULT_GIFTRONAUT_SCOPES =
	'catalog.read orders.read orders.write balance.read templates.read';

/** Marks the body of a token-endpoint failure, so the transport can tell it from an API answer. */
export const TOKEN_FAILURE_MARK = 'giftronautTokenEndpoint';

interface TokenResponse {
	access_token?: string;
	expires_in?: number;
	error?: string;
	message?: string;
	error_description?: string;
}

/**
 * What a failed token exchange throws: only what the node wrote itself (never the request, which
 * holds the client secret). n8n wraps it in a NodeApiError that keeps the message and
 * `response.data`, which is how the transport learns the status and any Retry-After. Neither an
 * `httpCode` (n8n would replace the message with its generic text for that status) nor a
 * `response.status` (n8n takes a 401 there for an expired token and exchanges again).
 */
export class TokenExchangeError extends Error {
	readonly response: { data: IDataObject };

	constructor(message: string, outcome: string, details: IDataObject = {}) {
		super(message);
		this.name = 'TokenExchangeError';
		this.response = { data: { [TOKEN_FAILURE_MARK]: outcome, message, ...details } };
	}
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
		return `Giftronaut refused the requested scopes (${code}): ${detail} Fix the Scopes (Advanced) field of the credential.`;
	}
	return `Giftronaut token request failed with HTTP ${status}${code ? ` ${code}` : ''}${detail ? `: ${detail}` : ''}`;
}

const NETWORK_CODE = /^E[A-Z_]+$/;

interface Exchanged {
	token: string;
	expiresAt: number;
}

async function exchange(
	helpers: IHttpRequestHelper['helpers'],
	baseUrl: string,
	clientId: string,
	clientSecret: string,
	scope: string,
): Promise<Exchanged> {
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: clientId,
		client_secret: clientSecret,
		scope,
	});
	let response:
		| { statusCode: number; body: TokenResponse | string; headers?: IDataObject }
		| undefined;
	let networkCode = '';
	try {
		// Status errors are read here rather than thrown by the helper: a helper error carries the
		// request (and so the client secret) along, so only its code is kept.
		response = (await helpers.httpRequest({
			method: 'POST',
			url: `${baseUrl}/oauth2/token`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: form.toString(),
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as typeof response;
	} catch (error) {
		const code = String((error as { code?: unknown }).code ?? '');
		networkCode = NETWORK_CODE.test(code) ? code : 'ECONNRESET';
	}
	if (!response) {
		throw new TokenExchangeError(
			`Giftronaut token request got no answer (${networkCode})`,
			networkCode,
		);
	}
	const body = (typeof response.body === 'object' ? response.body : undefined) as
		| TokenResponse
		| undefined;
	if (response.statusCode >= 300 || !body?.access_token) {
		const status = response.statusCode >= 300 ? response.statusCode : 502;
		throw new TokenExchangeError(tokenErrorMessage(status, body), String(status), {
			error: body?.error ?? null,
			retryAfterMs: retryAfterMs(response.headers) ?? null,
		});
	}
	const lifetimeMs = Number(body.expires_in) > 0 ? Number(body.expires_in) * 1000 : 3_600_000;
	return { token: body.access_token, expiresAt: Date.now() + Math.max(0, lifetimeMs - 60_000) };
}

interface SharedEntry {
	latest?: Exchanged;
	inFlight?: Promise<Exchanged>;
	/** Tokens rejected (n8n asked for a refresh with them) before `latest` was obtained. */
	rejectedBefore: Set<string>;
	/** Tokens rejected while the exchange in flight runs. */
	pendingRejected: Set<string>;
}

/**
 * Process-wide, per credential (base URL, client, secret, scopes): every execution of this n8n
 * process that needs a token joins the one exchange in flight; one that read the credential before
 * the new token was saved gets that token instead of exchanging again, and so does one whose token
 * was rejected before that exchange. A token rejected after the latest one was obtained (n8n passes
 * it after a 401), or one this process knows nothing about, makes a new exchange.
 */
const shared = new Map<string, SharedEntry>();

/** Forget every token this process obtained (tests: a fresh n8n process). */
export function forgetSharedTokens(): void {
	shared.clear();
}

export async function sharedTokenExchange(
	helpers: IHttpRequestHelper['helpers'],
	credentials: ICredentialDataDecryptedObject,
): Promise<{ accessToken: string }> {
	const base = readBaseUrl(credentials.baseUrl);
	if ('problem' in base) throw new TokenExchangeError(base.problem, '400');
	const clientId = String(credentials.clientId ?? '').trim();
	const clientSecret = String(credentials.clientSecret ?? '');
	const scope = String(credentials.scopes || DEFAULT_GIFTRONAUT_SCOPES)
		.split(/[\s,]+/)
		.filter(Boolean)
		.join(' ');
	const key = createHash('sha256')
		.update([base.url, clientId, clientSecret, scope].join('\n'))
		.digest('hex');
	let entry = shared.get(key);
	if (!entry) {
		entry = { rejectedBefore: new Set(), pendingRejected: new Set() };
		shared.set(key, entry);
	}
	const presented = String(credentials.accessToken ?? '');
	let inFlight = entry.inFlight;
	if (!inFlight) {
		const latest = entry.latest;
		const fresh = latest !== undefined && latest.expiresAt > Date.now();
		// No token yet (a read from before it was saved): the latest one. A rejected token: the one
		// obtained after it was rejected, never one from before (it may be just as dead).
		if (fresh && (presented === '' || entry.rejectedBefore.has(presented))) {
			return { accessToken: latest.token };
		}
		entry.latest = undefined;
		const rejected = new Set(presented ? [presented] : []);
		entry.pendingRejected = rejected;
		const current = entry;
		inFlight = exchange(helpers, base.url, clientId, clientSecret, scope).then(
			(result) => {
				current.latest = result;
				current.rejectedBefore = rejected;
				current.inFlight = undefined;
				return result;
			},
			(error: Error) => {
				current.inFlight = undefined;
				throw error;
			},
		);
		current.inFlight = inFlight;
	} else if (presented) {
		// Joins the exchange in flight, which started after this token was rejected.
		entry.pendingRejected.add(presented);
	}
	return { accessToken: (await inFlight).token };
}
