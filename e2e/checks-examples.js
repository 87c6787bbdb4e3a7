'use strict';

// The examples as a user runs them (issue 16): the bulk send and the notify workflow end with real
// reward links; the CRM example answers a bad input with HTTP 400 and the node's message.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { expect, short } = require('./lib/report');
const { sleep } = require('../tools/proc');
const { EXAMPLES, PACKAGE, CREDENTIAL } = require('../tools/fixtures');
const { everyFiveSeconds } = require('./fixtures');

const MINUTE = 60000;
const REWARD_LINK = /^https?:\/\/\S+\/redeem\/\S+$/;

function example(file) {
	return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'examples', file), 'utf8'));
}

function output(execution, nodeName) {
	const runs = execution.data.resultData.runData[nodeName] || [];
	return runs.flatMap((run) => (run.data && run.data.main && run.data.main[0]) || []).map((item) => item.json);
}

async function until(what, fn, timeoutMs = 60000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
		await sleep(500);
	}
}

/** @param {{ n8n: any, sandbox: any, check: (name: string, fn: () => Promise<string>) => Promise<void> }} ctx */
async function runExampleChecks({ n8n, sandbox, check }) {
	await check('bulk send example (n8n execute): one order with 3 recipients, each output item with its real reward link', async () => {
		const before = await sandbox.orders();
		// The example waits for completion; orders here stay PENDING until the sandbox clock moves.
		const running = n8n.cli(['execute', `--id=${EXAMPLES['bulk-send-from-a-list.json']}`, '--rawOutput']);
		const fresh = await until('the bulk order on the sandbox', async () => {
			const orders = (await sandbox.orders()).filter((o) => !before.some((b) => b.orderId === o.orderId));
			return orders.length ? orders : undefined;
		});
		await sandbox.advanceClock(12 * MINUTE);
		const result = await running;
		const json = JSON.parse(result.output.slice(result.output.search(/^\{/m)));
		expect(json.status === 'success' || json.finished, () => `execution: ${short(json.data && json.data.resultData && json.data.resultData.error)}`);
		const out = (json.data.resultData.runData['Send gift cards'][0].data.main[0] || []).map((i) => i.json);
		expect(fresh.length === 1 && fresh[0].recipients.length === 3, () => `new orders: ${short(fresh.map((o) => [o.orderId, o.recipients.length]))}`);
		const order = await sandbox.order(fresh[0].orderId);
		expect(out.length === 3, `output ${out.length} items, expected one per recipient`);
		for (const item of out) {
			const onSandbox = order.recipients.find((r) => r.email === item.email);
			expect(item.status === 'COMPLETE' && REWARD_LINK.test(item.rewardLink) && onSandbox && item.rewardLink === onSandbox.rewardLink, () => `item ${short(item)}; sandbox ${short(onSandbox)}`);
		}
		return `1 order ${order.orderId} with 3 recipients (${order.totalCost.amount} ${order.totalCost.currency}); rewardLinks ${out.map((i) => i.rewardLink).join(', ')}; CLI ${result.seconds}s`;
	});

	await check('notify example (trigger with Include Full Order): the composed message lists the real reward links', async () => {
		const workflow = example('order-completed-notify.json');
		// The example as shipped, minus the unconfigured Slack node; polling every 5 s instead of every minute.
		const nodes = workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.slack' && node.type !== 'n8n-nodes-base.stickyNote');
		for (const node of nodes) {
			node.id = crypto.randomUUID();
			if (node.type.startsWith(`${PACKAGE}.`)) {
				node.credentials = { giftronautApi: CREDENTIAL };
				node.parameters.pollTimes = everyFiveSeconds();
			}
		}
		const created = await n8n.rest('POST', '/rest/workflows', {
			name: 'e2e notify example',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes,
			connections: { 'Order completed': workflow.connections['Order completed'] },
		});
		expect(created.status === 200, () => `create: HTTP ${created.status} ${short(created.body)}`);
		const { id, versionId } = created.body.data;
		const activated = await n8n.rest('POST', `/rest/workflows/${id}/activate`, { versionId });
		expect(activated.status === 200, () => `activate: HTTP ${activated.status} ${short(activated.body)}`);
		await sleep(6000); // the activation poll has set the trigger's starting point
		const seeded = await sandbox.seedOrder({
			productId: 'GC-AMAZON-USD',
			recipients: [{ email: 'notify-1@example.com', amount: 10 }, { email: 'notify-2@example.com', amount: 25 }],
			idempotencyKey: 'e2e-notify-example',
		});
		await sandbox.setStatus(seeded.orderId, 'COMPLETE');
		const order = await sandbox.order(seeded.orderId);
		const text = await until('the notify execution', async () => {
			for (const summary of await n8n.executions(id)) {
				const execution = await n8n.execution(summary.id);
				const message = output(execution, 'Compose message').find((m) => String(m.text).includes(seeded.orderId));
				if (message) return message.text;
			}
			return undefined;
		});
		await n8n.rest('POST', `/rest/workflows/${id}/deactivate`, {});
		for (const recipient of order.recipients) {
			expect(REWARD_LINK.test(recipient.rewardLink) && text.includes(`${recipient.email}: ${recipient.rewardLink}`), () => `message ${short(text)} lacks ${recipient.email}'s link ${recipient.rewardLink}`);
		}
		return `message: ${short(text, 240)}`;
	});

	await check('CRM deal won example: a bad input is answered with HTTP 400 and the node\'s message; nothing is ordered', async () => {
		const before = (await sandbox.orders()).length;
		const response = await n8n.webhook('deal-won', { dealId: 'D-BAD', contact: { email: 'not-an-email', firstName: 'Bad' } });
		const after = (await sandbox.orders()).length;
		expect(response.status === 400, () => `HTTP ${response.status} ${short(response.body)}`);
		const body = response.body || {};
		expect(/email/i.test(String(body.error)) && String(body.error).includes('not-an-email'), () => `body ${short(body)}`);
		expect(after === before, `sandbox orders ${before} → ${after}`);
		return `HTTP 400 ${short(body, 240)}`;
	});
}

module.exports = { runExampleChecks };
