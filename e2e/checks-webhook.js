'use strict';

// The Giftronaut Webhook Trigger in a real n8n: the sandbox sends signed events to the production
// webhook URL of an active workflow; n8n goes down during a delivery and the retry is emitted once.
const crypto = require('node:crypto');

const { expect, short } = require('./lib/report');
const { sleep } = require('../tools/proc');
const { PACKAGE } = require('../tools/fixtures');

const WEBHOOK_TRIGGER_TYPE = `${PACKAGE}.giftronautWebhookTrigger`;
const NODE_NAME = 'Giftronaut Webhook Trigger';
const DOWN_MS = 5000;

async function rest(n8n, method, urlPath, body) {
	const response = await n8n.rest(method, urlPath, body);
	expect(
		response.status === 200,
		() => `${method} ${urlPath}: HTTP ${response.status} ${short(response.body)}`,
	);
	return response.body.data;
}

function nodeOutput(execution) {
	const runs = execution.data.resultData.runData[NODE_NAME] || [];
	return runs
		.flatMap((run) => (run.data && run.data.main && run.data.main[0]) || [])
		.map((item) => item.json);
}

/** Every item the trigger emitted so far, in execution order, with the number of executions. */
async function emitted(n8n, workflowId) {
	const executions = (await n8n.executions(workflowId)).sort((a, b) => Number(a.id) - Number(b.id));
	const items = [];
	for (const summary of executions) items.push(...nodeOutput(await n8n.execution(summary.id)));
	return {
		items,
		executions: executions.length,
		failed: executions.filter((e) => e.status !== 'success').length,
	};
}

async function readiness(n8n, timeoutMs = 120000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const ok = await fetch(`${n8n.base}/healthz/readiness`).then(
			(r) => r.status === 200,
			() => false,
		);
		if (ok) return Date.now();
		await sleep(250);
	}
	throw new Error(`n8n not ready ${timeoutMs / 1000}s after the restart`);
}

async function settled(sandbox, timeoutMs = 60000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const status = await sandbox.control('GET', 'webhooks');
		if (status.pending === 0) return status;
		if (Date.now() > deadline)
			throw new Error(`webhook deliveries still open after ${timeoutMs / 1000}s: ${short(status)}`);
		await sleep(250);
	}
}

async function waitForItems(n8n, workflowId, count, timeoutMs = 20000) {
	const deadline = Date.now() + timeoutMs;
	let last;
	while (Date.now() < deadline) {
		last = await emitted(n8n, workflowId);
		if (last.items.length >= count) return last;
		await sleep(500);
	}
	return last;
}

