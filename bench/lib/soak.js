'use strict';
// Fault soak for Order → Create: random faults on every path the node uses, Retry On Fail and
// Continue On Fail on and off, single and bulk mode, failed executions re-run as a user would.
// At the end the sandbox's orders must be exactly the intended ones.
const { createRng, pick } = require('./random');
const W = require('./workflows');
const { createEventScenarios } = require('./soak-events');

const AMOUNTS = [10, 25, 50, 100];

function canonical(recipients) {
	return JSON.stringify(
		recipients.map((r) => [r.email, r.amount, r.firstName ?? null, r.lastName ?? null]),
	);
}

/**
 * The distinct order contents a scenario asks for: identical items once; bulk = batches of Batch
 * Size rows cut by input position over all rows, an identical row joining the earlier one's order.
 */
function intendedContents(input, combine, batchSize) {
	const seen = new Set();
	const recipientOf = (p) => ({
		email: p.email,
		amount: p.amount,
		firstName: p.firstName,
		lastName: p.lastName,
	});
	const firstTime = (item) => {
		const key = JSON.stringify(item);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	};
	if (!combine) return input.filter(firstTime).map((p) => canonical([recipientOf(p)]));
	const chunks = [];
	for (let i = 0; i < input.length; i += batchSize) {
		const fresh = input
			.slice(i, i + batchSize)
			.filter(firstTime)
			.map(recipientOf);
		if (fresh.length) chunks.push(canonical(fresh));
	}
	return chunks;
}

function faultsFor(rand, timeoutMs) {
	const faults = [];
	const count = 2 + Math.floor(rand() * 7);
	for (let i = 0; i < count; i++) {
		const roll = rand();
		const where =
			roll < 0.75
				? { method: 'POST', path: '/api/v1/orders/' }
				: roll < 0.9
					? { method: 'GET', path: '/api/v1/catalog/' }
					: { method: 'POST', path: '/oauth2/token' };
		const kind = pick(
			where.path === '/oauth2/token'
				? [
						'unavailable',
						'drop-before-commit',
						'drop-after-commit',
						'error-after-commit',
						'rate-limit',
					]
				: [
						'drop-after-commit',
						'error-after-commit',
						'unavailable',
						'rate-limit',
						'delay',
						'expire-token',
						'drop-after-commit',
						'error-after-commit',
					],
			rand,
		);
		const fault = { kind, ...where };
		if (kind === 'rate-limit') fault.retryAfterSeconds = 1;
		if (kind === 'delay') fault.ms = timeoutMs + 150 + Math.floor(rand() * 300);
		faults.push(fault);
	}
	return faults;
}

function executionFailed(r) {
	if (r.workflowError || (r.error && r.status !== 'success')) return true;
	const errorItems = [...(r.outputs[0] ?? []), ...(r.outputs[1] ?? [])].filter(
		(item) => item.json && item.json.error !== undefined,
	);
	return errorItems.length > 0;
}

