import { randomUUID } from 'crypto';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { failureFromResponse, giftronautApiError, readFailure } from './errors';
import { send, sessionOf, type RunSession } from './session';
import type {
	ApiRequest,
	ApiResponse,
	FullResponse,
	GiftronautContext,
	RequestFailure,
} from './types';

const DEFAULT_RETRIES = 3;
const DEFAULT_TIMEOUT_MS = 30_000;
const BACKOFF_BASE_MS = 200;
/** A Retry-After on a 5xx longer than this is not waited for: the user is told instead. */
const MAX_RETRY_AFTER_MS = 60_000;

function backoffMs(failure: RequestFailure, attempt: number): number {
	if (failure.retryAfterMs !== undefined) return failure.retryAfterMs;
	return BACKOFF_BASE_MS * 2 ** attempt;
}

function accountRateLimited(requestId: string, pauseMs: number): RequestFailure {
	return {
		httpCode: 429,
		code: 'RATE_LIMITED',
		message: `the account is rate limited for another ${Math.ceil(pauseMs / 1000)} s`,
		transient: true,
		noResponse: false,
		retryAfterMs: pauseMs,
		requestId,
	};
}

/**
 * The key travels twice, equal byte for byte: as `X-Idempotency-Key` and as the body's
 * `idempotencyKey` (docs/api-contract.md#idempotency). Only here are both written.
 */
function withIdempotencyKey(request: ApiRequest): { keyHeader: IDataObject; body?: IDataObject } {
	const key = request.idempotencyKey;
	if (!key) return { keyHeader: {}, body: request.body };
	return {
		keyHeader: { 'X-Idempotency-Key': key },
		body: { idempotencyKey: key, ...request.body },
	};
}

/**
 * The one way this package talks to Giftronaut. Authentication (token exchange, Bearer header,
 * one refresh after a 401) is n8n's `httpRequestWithAuthentication` with the credential's
 * preAuthentication. Transient failures (also of the token exchange) are retried here with the
 * same idempotency key. A 429 is not a failure of the request: it waits on the account's rate
 * governor, bounded by the run's Rate-Limit Patience, and does not use up the retries.
 */
export async function apiRequest<T = unknown>(
	this: GiftronautContext,
	request: ApiRequest,
): Promise<ApiResponse<T>> {
	const session = await sessionOf.call(this);
	const retries = request.retries ?? DEFAULT_RETRIES;
	const patience = Math.min(session.patienceMs, request.rateLimitPatienceMs ?? Infinity);
	const { keyHeader, body } = withIdempotencyKey(request);
	const requestIds: string[] = [];
	let rateLimitedTimes = 0;
	const stopForRateLimit = (failure: RequestFailure, attempt: number) =>
		giftronautApiError(this.getNode(), failure, {
			request,
			attempts: attempt + 1,
			requestIds,
			rateLimit: {
				times: rateLimitedTimes,
				waitedMs: session.rateLimitWaitedMs,
				patienceMs: patience,
			},
		});
	for (let attempt = 0; ; ) {
		const pauseMs = session.governor.pauseRemainingMs();
		if (pauseMs > 0 && session.rateLimitWaitedMs + pauseMs > patience) {
			// Another request (of this run or another execution) was told to wait longer than this run may.
			throw stopForRateLimit(accountRateLimited(requestIds[0] ?? randomUUID(), pauseMs), attempt);
		}
		const waitStarted = Date.now();
		const release = await session.governor.acquire();
		session.countWait(waitStarted, Date.now());
		const requestId = randomUUID();
		requestIds.push(requestId);
		const headers: IDataObject = {
			Accept: 'application/json',
			'X-Request-Id': requestId,
			...keyHeader,
		};
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${session.baseUrl}${request.path}`,
			headers,
			qs: request.qs,
			body,
			json: true,
			returnFullResponse: true,
			timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		};
		let failure: RequestFailure;
		try {
			const response = await send.call<
				GiftronautContext,
				[RunSession, IHttpRequestOptions],
				Promise<FullResponse<T>>
			>(this, session, options);
			if (response.statusCode < 400) {
				release('accepted');
				return {
					body: response.body,
					statusCode: response.statusCode,
					requestId: String(response.headers?.['x-request-id'] ?? requestId),
					attempts: attempt + 1,
					serverDate:
						typeof response.headers?.date === 'string' ? response.headers.date : undefined,
				};
			}
			failure = failureFromResponse(
				response.statusCode,
				response.body,
				response.headers,
				requestId,
			);
		} catch (error) {
			failure = readFailure(error, requestId);
		}
		release(failure.httpCode === 429 ? 'rateLimited' : 'other');
		if (failure.tokenEndpoint && failure.transient) {
			// The next attempt exchanges again (or joins the exchange another request started).
			session.forgetToken();
		}
		if (failure.httpCode === 429) {
			rateLimitedTimes++;
			session.governor.rateLimited(failure.retryAfterMs);
			const pauseMs = session.governor.pauseRemainingMs();
			if (session.rateLimitWaitedMs + pauseMs <= patience) continue;
			throw stopForRateLimit(failure, attempt);
		}
		const retryable =
			failure.transient &&
			attempt < retries &&
			(failure.retryAfterMs === undefined || failure.retryAfterMs <= MAX_RETRY_AFTER_MS);
		if (!retryable) {
			throw giftronautApiError(this.getNode(), failure, {
				request,
				attempts: attempt + 1,
				requestIds,
			});
		}
		await sleep(backoffMs(failure, attempt));
		attempt++;
	}
}
