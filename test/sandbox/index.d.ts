// Types for the in-process API of the local Giftronaut sandbox (test/sandbox/index.js).

export type OrderStatus = 'PENDING' | 'IN_PROGRESS' | 'COMPLETE' | 'CANCELED';
export type CardType = 'BRANDED_CARD' | 'CHOICE_CARD';
export type Scope =
	| 'catalog.read'
	| 'orders.read'
	| 'orders.write'
	| 'balance.read'
	| 'balance.write'
	| 'templates.read'
	| 'templates.write'
	| 'campaigns.read'
	| 'campaigns.write'
	| 'recipients.read'
	| 'recipients.write';

export interface SandboxClient {
	clientId: string;
	clientSecret: string;
	/** Scopes the client may be granted (default: all known scopes). */
	scopes?: Scope[] | string[];
}

export interface SandboxConfig {
	/** Default 86400. */
	tokenLifetimeSeconds?: number;
	/** Available USD balance. Default 1000000. */
	balance?: number;
	/** Default { pendingMs: 0, inProgressMs: 0 } (immediate orders complete at once). Snapshotted per order at creation. */
	lifecycle?: { pendingMs?: number; inProgressMs?: number };
	/**
	 * Per client (account: all its tokens, every n8n process), sliding one-minute window on real time, /api/v1 requests only.
	 * `retryAfter`: 'exact' (default) the real wait in Retry-After; 'fixed' always "1"; 'none' no Retry-After header.
	 * Default { enabled: false, perMinute: 60, retryAfter: 'exact' }.
	 */
	rateLimit?: { enabled?: boolean; perMinute?: number; retryAfter?: 'exact' | 'fixed' | 'none' };
	/** Every list returns page 1 whatever `page` says (the `page` field still echoes the request). Default false. */
	ignorePaging?: boolean;
	/** 'mixed' (default): create bare, GET order/balance/template in { data }; 'data': all wrapped; 'bare': none. Lists always { data, page, pageSize }. */
	envelope?: 'mixed' | 'data' | 'bare';
	/** GET /api/v1/orders order. Default 'desc' (newest first). */
	listOrder?: 'desc' | 'asc' | 'shuffled';
	/** Default 1000. */
	maxRecipientsPerOrder?: number;
	/** Reject unknown fields in order bodies with 400 VALIDATION_ERROR. Default true. */
	rejectUnknownFields?: boolean;
	/** Extra clients besides demo-client-id / demo-client-secret. */
	clients?: SandboxClient[];
	/** Orders left out of every list (hidden / archived); GET still answers. Default []. */
	hiddenOrders?: string[];
	/** GET /api/v1/orders/{id} answers this status (403 or 404) for these ids. Default {}. */
	orderGetErrors?: Record<string, 403 | 404>;
	/** How createdAt is shown: 'iso' (default, UTC with Z), 'zoneless' (wall clock of createdAtZone, no suffix), 'epoch' (ms number), 'bracket' (`...Z[UTC]`), 'unreadable' (`n/a`). Day filters follow the shown day. */
	createdAtFormat?: 'iso' | 'zoneless' | 'epoch' | 'bracket' | 'unreadable';
	/** IANA zone for 'zoneless'. Default 'UTC'. */
	createdAtZone?: string;
	/** createdAt is shown shifted by this much (server clock skew; positive = in the future). Default 0. */
	createdAtSkewMs?: number;
	/** A page past the end of a list returns the last page instead of an empty one. Default false. */
	clampPages?: boolean;
	/** These orders' createdAt (and creation day) shown shifted by this much: one order written by a machine whose clock was off. Default {}. */
	createdAtShiftMs?: Record<string, number>;
	/** These orders appear twice in every list that holds them (a second time at the list's end): the list counts more than it shows. Default []. */
	listedTwice?: string[];
}

