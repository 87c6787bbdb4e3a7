import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { getOrder } from '../../shared/requests';

const FINAL_STATUSES = new Set(['COMPLETE', 'CANCELED']);
const FIRST_INTERVAL_MS = 1000;
const MAX_INTERVAL_MS = 10_000;
const GROWTH = 1.5;

export interface WaitOutcome {
	order?: IDataObject;
	/** True when the deadline passed before COMPLETE or CANCELED. */
	timedOut: boolean;
	/** Why the order could not be read (it was created; only the wait failed). */
	error?: string;
}

/**
 * Waits `ms`, or less when the execution is cancelled (then resolves false). Not n8n's
 * `sleepWithAbort`: n8n-workflow 2.41 no longer exports it, and the node runs with n8n's own copy.
 */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
	if (!signal) return await sleep(ms).then(() => true);
	if (signal.aborted) return false;
	let onAbort = () => {};
	const aborted = new Promise<boolean>((resolve) => {
		onAbort = () => resolve(false);
		signal.addEventListener('abort', onAbort, { once: true });
	});
	const done = await Promise.race([sleep(ms).then(() => true), aborted]);
	signal.removeEventListener('abort', onAbort);
	return done;
}

export function isFinalStatus(status: unknown): boolean {
	return typeof status === 'string' && FINAL_STATUSES.has(status);
}

/**
 * Polls GET /orders/{id} for every order until it is COMPLETE or CANCELED, or until one deadline
 * for all of them. The interval starts at 1 s and grows by half each round up to 10 s, so a long
 * wait costs few requests (Sandbox allows 60 per minute).
 */
export async function waitForCompletion(
	this: IExecuteFunctions,
	orderIds: string[],
	options: { timeoutMs: number; requestTimeoutMs: number },
): Promise<Map<string, WaitOutcome>> {
	const deadline = Date.now() + options.timeoutMs;
	const outcomes = new Map<string, WaitOutcome>();
	let pending = [...new Set(orderIds)];
	let interval = FIRST_INTERVAL_MS;
	for (;;) {
		const stillPending: string[] = [];
		for (const orderId of pending) {
			try {
				const order = await getOrder.call(this, orderId, { timeoutMs: options.requestTimeoutMs });
				outcomes.set(orderId, { order, timedOut: false });
				if (!isFinalStatus(order.status)) stillPending.push(orderId);
			} catch (error) {
				outcomes.set(orderId, {
					...outcomes.get(orderId),
					timedOut: false,
					error: (error as Error).message,
				});
			}
		}
		pending = stillPending;
		const remaining = deadline - Date.now();
		if (pending.length === 0 || remaining <= 0) break;
		if (!(await pause(Math.min(interval, remaining), this.getExecutionCancelSignal()))) break;
		interval = Math.min(interval * GROWTH, MAX_INTERVAL_MS);
	}
	for (const orderId of pending) {
		const outcome = outcomes.get(orderId);
		outcomes.set(orderId, { ...outcome, timedOut: true });
	}
	return outcomes;
}
