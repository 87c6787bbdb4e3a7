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
}

/** A draft that passed every check: it can be ordered. */
export interface ValidItem {
	draft: OrderDraft;
	product: Product;
	recipients: Recipient[];
}

/** An input item's share of an order: its recipients are body.recipients[offset, offset + count). */
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
	/** The request body, `idempotencyKey` included. */
	body: IDataObject & { recipients: Recipient[] };
	members: Member[];
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