async function runSoak(
	h,
	{
		H,
		log,
		seed = 7,
		lanes = 6,
		minFaults = 1100,
		maxMs = 6 * 60 * 1000,
		onEvidence,
		eventShare = 0.4,
	},
) {
	const rand = createRng(seed);
	h.sandbox.reset({
		rateLimit: { enabled: true, perMinute: 1200 },
		lifecycle: { pendingMs: 0, inProgressMs: 0 },
	});
	const started = Date.now();
	const intended = new Map(); // canonical content → count (always 1: contents are distinct per scenario)
	let scenarios = 0;
	let executions = 0;
	let reRunsAfterFailure = 0;
	let extraReRuns = 0;
	let tokenExpiries = 0;
	let gaveUp = 0;
	const settingsSeen = { retryOnFail: 0, continueOnFail: 0, bulk: 0, single: 0 };
	const faultsConsumed = () => h.sandbox.requests().filter((e) => e.fault).length;
	const counters = {
		executions: 0,
		reRunsAfterFailure: 0,
		gaveUp: 0,
		refusedBeforeSending: 0,
		eventScenarios: { fixedRows: 0, nowInMessage: 0, reloadedItems: 0, redeliveries: 0 },
	};
	const intendOrder = (people) => {
		const content = canonical(
			people.map((p) => ({
				email: p.email,
				amount: p.amount,
				firstName: p.firstName,
				lastName: p.lastName,
			})),
		);
		intended.set(content, (intended.get(content) ?? 0) + 1);
	};
	const eventScenario = H
		? createEventScenarios(h, H, {
				rand,
				log,
				onEvidence,
				intendOrder,
				faultsFor,
				executionFailed,
				counters,
			})
		: undefined;

	async function scenario(id) {
		if (eventScenario && rand() < eventShare) return await eventScenario(id);
		const combine = rand() < 0.5;
		const batchSize = 2 + Math.floor(rand() * 6);
		const count = 3 + Math.floor(rand() * 12);
		const input = [];
		for (let i = 0; i < count; i++) {
			input.push({
				email: `soak${id}-${i}@example.com`,
				firstName: `F${i}`,
				lastName: `L${i}`,
				amount: pick(AMOUNTS, rand),
			});
			if (rand() < 0.1) input.push({ ...input[input.length - 1] }); // an identical item: one order
		}
		const timeoutMs = 1000 + Math.floor(rand() * 500);
		const retryOnFail = rand() < 0.5;
		const onError = pick(
			['stopWorkflow', 'stopWorkflow', 'continueRegularOutput', 'continueErrorOutput'],
			rand,
		);
		combine ? settingsSeen.bulk++ : settingsSeen.single++;
		if (retryOnFail) settingsSeen.retryOnFail++;
		if (onError !== 'stopWorkflow') settingsSeen.continueOnFail++;
		const options = { timeout: timeoutMs, ...(combine ? { combineItems: true, batchSize } : {}) };
		if (rand() < 0.3) options.output = 'recipients';
		const run = async () => {
			if (rand() < 0.15) {
				h.sandbox.expireTokens();
				tokenExpiries++;
			}
			if (rand() < 0.85) h.sandbox.injectFault(faultsFor(rand, timeoutMs));
			executions++;
			const r = await h.run({
				parameters: W.createParameters({ options }),
				input,
				workflowId: `soak-${id}`,
				settings: {
					retryOnFail,
					maxTries: 2 + Math.floor(rand() * 3),
					waitBetweenTries: 10,
					onError,
				},
			});
			onEvidence(r);
			return r;
		};
		for (const content of intendedContents(input, combine, batchSize))
			intended.set(content, (intended.get(content) ?? 0) + 1);
		let attempts = 0;
		let r = await run();
		while (executionFailed(r)) {
			if (++attempts > 40) {
				gaveUp++;
				log(`soak: scenario ${id} still failing after 40 re-runs: ${r.error?.message}`);
				return;
			}
			reRunsAfterFailure++;
			r = await run();
		}
		if (rand() < 0.2) {
			extraReRuns++; // the user runs it once more: everything must come back as a replay
			r = await run();
			while (executionFailed(r) && attempts++ < 40) r = await run();
		}
	}

	let nextId = 0;
	const lane = async () => {
		while (faultsConsumed() < minFaults && Date.now() - started < maxMs) {
			const id = ++nextId;
			await scenario(id);
			scenarios++;
			if (scenarios % 25 === 0)
				log(
					`soak: ${scenarios} scenarios, ${executions} executions, ${faultsConsumed()} faults, ${Math.round((Date.now() - started) / 1000)} s`,
				);
		}
	};
	await Promise.all(Array.from({ length: lanes }, lane));
	h.sandbox.clearFaults();

	const actual = new Map();
	for (const order of h.sandbox.orders()) {
		const content = canonical(order.recipients);
		actual.set(content, (actual.get(content) ?? 0) + 1);
	}
	let duplicateOrders = 0;
	let lostOrders = 0;
	for (const [content, n] of actual)
		duplicateOrders += Math.max(0, n - (intended.get(content) ?? 0));
	for (const [content, n] of intended) lostOrders += Math.max(0, n - (actual.get(content) ?? 0));
	const log_ = h.sandbox.requests();
	const byKind = {};
	for (const e of log_) if (e.fault) byKind[e.fault] = (byKind[e.fault] ?? 0) + 1;
	const naturalRateLimits = log_.filter((e) => e.status === 429 && !e.fault).length;
	const result = {
		faultsInjected: faultsConsumed(),
		duplicateOrders,
		lostOrders,
		detail: {
			scenarios,
			executions: executions + counters.executions,
			reRunsAfterFailure: reRunsAfterFailure + counters.reRunsAfterFailure,
			extraReRuns,
			gaveUp: gaveUp + counters.gaveUp,
			eventScenarios: counters.eventScenarios,
			refusedBeforeSending: counters.refusedBeforeSending,
			tokenExpiries,
			intendedOrders: [...intended.values()].reduce((a, b) => a + b, 0),
			sandboxOrders: h.sandbox.orders().length,
			faultsByKind: byKind,
			naturalRateLimits,
			settingsSeen,
			wallSeconds: Math.round((Date.now() - started) / 1000),
		},
	};
	log(`soak: ${JSON.stringify(result)}`);
	return result;
}

module.exports = { runSoak };
