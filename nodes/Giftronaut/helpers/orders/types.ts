import type { IDataObject } from 'n8n-workflow';

import type { Recipient, RecipientInput } from './recipients';
import type { CardType, Product } from '../../shared/types';

export type OutputMode = 'order' | 'recipients';

/** Settings that apply to the whole run; read from the first item. */
export interface RunSettings {
	combineItems: boolean;
	batchSize: number;
	waitForCompletion: boolean;
	waitTimeoutMs: number;
	output: OutputMode;
	checkBalance: boolean;
	timeoutMs: number;
	/** Run every check and output what would be sent; send nothing. */
	validateOnly: boolean;
}

export interface SendTiming extends IDataObject {
	type: 'IMMEDIATE' | 'SCHEDULED';
	scheduledAt?: string;
	timezone?: string;
}

/** One input item's parameters, read and shape-checked but not yet checked against the catalog. */
export interface OrderDraft {
	itemIndex: number;
	cardType: CardType;
	productId: string;
	recipientInputs: RecipientInput[];
	emailSetting?: IDataObject;
	sendTiming: SendTiming;
	refundOption: boolean;
	deduplicationKey?: string;
	idempotencyKey?: string;
	/** Campaign → Run: the campaign this item runs. */
	campaignId?: string;
}

/** A draft that passed every check: it can be ordered. */
export interface ValidItem {
	draft: OrderDraft;
	product: Product;
	recipients: Recipient[];
}

/** An input item's share of an order: its recipients are recipients[offset, offset + count). */
export interface Member {
	itemIndex: number;
	offset: number;
	count: number;
	/** Set when the item is identical to an earlier one and was not sent again. */
	duplicateOf?: number;
}

export interface PlannedOrder {
	key: string;
	/** False when the key is the user's own Idempotency Key. */
	isDefaultKey: boolean;
	cardType: CardType;
	product: Product;
	/** Everyone the order sends to, with their amounts in the product's currency. */
	recipients: Recipient[];
	/** What the order is besides its recipients (the shape's content), for Validate Only. */
	about: IDataObject;
	/** Where the order is created. */
	path: string;
	shape: OrderShape;
	/** The request body; the transport adds `idempotencyKey` (apiRequest's `idempotencyKey`). */
	body: IDataObject;
	members: Member[];
}

/** What the default key depends on besides the items; the same for every key of a run. */
export interface KeyScope {
	workflowId: string;
	nodeId: string;
}

/** What tells one kind of order from another (Order → Create, Campaign → Run); the rest is shared. */
export interface OrderShape {
	/** What the default key stands for, and what it leaves out: for the 409 explanation. */
	keyStandsFor: string;
	notInKey: string;
	/** Everything that makes the order besides recipients and key: groups items, tells 409s apart. */
	content(item: ValidItem): IDataObject;
	/** The default key of one order; `items` holds each member's identity as canonical JSON. */
	defaultKey(scope: KeyScope, members: ValidItem[], items: string[]): string;
	/** Where the order goes, and its body (the transport adds the key to it). */
	request(
		content: IDataObject,
		members: ValidItem[],
		recipients: Recipient[],
	): { path: string; body: IDataObject };
}

export interface SentOrder {
	planned: PlannedOrder;
	order: IDataObject;
	replayed: boolean;
	/** A replay that no earlier attempt of this execution explains: identical input sent before. */
	unexplainedReplay: boolean;
	requestId: string;
	/** Epoch ms of the first attempt with this key known to this process. */
	firstAttemptAt: number;
	/** Set when Wait for Completion gave up before COMPLETE or CANCELED. */
	waitTimedOut?: boolean;
	waitError?: string;
}

export interface Plan {
	orders: PlannedOrder[];
	failures: Array<{ itemIndex: number; error: Error }>;
}

/**
 * An item's canonical JSON, computed once per run and shared by duplicate detection, Combine
 * Items' grouping and the default key (serializing is most of planning's cost).
 */
export interface ItemTexts {
	/** canonicalJson of the item's identity: its part of the default key. */
	identity: string;
	/** canonicalJson of the order's content (everything in the body but recipients and key). */
	order: string;
	/** What makes two items the same gift: identical items are sent once, never twice in a run. */
	fingerprint: string;
}
