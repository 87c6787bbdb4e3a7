import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

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
	/** Sent as `X-Idempotency-Key` and as the body's `idempotencyKey` (docs/api-contract.md#idempotency). */
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
	/** The response's `Date` header: the server's clock, to the second. */
	serverDate?: string;
}

/** What n8n's HTTP helper returns with `returnFullResponse`. */
export interface FullResponse<T> {
	body: T;
	statusCode: number;
	headers: IDataObject;
}

/** What is known about a failed request, with nothing sensitive kept (no headers, no config). */
export interface RequestFailure {
	httpCode?: number;
	/** Giftronaut's `error` code, e.g. VALIDATION_ERROR, or a network code such as ECONNRESET. */
	code?: string;
	message: string;
	/** True when the server may never have seen the request, or asks to try again. */
	transient: boolean;
	/** True when no HTTP answer came back at all: the server may have acted on the request. */
	noResponse: boolean;
	retryAfterMs?: number;
	requestId: string;
	/** The failure came from the token exchange (POST /oauth2/token), not from the API call. */
	tokenEndpoint?: boolean;
}

export interface FailureContext {
	request: ApiRequest;
	attempts: number;
	requestIds: string[];
	/** Set when the run gave up on a 429 because its Rate-Limit Patience ran out. */
	rateLimit?: { times: number; waitedMs: number; patienceMs: number };
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
