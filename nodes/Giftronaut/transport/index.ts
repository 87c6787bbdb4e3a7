import { randomUUID } from 'crypto';
import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { DEFAULT_BASE_URL, readBaseUrl } from './baseUrl';
import {
	failureFromResponse,
	giftronautApiError,
	readFailure,
	type RequestFailure,
} from './errors';
import { governorFor, type RateGovernor } from './rateLimit';

export { DEFAULT_BASE_URL };
export const CREDENTIAL_TYPE = 'giftronautApi';
export const MAX_PAGE_SIZE = 100;

export type GiftronautContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IWebhookFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path under the base URL, e.g. `/api/v1/orders` */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Sent as `X-Idempotency-Key`; the body carries it too (docs/api-contract.md#idempotency). */
	idempotencyKey?: string;
	itemIndex?: number;
	/** Extra attempts after a transient failure (dropped connection, 5xx). A 429 is not one. */
	retries?: number;
	/** Bound on this request's total rate-limit wait (e.g. a poll's budget); default: the run's. */
	rateLimitPatienceMs?: number;
	timeoutMs?: number;
}

export interface ApiResponse<T = unknown> {
	body: T;
	statusCode: number;
	requestId: string;
	/** How many times the request was sent (more than 1 after a transient failure). */
	attempts: number;
}

const DEFAULT_RETRIES = 3;
const DEFAULT_TIMEOUT_MS = 30_000;
const BACKOFF_BASE_MS = 200;
/** A Retry-After on a 5xx longer than this is not waited for: the user is told instead. */
const MAX_RETRY_AFTER_MS = 60_000;
export const DEFAULT_RATE_LIMIT_PATIENCE_MINUTES = 10;

/**
 * What one node run shares across its requests: the base URL and the decrypted credential, read
 * once (n8n would otherwise read and decrypt it on every request), and a gate that lets a token
 * exchange or refresh run alone, so parallel requests cost one token request, not one each.
 */
class RunSession {
	private gate: Promise<unknown> = Promise.resolve();

	/** Wall time this run has spent paused by the rate limit (overlapping waits count once). */
	rateLimitWaitedMs = 0;

	private waitCoveredUntil = 0;

	constructor(
		readonly baseUrl: string,
		readonly credentials: ICredentialsDecrypted,
		readonly governor: RateGovernor,
		readonly patienceMs: number,
	) {}

	countWait(startedAt: number, endedAt: number): void {
		this.rateLimitWaitedMs += Math.max(0, endedAt - Math.max(startedAt, this.waitCoveredUntil));
		this.waitCoveredUntil = Math.max(this.waitCoveredUntil, endedAt);
	}

	get token(): unknown {
		return this.credentials.data?.accessToken;
	}

	forgetToken(): void {
		if (this.credentials.data) this.credentials.data.accessToken = '';
	}

	async waitForGate(): Promise<void> {
		let current: Promise<unknown>;
		do {
			current = this.gate;
			await current.catch(() => undefined);
		} while (current !== this.gate);
	}

	/** Runs `work` after every earlier exclusive task; other requests wait for it to finish. */
	async alone<T>(work: () => Promise<T>): Promise<T> {
		const run = this.gate.catch(() => undefined).then(work);
		this.gate = run;
		return await run;
	}
}

const sessions = new WeakMap<object, Promise<RunSession>>();

/** A dropdown should not keep the editor waiting for minutes. */
const DROPDOWN_RATE_LIMIT_PATIENCE_MS = 30_000;

/**
 * How long a run may wait for the rate limit in total: Order → Create's Rate-Limit Patience
 * (minutes), the default for other operations and polls, a short wait for dropdowns.
 */
