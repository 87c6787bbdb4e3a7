import type { INodeProperties } from 'n8n-workflow';

import {
	MAX_RECIPIENTS_PER_ORDER,
	DEFAULT_BATCH_SIZE,
	DEFAULT_WAIT_TIMEOUT_SECONDS,
} from '../helpers/orders/limits';
import { optionsCollection } from './descriptions';

/** Shown with Wait for Completion on: as a field beside it, and (saved workflows) under Options beside the old option. */
const waitTimeout: INodeProperties = {
	displayName: 'Wait Timeout (Seconds)',
	name: 'waitTimeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 3600 },
	default: DEFAULT_WAIT_TIMEOUT_SECONDS,
	description: 'With Wait for Completion: the longest wait for the whole run, in seconds',
	displayOptions: { show: { waitForCompletion: [true] } },
};

/** Order → Create → Options: settings of the whole run, and per-item keys. */
export const createOptions: INodeProperties = optionsCollection([
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_RECIPIENTS_PER_ORDER },
		default: DEFAULT_BATCH_SIZE,
		description: `The most recipients in one order (1 to ${MAX_RECIPIENTS_PER_ORDER}). Items are never split across orders.`,
		displayOptions: { show: { combineItems: [true] } },
	},
	{
		displayName: 'Check Balance First',
		name: 'checkBalance',
		type: 'boolean',
		default: false,
		description:
			'Whether to read the balance once before sending and stop, with nothing ordered, when the total of this run exceeds it. Only amounts in the currency of the balance (USD) are counted. Needs the balance.read scope.',
	},
	{
		displayName: 'Combine Items Into One Order',
		name: 'combineItems',
		type: 'boolean',
		default: false,
		description:
			'Whether to send the recipients of all input items in batches (Batch Size each, cut by input position) instead of one order per item. Within a batch, items with different product, card type, email settings, timing, refund option or Idempotency Key go into different orders. With Continue On Fail, a batch with a bad item is held back whole until it is fixed.',
	},
	{
		displayName: 'Deduplication Key',
		name: 'deduplicationKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.dealId }}',
		description:
			'An ID of the business event this gift is for, e.g. the deal ID. A repeated delivery of the same event (same ID, same recipients) never sends a second card within 24 hours, even if other fields such as timestamps changed; a new ID always sends. Leave it empty to tell events apart by the whole input item.',
	},
	{
		displayName: 'Idempotency Key (Advanced)',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. deal-{{ $json.dealId }}',
		description:
			'Usually leave empty and use Deduplication Key. This replaces the whole automatic key sent to Giftronaut (at most 64 visible ASCII characters). Giftronaut creates one order per key within 24 hours; resending the same key returns that order. With Combine Items and several batches, "-1", "-2"… is appended.',
	},
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'Order',
				value: 'order',
				description: 'One item per order',
			},
			{
				name: 'Recipients',
				value: 'recipients',
				description:
					'One item per recipient, paired to its input item, with its reward link once the order is complete',
			},
		],
		default: 'order',
		description: 'What each output item describes',
	},
	// Read by the transport's rate governor (transport/session.ts), not by the create operation.
	{
		displayName: 'Rate-Limit Patience (Minutes)',
		name: 'rateLimitPatience',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 10,
		description:
			"The longest this run waits in total for Giftronaut's rate limit (HTTP 429), in minutes. While rate limited, every request of the run pauses and then continues. When the wait would be longer, the run stops and lists the orders already accepted.",
	},
	{
		displayName: 'Response Timeout (Milliseconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1000 },
		default: 30000,
		description: 'How long to wait for each Giftronaut response, in milliseconds (30000 = 30 s)',
	},
	{
		displayName: 'Validate Only',
		name: 'validateOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether to run every check (items, catalog, amounts, schedule, balance, spending limits) and output what would be sent, with validateOnly = true, without ordering anything. Needs the balance.read scope.',
	},
	// Where Wait for Completion lived before it became a field of its own (waitFields below). Each
	// shows only when already set, so saved workflows keep it and new ones never offer it.
	{
		displayName: 'Wait for Completion (Moved Out of Options)',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until each order is COMPLETE. Use the Wait for Completion field above instead: it does the same.',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
	waitTimeout,
]);

/** Order → Create: wait until the orders are COMPLETE, so the output carries the reward links. */
export const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until each order is COMPLETE (or CANCELED) and output it with its reward links. On timeout the order is output with its current status and waitTimedOut = true.',
	},
	{
		displayName:
			'Reward links exist only once an order is COMPLETE. Without waiting, recipients[].rewardLink is null: turn on Wait for Completion, or get the links later with Order → Get or the Giftronaut Trigger.',
		name: 'rewardLinkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { waitForCompletion: [false] } },
	},
	waitTimeout,
];
