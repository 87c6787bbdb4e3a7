import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { retryAfterMs } from './retryAfter';
import { requiredScopes } from './scopes';
import { TOKEN_FAILURE_MARK } from './tokenExchange';
import type { FailureContext, RequestFailure } from './types';

interface ErrorLike {
	message?: string;
	code?: string;
	cause?: ErrorLike;
	isAxiosError?: boolean;
	response?: { status?: number; data?: unknown; headers?: IDataObject };
}

const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'EPIPE',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

const TRANSIENT_STATUS = new Set([429, 500, 502, 503, 504]);

function findRequestError(error: ErrorLike): ErrorLike {
	// httpRequestWithAuthentication wraps the HTTP client's error in a NodeApiError (as `cause`).
	let current: ErrorLike | undefined = error;
	for (let depth = 0; current && depth < 5; depth++) {
		if (
			current.response ||
			current.isAxiosError ||
			(current.code && NETWORK_CODES.has(current.code))
		) {
			return current;
		}
		current = current.cause;
	}
	return error;
}

/**
 * n8n's NodeApiError drops its `cause` (a class field resets it), so the HTTP client's error is
 * gone; what survives is `httpCode` (a status, or a network code such as ECONNRESET) and the
 * response body in `context.data`. Response headers are lost, which is why the transport reads
 * error statuses from the response itself and only lands here for a 401 after a token refresh.
 */
function fromNodeApiError(error: ErrorLike, requestId: string): RequestFailure | undefined {
	const { httpCode, context } = error as ErrorLike & { httpCode?: unknown; context?: IDataObject };
	const data = context?.data;
	if (data && typeof data === 'object' && !Array.isArray(data)) {
		const body = data as IDataObject;
		const outcome = body[TOKEN_FAILURE_MARK];
		if (typeof outcome === 'string') return fromTokenFailure(outcome, body, requestId);
	}
	if (typeof httpCode !== 'string' && typeof httpCode !== 'number') return undefined;
	const code = String(httpCode);
	if (/^\d{3}$/.test(code)) {
		return failureFromResponse(
			Number(code),
			Array.isArray(data) ? undefined : data,
			undefined,
			requestId,
		);
	}
	if (!NETWORK_CODES.has(code)) return undefined;
	return {
		code,
		message: String(error.message ?? code),
		transient: true,
		noResponse: true,
		requestId,
	};
}

/**
 * What the credential's token exchange threw (see TokenExchangeError): `code` is the HTTP status
 * or a network code such as ECONNRESET. Nothing else is kept.
 */
function fromTokenFailure(code: string, data: IDataObject, requestId: string): RequestFailure {
	const status = /^\d{3}$/.test(code) ? Number(code) : undefined;
	const retryAfter = Number(data.retryAfterMs);
	return {
		httpCode: status,
		code: typeof data.error === 'string' ? data.error : status ? undefined : code,
		message: String(data.message ?? 'Giftronaut token request failed'),
		transient: status ? TRANSIENT_STATUS.has(status) : NETWORK_CODES.has(code),
		// No order request went through without a token, so nothing can have been created.
		noResponse: false,
		retryAfterMs:
			status &&
			TRANSIENT_STATUS.has(status) &&
			data.retryAfterMs !== null &&
			Number.isFinite(retryAfter)
				? retryAfter
				: undefined,
		requestId,
		tokenEndpoint: true,
	};
}

export function failureFromResponse(
	status: number,
	data: unknown,
	headers: IDataObject | undefined,
	requestId: string,
): RequestFailure {
	const body = (data && typeof data === 'object' ? data : {}) as IDataObject;
	const text = typeof data === 'string' ? data.slice(0, 300) : '';
	return {
		httpCode: status,
		code: typeof body.error === 'string' ? body.error : undefined,
		message: String(body.message ?? body.error_description ?? (text || `HTTP ${status}`)),
		transient: TRANSIENT_STATUS.has(status),
		noResponse: false,
		retryAfterMs: TRANSIENT_STATUS.has(status) ? retryAfterMs(headers) : undefined,
		requestId: String(headers?.['x-request-id'] ?? requestId),
	};
}

export function readFailure(error: unknown, requestId: string): RequestFailure {
	const original = (error ?? {}) as ErrorLike;
	const requestError = findRequestError(original);
	const response = requestError.response;
	if (response?.status) {
		return failureFromResponse(response.status, response.data, response.headers, requestId);
	}
	const wrapped = fromNodeApiError(original, requestId);
	if (wrapped) return wrapped;
	const code = requestError.code ?? original.code;
	const isNetwork =
		requestError.isAxiosError === true || (code !== undefined && NETWORK_CODES.has(code));
	return {
		code,
		message: String(requestError.message ?? original.message ?? 'Unknown error'),
		transient: isNetwork,
		noResponse: isNetwork,
		requestId,
	};
}