/** Resolved config as returned by reset()/configure()/config() (client secrets are left out). */
export interface ResolvedSandboxConfig {
	tokenLifetimeSeconds: number;
	balance: number;
	lifecycle: { pendingMs: number; inProgressMs: number };
	rateLimit: { enabled: boolean; perMinute: number; retryAfter: 'exact' | 'fixed' | 'none' };
	ignorePaging: boolean;
	envelope: 'mixed' | 'data' | 'bare';
	listOrder: 'desc' | 'asc' | 'shuffled';
	maxRecipientsPerOrder: number;
	rejectUnknownFields: boolean;
	clients: Array<{ clientId: string; scopes?: string[] }>;
}

export interface SandboxOptions extends SandboxConfig {
	/** 0 = random free port (default). */
	port?: number;
	/** Only loopback is allowed. Default '127.0.0.1'. */
	host?: '127.0.0.1' | 'localhost';
	/** Called after every logged (non-control) request is answered or dropped. */
	onRequest?: (entry: RequestLogEntry & { durationMs: number }) => void;
}

export type FaultKind =
	| 'drop-after-commit'
	| 'error-after-commit'
	| 'unavailable'
	| 'rate-limit'
	| 'delay'
	| 'drop-before-commit'
	| 'expire-token';

export interface Fault {
	kind: FaultKind;
	/** e.g. 'POST' (any method if omitted). */
	method?: string;
	/** Prefix of the URL path, e.g. '/api/v1/orders' (any path if omitted). */
	path?: string;
	/** How many matching requests it applies to. Default 1. */
	count?: number;
	/** For 'delay'. */
	ms?: number;
	/** For 'rate-limit': default 1, null = no Retry-After header. For 'unavailable': sent only when given. */
	retryAfterSeconds?: number | null;
}

export interface Money {
	amount: number;
	currency: string;
}

export interface SendTiming {
	type: 'IMMEDIATE' | 'SCHEDULED';
	scheduledAt?: string;
	timezone?: string;
}

export interface OrderSummary {
	orderId: string;
	status: OrderStatus;
	orderType: 'ONE_TIME' | 'CAMPAIGN';
	/** Set on orders created by a campaign run. */
	campaignId?: string;
	cardType: CardType;
	cardName: string;
	productId: string;
	totalCost: Money;
	recipientCount: number;
	sentCount: number;
	bouncedCount: number;
	createdAt: string;
	sendTiming: SendTiming;
	refundOption: boolean;
	idempotencyKey: string;
}

export interface OrderRecipient {
	email: string;
	firstName?: string | null;
	lastName?: string | null;
	company?: string | null;
	department?: string | null;
	amount: number;
	rewardLink: string | null;
}

export interface Order extends OrderSummary {
	recipients: OrderRecipient[];
}

export interface OrderBody {
	idempotencyKey?: string;
	productId: string;
	recipients: Array<{
		email: string;
		amount: number;
		firstName?: string;
		lastName?: string;
		company?: string;
		department?: string;
	}>;
	emailSetting?: { senderName?: string; subject?: string; message?: string; templateId?: string };
	sendTiming?: SendTiming;
	refundOption?: boolean;
}

export interface CampaignBody {
	name: string;
	cardType: CardType;
	productId: string;
	/** USD per recipient. */
	amount: number;
	subject: string;
	senderName: string;
	message?: string;
	templateId?: string;
	refundOption?: boolean;
}

export interface RecipientBody {
	email: string;
	firstName?: string;
	lastName?: string;
	company?: string;
	department?: string;
}

export interface Recipient extends RecipientBody {
	recipientId: string;
	createdAt: string;
	updatedAt: string;
}

export interface Campaign extends CampaignBody {
	campaignId: string;
	refundOption: boolean;
	createdAt: string;
	updatedAt: string;
}

export interface Balance {
	availableBalance: Money;
	pendingBalance: Money;
}

export interface RequestLogEntry {
	seq: number;
	/** Virtual-clock ISO time of arrival. */
	at: string;
	method: string;
	path: string;
	query: Record<string, string>;
	/** 0 when the connection was dropped. */
	status: number;
	requestId: string;
	idempotencyKey?: string;
	clientId?: string;
	fault?: FaultKind;
	outcome?: 'created' | 'replayed' | 'conflict';
}