function patienceMs(context: GiftronautContext): number {
	if (!('getInputData' in context)) {
		return '__emit' in context
			? DEFAULT_RATE_LIMIT_PATIENCE_MINUTES * 60_000
			: DROPDOWN_RATE_LIMIT_PATIENCE_MS;
	}
	let minutes: unknown = DEFAULT_RATE_LIMIT_PATIENCE_MINUTES;
	try {
		minutes = context.getNodeParameter(
			'options.rateLimitPatience',
			0,
			DEFAULT_RATE_LIMIT_PATIENCE_MINUTES,
		);
	} catch {
		// Not an operation with the option, or no item to read it for: keep the default.
	}
	const value = Number(minutes);
	return (
		(Number.isFinite(value) && value >= 0 ? value : DEFAULT_RATE_LIMIT_PATIENCE_MINUTES) * 60_000
	);
}

async function openSession(this: GiftronautContext): Promise<RunSession> {
	const data = await this.getCredentials(CREDENTIAL_TYPE);
	const reference = this.getNode().credentials?.[CREDENTIAL_TYPE];
	const base = readBaseUrl(data.baseUrl);
	if ('problem' in base) {
		throw new NodeOperationError(this.getNode(), base.problem, {
			description: 'Fix the Base URL field of the Giftronaut API credential.',
		});
	}
	const account = `${base.url}\n${String(data.clientId ?? '').trim()}`;
	return new RunSession(
		base.url,
		{ id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data },
		governorFor(account),
		patienceMs(this),
	);
}

function sessionOf(this: GiftronautContext): Promise<RunSession> {
	let session = sessions.get(this);
	if (!session) {
		session = openSession.call(this);
		// A failed read must not stick for the rest of the run.
		session.catch(() => sessions.delete(this));
		sessions.set(this, session);
	}
	return session;
}

function backoffMs(failure: RequestFailure, attempt: number): number {
	if (failure.retryAfterMs !== undefined) return failure.retryAfterMs;
	return BACKOFF_BASE_MS * 2 ** attempt;
}

interface FullResponse<T> {
	body: T;
	statusCode: number;
	headers: IDataObject;
}

/**
 * Error statuses are read from the response itself, because the error n8n throws keeps neither
 * the Retry-After nor the X-Request-Id header. A 401 is the exception: n8n mints a new token and
 * repeats the request only when a 401 is thrown, so that request is made again the throwing way.
 * n8n's token handling updates `session.credentials.data` in place, so all requests see the result.
 */
async function send<T>(
	this: GiftronautContext,
	session: RunSession,
	options: IHttpRequestOptions,
): Promise<FullResponse<T>> {
	const credentialOptions = { credentialsDecrypted: session.credentials };
	const request = async (ignoreHttpStatusErrors: boolean) =>
		(await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			{ ...options, ignoreHttpStatusErrors },
			credentialOptions,
		)) as FullResponse<T>;
	await session.waitForGate();
	if (!session.token) {
		// n8n exchanges the client credentials when the token is empty: one request does it alone.
		return await session.alone(async () => await request(true).then(refreshOn401(request)));
	}
	const tokenUsed = session.token;
	const response = await request(true);
	if (response.statusCode !== 401) return response;
	return await session.alone(async () =>
		session.token !== tokenUsed ? await request(true) : await request(false),
	);
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