const HINTS: Record<string, string> = {
	INVALID_TOKEN:
		'Giftronaut rejected the access token even after a fresh one was requested. Check that the credential belongs to the right environment and Base URL.',
	INSUFFICIENT_SCOPE:
		'Add the missing scope to the Scopes (Advanced) field of the Giftronaut API credential (and to the app in the developer portal), then save the credential again.',
	INSUFFICIENT_BALANCE:
		'Add funds to the Giftronaut account (Add Funds in the portal), or send a smaller order.',
	DUPLICATE_IDEMPOTENCY_KEY:
		'This idempotency key was already used for an order with different content in the last 24 hours. If this is a new order, change the Deduplication Key or the Idempotency Key; if it is the same order, restore its original content.',
	RATE_LIMITED:
		'Giftronaut is rate limiting this account (60 requests per minute in Sandbox, 300 in Production). Wait a minute or spread the workflow out.',
	NOT_FOUND: 'Check the ID: it does not exist for this account and environment.',
	RECIPIENT_EXISTS:
		'A recipient with this e-mail is already in the address book. Use Recipient → Create or Update to create or update by e-mail, or Recipient → Get Many with the e-mail as Search to find its ID.',
	RECIPIENT_HAS_PENDING_ORDER:
		'This recipient has a scheduled order that has not been sent yet. Delete the recipient after the order is sent, or cancel the scheduled order in the Giftronaut portal first.',
	DEFAULT_TEMPLATE:
		'The default template of the account cannot be deleted. Make another template the default in the Giftronaut portal first, or keep this one.',
	TEMPLATE_IN_USE:
		'A campaign or an open order still uses this template. Point those campaigns at another template (Campaign → Update), or wait for the orders to finish, then delete it.',
	VALIDATION_ERROR: 'Fix the field named above and run again.',
};

/** Names the scope to add when the request is one whose scope is known. */
function scopeHint(request: FailureContext['request']): string {
	const scopes = requiredScopes(request.method, request.path);
	if (scopes.length === 0) return HINTS.INSUFFICIENT_SCOPE;
	const names = scopes.map((scope) => `"${scope}"`).join(' and ');
	return `${request.method} ${request.path.split('?')[0]} needs the scope ${names}. Add ${scopes.length > 1 ? 'them' : 'it'} to the Scopes (Advanced) field of the Giftronaut API credential (and to the app in the developer portal), then save the credential again.`;
}

/** A NodeApiError built only from sanitized fields, so no header, token or secret can ride along. */
export function giftronautApiError(
	node: INode,
	failure: RequestFailure,
	context: FailureContext,
): NodeApiError {
	const { request, attempts } = context;
	const status = failure.httpCode ? `HTTP ${failure.httpCode}` : 'no response';
	const codePart = failure.code ? ` ${failure.code}` : '';
	const message = failure.httpCode
		? `Giftronaut API error (${status}${codePart}): ${failure.message}`
		: `Giftronaut request failed (${failure.message})`;
	const lines: string[] = [];
	const hint =
		failure.code === 'INSUFFICIENT_SCOPE'
			? scopeHint(request)
			: failure.code
				? HINTS[failure.code]
				: undefined;
	if (context.rateLimit) {
		const { times, waitedMs, patienceMs } = context.rateLimit;
		lines.push(
			`Stopped by Rate-Limit Patience: this run already waited ${Math.round(waitedMs / 1000)} s for Giftronaut's rate limit ` +
				`(this request was answered 429 ${times} time(s)), and waiting on would exceed the patience of ${patienceMs >= 120_000 ? `${Math.round(patienceMs / 60_000)} minutes` : `${Math.round(patienceMs / 1000)} s`}. ` +
				'Raise Rate-Limit Patience in the node options, send fewer requests (Combine Items sends one order for many recipients), ' +
				'or run when the account is less busy.',
		);
	} else if (hint) lines.push(hint);
	if (request.idempotencyKey && failure.tokenEndpoint) {
		lines.push(
			`Gave up after ${attempts} attempt(s) to get an access token, so this order was not sent. Running this again with the same input is safe.`,
		);
	} else if (request.idempotencyKey && (failure.transient || failure.noResponse)) {
		lines.push(
			`Gave up after ${attempts} attempt(s). The order may or may not exist: Giftronaut did not confirm it. ` +
				`Running this again with the same input is safe: it sends the same idempotency key "${request.idempotencyKey}", ` +
				'and Giftronaut returns the existing order instead of creating a second one. To check by hand, give ' +
				'Giftronaut support this key and the request IDs below.',
		);
	} else if (failure.transient && attempts > 1) {
		lines.push(`Gave up after ${attempts} attempts.`);
	}
	if (failure.tokenEndpoint) {
		lines.push(
			'This came from the access-token request (POST /oauth2/token) of the Giftronaut API credential.',
		);
	}
	if (failure.transient && failure.httpCode && failure.retryAfterMs !== undefined) {
		lines.push(
			`Giftronaut asked to wait ${Math.ceil(failure.retryAfterMs / 1000)} s before retrying.`,
		);
	}
	lines.push(`${request.method} ${request.path} — X-Request-Id: ${context.requestIds.join(', ')}`);
	const sanitized: JsonObject = {
		message,
		httpCode: failure.httpCode ? String(failure.httpCode) : null,
		code: failure.code ?? null,
		requestId: failure.requestId,
		idempotencyKey: request.idempotencyKey ?? null,
	};
	const error = new NodeApiError(node, sanitized, {
		message,
		description: lines.join('\n'),
		httpCode: failure.httpCode ? String(failure.httpCode) : undefined,
		itemIndex: request.itemIndex,
	});
	// NodeApiError swaps messages mentioning e.g. ECONNRESET for a generic text; keep ours.
	error.message = message;
	error.context.giftronaut = sanitized;
	return error;
}
