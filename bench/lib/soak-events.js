'use strict';
// Soak scenarios for one event sent again (issue 9): fixed rows re-run, $now in the message under
// Retry On Fail, items reloaded through JSON before "retry execution", webhook redeliveries with a
// Deduplication Key. Each one adds what should exist at the end to `intended`; the soak then
// compares with the sandbox's orders (duplicateOrders, lostOrders).
const { pick, pickSome } = require('./random');
const W = require('./workflows');

const DATES_TYPE = 'n8n-nodes-giftronaut-bench.dates';
const AMOUNTS = [10, 25, 50, 100];

/** Like Edit Fields with a "Date & Time" field: `wonAt` becomes a Luxon DateTime in memory. */
function datesNodeType() {
	const { DateTime } = require('luxon');
	return {
		description: {
			displayName: 'Dates',
			name: 'dates',
			group: ['transform'],
			version: 1,
			description: 'Turns wonAt into a Luxon DateTime',
			defaults: { name: 'Dates' },
			inputs: ['main'],
			outputs: ['main'],
			properties: [{ displayName: 'Items (JSON)', name: 'items', type: 'string', default: '[]' }],
		},
		async execute() {
			const items = JSON.parse(this.getNodeParameter('items', 0));
			return [
				items.map((json) => ({
					json: { ...json, wonAt: DateTime.fromISO(json.wonAt, { zone: 'utc' }) },
					pairedItem: { item: 0 },
				})),
			];
		},
	};
}