/** After a 401 on a request made alone, repeat it the way that makes n8n refresh the token. */
function refreshOn401<T>(request: (ignore: boolean) => Promise<FullResponse<T>>) {
	return async (response: FullResponse<T>) =>
		response.statusCode === 401 ? await request(false) : response;
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
	const requestIds: string[] = [];
	let rateLimitedTimes = 0;
	for (let attempt = 0; ; ) {
		const pauseMs = session.governor.pauseRemainingMs();
		if (pauseMs > 0 && session.rateLimitWaitedMs + pauseMs > patience) {
			// Another request (of this run or another execution) was told to wait longer than this run may.
			throw giftronautApiError(
				this.getNode(),
				accountRateLimited(requestIds[0] ?? randomUUID(), pauseMs),
				{
					request,
					attempts: attempt + 1,
					requestIds,
					rateLimit: {
						times: rateLimitedTimes,
						waitedMs: session.rateLimitWaitedMs,
						patienceMs: patience,
					},
				},
			);
		}
		const waitStarted = Date.now();
		const release = await session.governor.acquire();
		session.countWait(waitStarted, Date.now());
		const requestId = randomUUID();
		requestIds.push(requestId);
		const headers: IDataObject = { Accept: 'application/json', 'X-Request-Id': requestId };
		if (request.idempotencyKey) headers['X-Idempotency-Key'] = request.idempotencyKey;
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${session.baseUrl}${request.path}`,
			headers,
			qs: request.qs,
			body: request.body,
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
			throw giftronautApiError(this.getNode(), failure, {
				request,
				attempts: attempt + 1,
				requestIds,
				rateLimit: {
					times: rateLimitedTimes,
					waitedMs: session.rateLimitWaitedMs,
					patienceMs: patience,
				},
			});
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

/** A bare object or one wrapped in `{ data }` (docs/api-contract.md#envelopes); accept both. */
export function unwrapObject<T = IDataObject>(body: unknown): T {
	if (body && typeof body === 'object' && !Array.isArray(body) && 'data' in body) {
		const data = (body as IDataObject).data;
		if (data && typeof data === 'object' && !Array.isArray(data)) return data as T;
	}
	return body as T;
}

export function unwrapList<T = IDataObject>(body: unknown): T[] {
	if (Array.isArray(body)) return body as T[];
	if (body && typeof body === 'object') {
		const data = (body as IDataObject).data;
		if (Array.isArray(data)) return data as T[];
		const items = (body as IDataObject).items;
		if (Array.isArray(items)) return items as T[];
	}
	return [];
}

export interface PageWalk<T> {
	path: string;
	qs?: IDataObject;
	/** Stop once this many items are collected (Return All off). */
	limit?: number;
	/** Identity of an item, to notice a server that ignores `page`. */
	idOf: (item: T) => string;
	/** Client-side filter: items it rejects still count as progress but are not returned. */
	keep?: (item: T) => boolean;
	pageSize?: number;
	/** Hard bound, whatever the server says. */
	maxPages?: number;
	itemIndex?: number;
	startPage?: number;
}

export interface PageWalkResult<T> {
	items: T[];
	pages: number;
	/** True when the walk stopped on the page bound rather than on the end of the list. */
	truncated: boolean;
	/** The page after the last one read, when the list may go on (for listSearch tokens). */
	nextPage?: number;
}

/**
 * Pages per docs/api-contract.md#paging: `page` from 1, `pageSize` ≤ 100, no total used. Ends on a
 * short page, on a page that brings nothing new (a server ignoring `page`), at `limit` or at the bound.
 */
export async function walkPages<T>(
	this: GiftronautContext,
	walk: PageWalk<T>,
): Promise<PageWalkResult<T>> {
	const pageSize = Math.min(walk.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
	const maxPages = walk.maxPages ?? 1000;
	const seen = new Set<string>();
	const items: T[] = [];
	let page = walk.startPage ?? 1;
	for (let pages = 1; ; pages++, page++) {
		const response = await apiRequest.call(this, {
			method: 'GET',
			path: walk.path,
			qs: { ...walk.qs, page, pageSize },
			itemIndex: walk.itemIndex,
		});
		const pageItems = unwrapList<T>(response.body);
		let fresh = 0;
		for (const item of pageItems) {
			const id = walk.idOf(item);
			if (seen.has(id)) continue;
			seen.add(id);
			fresh++;
			if (walk.keep && !walk.keep(item)) continue;
			items.push(item);
			if (walk.limit !== undefined && items.length >= walk.limit) {
				return { items, pages, truncated: false, nextPage: page + 1 };
			}
		}
		const ended = pageItems.length < pageSize || fresh === 0;
		if (ended) return { items, pages, truncated: false };
		if (pages >= maxPages) return { items, pages, truncated: true, nextPage: page + 1 };
	}
}
