import { randomUUID } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import {
	failureFromResponse,
	giftronautApiError,
	readFailure,
	type RequestFailure,
} from './errors';

export const CREDENTIAL_TYPE = 'giftronautApi';
export const DEFAULT_BASE_URL = 'https://api.giftronaut.com';
export const MAX_PAGE_SIZE = 100;

export type GiftronautContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path under the base URL, e.g. `/api/v1/orders` */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Sent as `X-Idempotency-Key`; the caller also puts it in the body as the contract asks. */
	idempotencyKey?: string;
	itemIndex?: number;
	/** Extra attempts after a transient failure (dropped connection, 5xx, 429). */
	retries?: number;
	timeoutMs?: number;
}

export interface ApiResponse<T = unknown> {
	body: T;
	statusCode: number;
	requestId: string;
}

const DEFAULT_RETRIES = 3;
const DEFAULT_TIMEOUT_MS = 30_000;
const BACKOFF_BASE_MS = 200;
/** A Retry-After longer than this is not waited for: the user is told instead. */
const MAX_RETRY_AFTER_MS = 60_000;

// One credential read per node run, not per request: n8n reads (and decrypts) on every call.
const baseUrlCache = new WeakMap<object, string>();

async function getBaseUrl(this: GiftronautContext): Promise<string> {
	const cached = baseUrlCache.get(this);
	if (cached) return cached;
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const baseUrl = String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	baseUrlCache.set(this, baseUrl);
	return baseUrl;
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
 */
async function send<T>(
	this: GiftronautContext,
	options: IHttpRequestOptions,
): Promise<FullResponse<T>> {
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
		...options,
		ignoreHttpStatusErrors: true,
	})) as FullResponse<T>;
	if (response.statusCode !== 401) return response;
	return (await this.helpers.httpRequestWithAuthentication.call(
		this,
		CREDENTIAL_TYPE,
		options,
	)) as FullResponse<T>;
}

/**
 * The one way this package talks to Giftronaut. Authentication (token exchange, Bearer header,
 * one refresh after a 401) is n8n's `httpRequestWithAuthentication` with the credential's
 * preAuthentication. Transient failures are retried here with the same idempotency key.
 */
export async function apiRequest<T = unknown>(
	this: GiftronautContext,
	request: ApiRequest,
): Promise<ApiResponse<T>> {
	const baseUrl = await getBaseUrl.call(this);
	const retries = request.retries ?? DEFAULT_RETRIES;
	const requestIds: string[] = [];
	for (let attempt = 0; ; attempt++) {
		const requestId = randomUUID();
		requestIds.push(requestId);
		const headers: IDataObject = { Accept: 'application/json', 'X-Request-Id': requestId };
		if (request.idempotencyKey) headers['X-Idempotency-Key'] = request.idempotencyKey;
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${baseUrl}${request.path}`,
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
				[IHttpRequestOptions],
				Promise<FullResponse<T>>
			>(this, options);
			if (response.statusCode < 400) {
				return {
					body: response.body,
					statusCode: response.statusCode,
					requestId: String(response.headers?.['x-request-id'] ?? requestId),
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
	}
}

/** The contract allows a bare object or one wrapped in `{ data }`; accept both. */
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
 * Pages per contract §0.3: 1-based `page`, `pageSize` ≤ 100, no trust in any total field. Ends on a
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