function createEventScenarios(
	h,
	H,
	{ rand, log, onEvidence, intendOrder, faultsFor, executionFailed, counters },
) {
	h.nodeTypes.register(DATES_TYPE, datesNodeType());
	const person = (id, i, extra = {}) => ({
		email: `ev${id}-${i}@example.com`,
		firstName: `F${i}`,
		lastName: `L${i}`,
		amount: pick(AMOUNTS, rand),
		...extra,
	});
	const maybeFaults = (timeoutMs) => {
		if (rand() < 0.85) h.sandbox.injectFault(faultsFor(rand, timeoutMs));
	};
	const settings = (extra = {}) => ({
		retryOnFail: rand() < 0.5,
		maxTries: 2 + Math.floor(rand() * 3),
		waitBetweenTries: 10,
		...extra,
	});
	const run = async (opts) => {
		counters.executions++;
		const r = await h.run(opts);
		onEvidence(r);
		return r;
	};
	const untilDone = async (once, done = (r) => !executionFailed(r)) => {
		let r = await once();
		for (let attempt = 0; !done(r); attempt++) {
			if (attempt >= 40) {
				counters.gaveUp++;
				log(`soak: event scenario still failing after 40 re-runs: ${r.error?.message}`);
				return r;
			}
			counters.reRunsAfterFailure++;
			r = await once();
		}
		return r;
	};
	/** Position chunks of one recipient per row, as Combine Items cuts them. */
	const intendChunks = (rows, batchSize) => {
		for (let i = 0; i < rows.length; i += batchSize) intendOrder(rows.slice(i, i + batchSize));
	};

	/** Combine Items with bad rows under Continue On Fail; the rows are fixed a few at a time. */
	async function fixedRows(id) {
		counters.eventScenarios.fixedRows++;
		const count = 6 + Math.floor(rand() * 20);
		const batchSize = 2 + Math.floor(rand() * 6);
		const rows = Array.from({ length: count }, (_, i) => person(id, i));
		let bad = pickSome([...rows.keys()], 1 + Math.floor(rand() * 4), rand);
		const timeoutMs = 1000 + Math.floor(rand() * 500);
		const options = { timeout: timeoutMs, combineItems: true, batchSize };
		const input = () =>
			rows.map((row, i) =>
				bad.includes(i) ? { ...row, email: row.email.replace('@', '(at)') } : row,
			);
		const once = async () => {
			maybeFaults(timeoutMs);
			return await run({
				parameters: W.createParameters({ options }),
				input: input(),
				workflowId: `soak-ev-${id}`,
				settings: settings({ onError: 'continueRegularOutput' }),
			});
		};
		while (bad.length) {
			await once();
			bad = pickSome(bad, Math.floor(rand() * bad.length), rand); // fix any subset, maybe none
			if (rand() < 0.3) bad = [];
		}
		await untilDone(once);
		intendChunks(rows, batchSize);
	}

	/** `=Sent {{ $now.toISO() }}`: refused with the automatic key; one order with the user's own key. */
	async function nowInMessage(id) {
		counters.eventScenarios.nowInMessage++;
		const ownKey = rand() < 0.5;
		const rows = [person(id, 0)];
		const timeoutMs = 1000 + Math.floor(rand() * 500);
		const options = { timeout: timeoutMs, ...(ownKey ? { idempotencyKey: `ev-${id}` } : {}) };
		const parameters = W.createParameters({
			emailSettings: { message: '=Sent {{ $now.toISO() }}' },
			options,
		});
		const once = async () => {
			h.sandbox.injectFault({
				kind: 'drop-after-commit',
				method: 'POST',
				path: '/api/v1/orders/',
				count: 1 + Math.floor(rand() * 5),
			});
			return await run({
				parameters,
				input: rows,
				workflowId: `soak-ev-${id}`,
				settings: settings({ retryOnFail: true }),
			});
		};
		if (!ownKey) {
			const r = await once();
			if (String(r.error?.message).includes('Email Settings → Message reads $now'))
				counters.refusedBeforeSending++;
			return; // nothing intended: any order here counts as a duplicate
		}
		// The order exists once the run succeeds or Giftronaut answers 409 (a retry with another message).
		await untilDone(once, (r) => !executionFailed(r) || String(r.error?.message).includes('409'));
		intendOrder(rows);
	}

	/** Items with Luxon DateTimes in memory; failed runs are retried as n8n does, from the stored (JSON) items. */
	async function reloadedItems(id) {
		counters.eventScenarios.reloadedItems++;
		const combine = rand() < 0.5;
		const batchSize = 2 + Math.floor(rand() * 4);
		const rows = Array.from({ length: 2 + Math.floor(rand() * 8) }, (_, i) =>
			person(id, i, { wonAt: `2026-11-${10 + i}T09:15:00.000Z` }),
		);
		const timeoutMs = 1000 + Math.floor(rand() * 500);
		const options = { timeout: timeoutMs, ...(combine ? { combineItems: true, batchSize } : {}) };
		const target = W.giftronautTarget(W.createParameters({ options }), { settings: settings() });
		const definition = W.workflow(H, `soak-ev-${id}`, rows, target);
		const once = async (mode) => {
			maybeFaults(timeoutMs);
			counters.executions++;
			const source = definition.nodes[1];
			const nodes =
				mode === 'retry'
					? definition.nodes
					: [
							definition.nodes[0],
							{ ...source, type: DATES_TYPE, parameters: { items: JSON.stringify(rows) } },
							definition.nodes[2],
						];
			const result = await h.runWorkflow({ ...definition, nodes, mode });
			const last = result.runsOf('Giftronaut').at(-1);
			const outputs = (last?.data?.main ?? []).map((output) => output ?? []);
			const r = {
				run: result.run,
				status: result.status,
				items: outputs[0] ?? [],
				outputs,
				error: last?.error,
				workflowError: result.workflowError,
			};
			onEvidence(r);
			return r;
		};
		let first = true;
		await untilDone(async () => {
			const r = await once(first ? 'manual' : 'retry');
			first = false;
			return r;
		});
		if (combine) intendChunks(rows, batchSize);
		else for (const row of rows) intendOrder([row]);
	}

	/** A webhook delivering one deal 2-4 times, headers and retry counter differing. */
	async function redeliveries(id) {
		counters.eventScenarios.redeliveries++;
		const deals = 1 + Math.floor(rand() * 3);
		const timeoutMs = 1000 + Math.floor(rand() * 500);
		const parameters = W.createParameters({
			email: '={{ $json.body.email }}',
			firstName: '={{ $json.body.firstName }}',
			lastName: '={{ $json.body.lastName }}',
			amount: { __rl: true, mode: 'value', value: '={{ $json.body.amount }}' },
			options: { timeout: timeoutMs, deduplicationKey: '={{ $json.body.dealId }}' },
		});
		for (let deal = 0; deal < deals; deal++) {
			const body = { dealId: `deal-${id}-${deal}`, ...person(id, deal) };
			const deliveries = 2 + Math.floor(rand() * 3);
			for (let delivery = 0; delivery < deliveries; delivery++) {
				const item = () => ({
					headers: {
						'x-delivery-id': `${id}-${deal}-${delivery}-${Math.floor(rand() * 1e9)}`,
						'x-timestamp': new Date().toISOString(),
					},
					body,
					retryCount: delivery,
				});
				const input = rand() < 0.2 ? [item(), item()] : [item()];
				await untilDone(async () => {
					maybeFaults(timeoutMs);
					return await run({
						parameters,
						input,
						workflowId: `soak-ev-${id}`,
						mode: 'webhook',
						settings: settings({ onError: pick(['stopWorkflow', 'continueRegularOutput'], rand) }),
					});
				});
			}
			intendOrder([body]);
		}
	}

	const kinds = [fixedRows, nowInMessage, reloadedItems, redeliveries];
	return async (id) => await pick(kinds, rand)(id);
}

module.exports = { createEventScenarios };
