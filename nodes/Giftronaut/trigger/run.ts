import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { activate } from './activation';
import { shapeOrders } from './emit';
import { dropHandoff, leaveHandoff, takeHandoff } from './handoff';
import type { OrderLister } from './listing';
import { tryLockPoll } from './lock';
import { OrderPoll } from './poll';
import { stateSignature, type EventStatus, type TriggerFilters } from './statuses';
import { runOrderPoll } from './steps';
import { creationDay } from './days';
import { loadState, saveState } from './state';

const MAX_WARNINGS = 10;

export interface ActivePollOptions {
	lister: OrderLister;
	status: EventStatus;
	filters: TriggerFilters;
	includeFullOrder: boolean;
}

/**
 * A poll of an active workflow (the algorithm: README, "Giftronaut Trigger" → "How it works").
 * Runs under the per-trigger lock; the state is written to static data only once the poll has
 * everything it emits, so a failed poll is simply redone.
 */
export async function runActivePoll(
	this: IPollFunctions,
	options: ActivePollOptions,
): Promise<INodeExecutionData[][] | null> {
	const lock = tryLockPoll(this.getWorkflow().id ?? '', this.getNode().id);
	if (!lock) {
		// The running poll emits what this one would have; the next tick carries on from its state.
		this.logger.debug('Giftronaut Trigger: the previous poll is still running; skipping this one');
		return null;
	}
	try {
		if (lock.tookOverMs !== undefined) {
			this.logger.warn(
				`Giftronaut Trigger: a poll of this trigger looked hung (running for ${Math.round(lock.tookOverMs / 60000)} min); polling again`,
			);
		}
		return await pollLocked.call(this, options);
	} finally {
		lock.release();
	}
}

async function pollLocked(
	this: IPollFunctions,
	{ lister, status, filters, includeFullOrder }: ActivePollOptions,
): Promise<INodeExecutionData[][] | null> {
	const staticData = this.getWorkflowStaticData('node');
	const signature = stateSignature(status, filters);
	let state = loadState(staticData);
	if (!state || state.signature !== signature) {
		const handedOver = takeHandoff(this, signature);
		state = handedOver ? loadState(handedOver) : undefined;
		if (!state || state.signature !== signature) {
			const activated = await activate(lister, status, signature, Date.now());
			activated.newestFirst = lister.newestFirst === true;
			saveState(staticData, activated);
			leaveHandoff(this, signature, staticData);
			return null;
		}
	}
	dropHandoff(this);
	const run = new OrderPoll(lister, status, state, this.logger);
	await runOrderPoll(run);
	const found = [...run.emitted.values()].sort(
		(a, b) =>
			String(a.order.createdAt).localeCompare(String(b.order.createdAt)) ||
			String(a.order.orderId).localeCompare(String(b.order.orderId)),
	);
	const { items, deferred } = await shapeOrders(lister, found, includeFullOrder);
	for (const order of deferred) {
		// Still to emit: watched again, so the next poll fetches it (reconcile) and emits it.
		state.open.set(String(order.orderId), creationDay(order.createdAt, state.windowDay));
		state.reconcileDue = true;
	}
	for (const warning of run.warnings) this.logger.warn(`Giftronaut Trigger: ${warning}`);
	// Shown on the next execution; kept (the last few) until there is one.
	const warnings = [...state.warnings, ...run.warnings].slice(-MAX_WARNINGS);
	state.warnings = items.length ? [] : warnings;
	saveState(staticData, state);
	if (!items.length) return null;
	const out = this.helpers.returnJsonArray(items as IDataObject[]);
	if (warnings.length) out[0].json.triggerWarnings = warnings;
	return [out];
}