async function runWebhookChecks({ n8n, sandbox, check }) {
	const signingSecret = crypto.randomUUID();
	const webhookId = crypto.randomUUID();
	let workflowId;
	let productionUrl;
	const sent = [];

	await check(
		'Webhook Trigger: an active workflow answers the ownership challenge on its production URL',
		async () => {
			const credential = await rest(n8n, 'POST', '/rest/credentials', {
				name: 'Giftronaut webhook account',
				type: 'giftronautApi',
				data: {
					clientId: sandbox.clientId,
					clientSecret: sandbox.clientSecret,
					baseUrl: sandbox.url,
					webhookSigningSecret: signingSecret,
				},
			});
			const workflow = await rest(n8n, 'POST', '/rest/workflows', {
				name: 'e2e webhook trigger',
				active: false,
				settings: { executionOrder: 'v1' },
				connections: {},
				nodes: [
					{
						id: crypto.randomUUID(),
						name: NODE_NAME,
						type: WEBHOOK_TRIGGER_TYPE,
						typeVersion: 1,
						position: [0, 0],
						webhookId,
						parameters: {
							events: ['order.delivery_complete', 'balance.low_balance'],
							options: { includeFullOrder: true },
						},
						credentials: { giftronautApi: { id: credential.id, name: credential.name } },
					},
				],
			});
			workflowId = workflow.id;
			await rest(n8n, 'POST', `/rest/workflows/${workflowId}/activate`, {
				versionId: workflow.versionId,
			});
			productionUrl = `${n8n.base}/webhook/${webhookId}/webhook`;
			await sandbox.control('POST', 'webhooks/config', {
				url: productionUrl,
				secret: signingSecret,
			});
			// n8n 2.41 registers the production webhook a moment after the activate call returns (404 until then).
			const started = Date.now();
			let challenge;
			let tries = 0;
			do {
				if (tries++) await sleep(500);
				challenge = await sandbox.control('POST', 'webhooks/challenge', {});
			} while (!challenge.echoed && Date.now() - started < 20000);
			expect(challenge.echoed === true, () => `challenge: ${short(challenge)}`);
			return `HTTP ${challenge.status}, token echoed (try ${tries}, ${Date.now() - started} ms after activation), on ${productionUrl.replace(n8n.base, '')}`;
		},
	);

	await check(
		'Webhook Trigger: signed events emitted once each; duplicate, unselected type and bad signature emit nothing',
		async () => {
			const order = await sandbox.seedOrder({
				productId: 'GC-AMAZON-USD',
				recipients: [{ email: 'webhook@example.com', amount: 10 }],
				idempotencyKey: 'e2e-webhook-order',
			});
			const complete = await sandbox.control('POST', 'webhooks/events', {
				events: [{ eventType: 'order.delivery_complete', data: { orderId: order.orderId } }],
				options: { duplicate: 'concurrent' },
			});
			const low = await sandbox.control('POST', 'webhooks/events', {
				events: [
					{
						eventType: 'balance.low_balance',
						data: {
							currentBalance: { amount: 40, currency: 'USD' },
							threshold: 50,
							currency: 'USD',
						},
					},
				],
				options: { duplicate: true },
			});
			await sandbox.control('POST', 'webhooks/events', {
				events: [{ eventType: 'balance.depleted', data: { currency: 'USD' } }],
			});
			await sandbox.control('POST', 'webhooks/config', { retryScale: 0.05 }); // the bad one is given up quickly
			await sandbox.control('POST', 'webhooks/events', {
				events: [{ eventType: 'balance.low_balance', data: {} }],
				options: { signature: 'bad' },
			});
			await settled(sandbox);
			await sandbox.control('POST', 'webhooks/config', { retryScale: 1 });
			sent.push(...complete.eventIds, ...low.eventIds);
			const attempts = await sandbox.control('GET', 'webhooks/deliveries');
			const statuses = attempts.map((a) => a.status);
			expect(
				statuses.filter((s) => s === 401).length === 6,
				() => `answers: ${statuses.join(',')}`,
			);
			const seen = await waitForItems(n8n, workflowId, 2);
			const ids = seen.items.map((i) => i.eventId);
			expect(
				ids.length === 2 && sent.every((id) => ids.includes(id)),
				() => `emitted ${short(ids)}, sent ${short(sent)}`,
			);
			const full = seen.items.find((i) => i.eventType === 'order.delivery_complete');
			expect(
				full.orderId === order.orderId &&
					full.order &&
					full.order.recipients &&
					full.order.recipients[0].email === 'webhook@example.com',
				() => `order item: ${short(full)}`,
			);
			expect(seen.failed === 0, `${seen.failed} failed execution(s)`);
			return `${attempts.length} deliveries (${statuses.join(',')}) → ${seen.items.length} items in ${seen.executions} executions, full order ${order.orderId} included`;
		},
	);

	await check(
		`Webhook Trigger: n8n down for ${DOWN_MS / 1000} s during a delivery → the retry arrives and is emitted once`,
		async () => {
			await sandbox.control('DELETE', 'webhooks');
			await n8n.stop();
			const stoppedAt = Date.now();
			const { eventIds } = await sandbox.control('POST', 'webhooks/events', {
				events: [
					{
						eventType: 'order.delivery_complete',
						data: { orderId: 'OT-E2E-DOWN', recipientCount: 1, sentCount: 1, bouncedCount: 0 },
					},
				],
			});
			await sleep(DOWN_MS);
			await n8n.start();
			// The restarted server appends to the same log, so the start line of the first run already
			// matches: wait for n8n itself to answer instead.
			const upAt = await readiness(n8n);
			const downSeconds = Math.round((upAt - stoppedAt) / 1000);
			const status = await settled(sandbox);
			const attempts = await sandbox.control('GET', 'webhooks/deliveries');
			expect(
				status.delivered === 1,
				() => `sandbox: ${short(status)}; attempts ${short(attempts)}`,
			);
			// An event delivered before the restart, sent again: only the saved static data knows it.
			await sandbox.control('POST', 'webhooks/events', {
				events: [{ eventType: 'balance.low_balance', eventId: sent[1], data: {} }],
			});
			await settled(sandbox);
			const seen = await waitForItems(n8n, workflowId, 3);
			await sleep(2000);
			const final = await emitted(n8n, workflowId);
			const ids = final.items.map((i) => i.eventId);
			const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
			expect(
				ids.filter((id) => id === eventIds[0]).length === 1,
				() =>
					`the retried event emitted ${ids.filter((id) => id === eventIds[0]).length} times; items ${short(ids)}`,
			);
			expect(!duplicates.length, `emitted twice: ${duplicates.join(',')}`);
			expect(final.items.length === 3 && seen.failed === 0, () => `items ${short(ids)}`);
			const log = n8n.serverLog();
			expect(!log.includes(signingSecret), 'the signing secret appears in the n8n log');
			const failedFirst = attempts.filter((a) => a.status !== 200).length; // no connection, or 404 until the workflow is active again
			return `stopped, ${DOWN_MS / 1000}s later started, up again after ${downSeconds}s: ${failedFirst} attempt(s) not answered 2xx, attempt ${attempts.length} delivered; emitted once; a pre-restart eventId sent again → not emitted (static data persisted); 0 duplicates`;
		},
	);
}

module.exports = { runWebhookChecks, WEBHOOK_TRIGGER_TYPE };
