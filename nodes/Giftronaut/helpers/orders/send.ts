import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isFinalStatus, waitForCompletion } from './waitForCompletion';
import { getBalance, getOrder } from '../../shared/requests';
import type { Money } from '../../shared/types';
import { apiRequest, unwrapObject } from '../../transport';
import { noteAttempt, windowEnd } from './attempts';
import type { PlannedOrder, RunSettings, SentOrder } from './types';

const toCents = (amount: number) => Math.round(amount * 100);
const formatCents = (cents: number) => (cents / 100).toFixed(2);

/**
 * One GET /balance for the run. Only orders in the balance's currency are counted: the rate
 * Giftronaut uses for other currencies is not published, so those are left to the server's 402.
 */
export async function checkBalance(
	this: IExecuteFunctions,
	orders: PlannedOrder[],
	settings: RunSettings,
): Promise<void> {
	if (orders.length === 0) return;
	const balance: { availableBalance?: Money } = await getBalance.call(this, {
		timeoutMs: settings.timeoutMs,
	});
	const available = balance.availableBalance;
	if (!available || typeof available.amount !== 'number') {
		throw new NodeOperationError(
			this.getNode(),
			'Check Balance First: Giftronaut returned no available balance, so the run was stopped before ordering',
			{ description: 'Turn off Check Balance First to send without the check.' },
		);
	}
	let neededCents = 0;
	const skipped = new Set<string>();
	for (const planned of orders) {
		const currency = planned.product.currencyCode;
		if (currency !== available.currency) {
			skipped.add(currency);
			continue;
		}
		for (const recipient of planned.recipients) neededCents += toCents(recipient.amount);
	}
	const availableCents = toCents(available.amount);
	if (neededCents <= availableCents) return;
	const note = skipped.size
		? ` Orders in ${[...skipped].join(', ')} were not counted (the balance is in ${available.currency}).`
		: '';
	throw new NodeOperationError(
		this.getNode(),
		`Check Balance First: this run needs ${formatCents(neededCents)} ${available.currency} but the available balance is ${formatCents(availableCents)} ${available.currency}; add ${formatCents(neededCents - availableCents)} ${available.currency}. Nothing was ordered`,
		{
			description:
				'Add funds in the Giftronaut portal, or send fewer or smaller cards. The total counts every order of this run, also ones a re-run would only replay.' +
				note,
		},
	);
}

const SAFE_TO_RERUN = 'Running this again with the same input is safe';

/** Adds to Giftronaut's error what only the node knows: whose key it was, and until when a re-run is safe. */
function explainFailure(error: unknown, planned: PlannedOrder, firstAttemptAt: number): unknown {
	if (!(error instanceof NodeApiError)) return error;
	const lines = [error.description ?? ''];
	const code = (error.context.giftronaut as IDataObject | undefined)?.code;
	if (code === 'DUPLICATE_IDEMPOTENCY_KEY' && planned.isDefaultKey) {
		lines.unshift(
			'Giftronaut says this event was already ordered with different content; nothing was sent again. ' +
				`The automatic key stands for the event (${planned.shape.keyStandsFor}), ` +
				`so ${planned.shape.notInKey} cannot change an order already placed. ` +
				'If this really is a new gift, set a Deduplication Key that tells the two events apart.',
		);
	}
	if (lines.some((line) => line.includes(SAFE_TO_RERUN))) {
		lines.push(
			`That holds until ${windowEnd(firstAttemptAt)} (24 hours after the first attempt): after that Giftronaut forgets the key, and a re-run would order again.`,
		);
	}
	error.description = lines.filter(Boolean).join('\n');
	return error;
}

export async function sendOrder(
	this: IExecuteFunctions,
	planned: PlannedOrder,
	settings: RunSettings,
): Promise<SentOrder> {
	const attempt = noteAttempt.call(this, planned.key);
	let response;
	try {
		response = await apiRequest.call(this, {
			method: 'POST',
			path: planned.path,
			body: planned.body,
			idempotencyKey: planned.key,
			itemIndex: planned.members[0].itemIndex,
			timeoutMs: settings.timeoutMs,
		});
	} catch (error) {
		throw explainFailure(error, planned, attempt.firstAttemptAt);
	}
	const replayed = response.statusCode === 200;
	const order = unwrapObject<IDataObject>(response.body) ?? {};
	return {
		planned,
		order,
		replayed,
		unexplainedReplay:
			replayed &&
			!attempt.sentEarlierInExecution &&
			response.attempts === 1 &&
			this.getMode() !== 'retry',
		requestId: response.requestId,
		firstAttemptAt: attempt.firstAttemptAt,
	};
}

/** Tells the user which orders already went out before a failure, and until when re-running is safe. */
export function noteOrdersAlreadySent(error: Error, sent: SentOrder[]): Error {
	if (sent.length === 0) return error;
	if (!(error instanceof NodeApiError) && !(error instanceof NodeOperationError)) return error;
	const ids = sent.map((entry) => String(entry.order.orderId ?? entry.planned.key));
	const shown =
		ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
	const until = sent
		.map((entry) => windowEnd(entry.firstAttemptAt, entry.order.createdAt))
		.sort()[0];
	const note = `${sent.length} order(s) of this run were already accepted before this error (${shown}). Re-running the workflow with the same input is safe until ${until} (24 hours after the first of them was sent): those come back as replays and are not charged again. After that, a re-run would send them again.`;
	error.description = error.description ? `${error.description}\n${note}` : note;
	return error;
}

/**
 * Wait for Completion: poll until COMPLETE/CANCELED or the run's deadline. Without it, a
 * recipients output still reads each already-COMPLETE order once, for its reward links.
 */
export async function completeOrders(
	this: IExecuteFunctions,
	sent: SentOrder[],
	settings: RunSettings,
): Promise<void> {
	const ids = (list: SentOrder[]) =>
		list.map((entry) => entry.order.orderId).filter((id): id is string => typeof id === 'string');
	if (settings.waitForCompletion) {
		const outcomes = await waitForCompletion.call(this, ids(sent), {
			timeoutMs: settings.waitTimeoutMs,
			requestTimeoutMs: settings.timeoutMs,
		});
		for (const entry of sent) {
			const outcome = outcomes.get(String(entry.order.orderId));
			if (!outcome) continue;
			if (outcome.order) entry.order = outcome.order;
			entry.waitTimedOut = outcome.timedOut;
			if (outcome.error) entry.waitError = outcome.error;
		}
		return;
	}
	if (settings.output !== 'recipients') return;
	for (const entry of sent) {
		if (!isFinalStatus(entry.order.status) || typeof entry.order.orderId !== 'string') continue;
		try {
			entry.order = await getOrder.call(this, entry.order.orderId, {
				timeoutMs: settings.timeoutMs,
				itemIndex: entry.planned.members[0].itemIndex,
			});
		} catch (error) {
			// The order exists; only its reward links could not be read.
			entry.waitError = (error as Error).message;
		}
	}
}