export interface SandboxStats {
	tokenRequests: number;
	apiRequests: number;
	/** e.g. { "POST /api/v1/orders/branded-cards": 3, "GET /api/v1/orders/{orderId}": 2 } */
	byRoute: Record<string, number>;
	tokensIssued: number;
}

export interface Sandbox {
	/** e.g. http://127.0.0.1:41234 */
	readonly url: string;
	readonly port: number;
	/** 'demo-client-id' (all scopes) */
	readonly clientId: string;
	/** 'demo-client-secret' */
	readonly clientSecret: string;
	close(): Promise<void>;

	/** Clear orders, idempotency keys, tokens, clients (back to demo + config.clients), request log, stats, faults, clock offset; apply config. */
	reset(config?: SandboxConfig): ResolvedSandboxConfig;
	/** Merge a partial config. `balance` sets the available balance; `clients` adds clients. */
	configure(partial: SandboxConfig): ResolvedSandboxConfig;
	config(): ResolvedSandboxConfig;
	/** Move the virtual clock forward (ms >= 0); returns the new virtual now (epoch ms). */
	advanceClock(ms: number): number;
	/** Virtual now (epoch ms). */
	now(): number;
	/** Every issued token becomes invalid (401 INVALID_TOKEN). */
	expireTokens(): void;
	addClient(client: SandboxClient): { clientId: string; scopes: string[] };
	injectFault(fault: Fault | Fault[]): Fault[];
	pendingFaults(): Fault[];
	clearFaults(): void;
	/**
	 * Create an order in-process (same validation, idempotency and balance rules as HTTP; not logged).
	 * cardType defaults from the productId (CHOICE-… → CHOICE_CARD); a key is generated when none is given.
	 * Throws an Error with { status, code } on 400/402/409.
	 */
	createOrder(
		body: OrderBody,
		options?: { cardType?: CardType; idempotencyKey?: string },
	): { status: 200 | 201; outcome: 'created' | 'replayed'; order: Order };
	/** A campaign (docs/api-contract.md#campaigns), stored as POST /api/v1/campaigns would. */
	createCampaign(body: CampaignBody, options?: { campaignId?: string }): Campaign;
	/** Soft delete: gone from lists, GET and runs answer 404, its orders stay. */
	deleteCampaign(campaignId: string): void;
	/** Every campaign ever created, deleted ones included. */
	campaigns(): Campaign[];
	/** A recipient in the address book (docs/api-contract.md#recipients), as POST /api/v1/recipients would. */
	createRecipient(body: RecipientBody): Recipient;
	recipients(): Recipient[];
	/** The e-mail templates, the default first. */
	templates(): Array<
		{ templateId: string; name: string; senderName: string; isDefault: boolean } & Record<
			string,
			unknown
		>
	>;
	/** Full orders in creation order. */
	orders(): Order[];
	order(orderId: string): Order | undefined;
	/** Force a status (overrides the lifecycle). CANCELED refunds the available balance. */
	setOrderStatus(orderId: string, status: OrderStatus): Order;
	requests(): RequestLogEntry[];
	/** Clears the request log and the stats counters. */
	clearRequests(): void;
	stats(): SandboxStats;
	balance(): Balance;
	/** Every access token issued by this sandbox instance (kept across reset()). */
	issuedTokens(): string[];
}

export declare class SandboxError extends Error {
	status: number;
	code: string;
	headers?: Record<string, string>;
}

export declare function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
export declare function defaultConfig(): ResolvedSandboxConfig;
export declare const KNOWN_SCOPES: Scope[];
export declare const FAULT_KINDS: FaultKind[];
export declare const DEMO_CLIENT_ID: 'demo-client-id';
export declare const DEMO_CLIENT_SECRET: 'demo-client-secret';
