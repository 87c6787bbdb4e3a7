'use strict';

// The AI agent example without a model (issue 13): its two Giftronaut tool nodes run inside n8n the
// way the editor's "Execute step" runs a tool node. The editor asks for the $fromAI values and posts
// them as `agentRequest` with the tool as `destinationNode` and no run data. A tool has no main input,
// so n8n waits for no chat message: it swaps the agent for its hidden Tool Executor, starts at the
// chat trigger (one empty item) and the executor calls the tool with those values, as an agent would.
const { expect, short } = require('./lib/report');
const { sleep } = require('../tools/proc');
const { EXAMPLES } = require('../tools/fixtures');
const { IDS, LIMITED_CREDENTIAL } = require('./fixtures');

const WORKFLOW_ID = EXAMPLES['ai-agent-send-gift-card.json'];
const PLAN = 'Plan gift card';
const SEND = 'Send gift card';
const DONE = new Set(['success', 'error', 'crashed', 'canceled']);

/** The saved workflow. n8n 2.41 runs the saved one (its run endpoint drops `workflowData`); 1.x and 2.8 run the posted one. */
async function savedWorkflow(n8n, id = WORKFLOW_ID) {
	const { status, body } = await n8n.rest('GET', `/rest/workflows/${id}`);
	expect(status === 200, () => `GET workflow ${id}: HTTP ${status} ${short(body)}`);
	return body.data;
}

/** Order requests the sandbox received since `seq` (Validate Only must make none). */
async function orderRequestsAfter(sandbox, seq) {
	return (await sandbox.requests()).filter(
		(r) => r.seq > seq && r.method === 'POST' && r.path.startsWith('/api/v1/orders/'),
	);
}

async function lastSeq(sandbox) {
	const log = await sandbox.requests();
	return log.length ? log[log.length - 1].seq : 0;
}

/**
 * What each line's editor posts for "Execute step" on a node tool (its From-AI parameters modal):
 * 1.x the values as they are and no tool name (a name only picks one tool of a toolkit); 2.x the
 * values under the tool's name and that name, which 2.x's Tool Executor reads them by.
 */
function agentRequest(version, nodeName, values) {
	if (Number(version.split('.')[0]) < 2) return { query: values, tool: { name: '' } };
	const toolName = nodeName.replaceAll(' ', '_');
	return { query: { [toolName]: values }, tool: { name: toolName } };
}

/**
 * "Execute step" on the tool node `nodeName` with the $fromAI values `values`. Returns the finished
 * execution and the tool's answer: the items the agent would read, or the tool's error.
 */
async function executeTool({ n8n, version }, workflow, nodeName, values) {
	const run = await n8n.rest('POST', `/rest/workflows/${workflow.id}/run`, {
		workflowData: workflow,
		destinationNode: { nodeName, mode: 'inclusive' },
		agentRequest: agentRequest(version, nodeName, values),
	});
	const started = run.body && run.body.data;
	expect(
		run.status === 200 && started && started.executionId,
		() => `run ${nodeName}: HTTP ${run.status} ${short(run.body)}`,
	);
	// n8n 1.123 can report an execution's end a moment before its run data is stored: wait for both.
	const done = (e) => (DONE.has(e.status) || e.finished) && e.data && e.data.resultData;
	let execution;
	for (let i = 0; i < 120; i++) {
		execution = await n8n.execution(started.executionId);
		if (done(execution)) break;
		await sleep(500);
	}
	expect(
		done(execution),
		`execution ${started.executionId} still ${execution.status} (run data ${execution.data ? 'stored' : 'not stored'}) after 60 s`,
	);
	const { runData, error } = execution.data.resultData;
	const runs = runData[nodeName] || [];
	const output = runs.flatMap((r) => (r.data && r.data.ai_tool && r.data.ai_tool[0]) || []);
	const response = output.flatMap((item) => [].concat(item.json.response ?? []));
	const toolError = runs.map((r) => r.error && r.error.message).find(Boolean);
	const ran = Object.keys(runData).join(', ');
	return { id: started.executionId, execution, ran, runs, response, toolError, error };
}

const describe = (result) =>
	`execution ${result.id} ${result.execution.status}; tool ran ${result.runs.length}×; answer ${short(result.response)}; error ${short(result.toolError || (result.error && result.error.message))}`;

/** @param {{ n8n: any, sandbox: any, version: string, check: (name: string, fn: () => Promise<string>) => Promise<void> }} ctx */
async function runAgentChecks({ n8n, sandbox, version, check }) {
	const line = { n8n, version };
	const query = {
		productId: 'GC-AMAZON-USD',
		email: 'agent-thanks@example.com',
		firstName: 'Ada',
		lastName: 'Agent',
		amount: 25,
	};
	const ordersFor = async (email) =>
		(await sandbox.orders()).filter((o) => o.recipients.some((r) => r.email === email));
	let sentOrderId;

	await check(
		'AI agent example, "Plan gift card" run as a tool (Execute step, no model): the plan with validateOnly, total and key; no order',
		async () => {
			const workflow = await savedWorkflow(n8n);
			const before = (await sandbox.orders()).length;
			const seq = await lastSeq(sandbox);
			const result = await executeTool(line, workflow, PLAN, query);
			const after = (await sandbox.orders()).length;
			const sent = await orderRequestsAfter(sandbox, seq);
			expect(result.execution.status === 'success', () => describe(result));
			const [plan] = result.response;
			expect(
				result.response.length === 1 &&
					plan.validateOnly === true &&
					plan.productId === query.productId &&
					plan.recipientCount === 1 &&
					plan.total &&
					plan.total.amount === 25 &&
					plan.total.currency === 'USD' &&
					typeof plan.idempotencyKey === 'string' &&
					plan.idempotencyKey.length > 0,
				() => describe(result),
			);
			expect(
				after === before && sent.length === 0,
				`sandbox orders ${before} → ${after}, ${sent.length} order request(s)`,
			);
			return `nodes run: ${result.ran}; answer ${short(plan, 300)}; sandbox orders ${before} → ${after}, 0 order requests`;
		},
	);

	await check(
		'AI agent example, "Send gift card" run as a tool with the same values: exactly one order for that recipient and amount',
		async () => {
			const workflow = await savedWorkflow(n8n);
			const result = await executeTool(line, workflow, SEND, query);
			expect(result.execution.status === 'success', () => describe(result));
			const orders = await ordersFor(query.email);
			expect(orders.length === 1, () => `sandbox orders for ${query.email}: ${short(orders)}`);
			const [order] = orders;
			const [answer] = result.response;
			expect(
				order.productId === query.productId &&
					order.recipients.length === 1 &&
					order.recipients[0].amount === query.amount,
				() => `sandbox order ${short(order)}`,
			);
			expect(
				result.response.length === 1 && answer.orderId === order.orderId && !answer.replayed,
				() => `${describe(result)}; sandbox ${order.orderId}`,
			);
			sentOrderId = order.orderId;
			return `order ${order.orderId} (${order.totalCost.amount} ${order.totalCost.currency}); answer ${short(answer, 300)}`;
		},
	);

	await check(
		'AI agent example, the same "Send gift card" call again: no second order (replayed)',
		async () => {
			expect(sentOrderId, 'the first Send did not order');
			const workflow = await savedWorkflow(n8n);
			const before = (await sandbox.orders()).length;
			const result = await executeTool(line, workflow, SEND, query);
			const after = (await sandbox.orders()).length;
			expect(result.execution.status === 'success', () => describe(result));
			const [answer] = result.response;
			expect(
				answer && answer.orderId === sentOrderId && answer.replayed === true,
				() => `${describe(result)}; first order ${sentOrderId}`,
			);
			expect(
				after === before && (await ordersFor(query.email)).length === 1,
				`sandbox orders ${before} → ${after}`,
			);
			return `answer ${short(answer, 300)}; sandbox orders ${before} → ${after}`;
		},
	);

	await check(
		`AI agent example, "Send gift card" with a credential whose Maximum per Order is ${LIMITED_CREDENTIAL.data.maxPerOrderUsd} USD: refused naming the limit; no order`,
		async () => {
			const over = { ...query, email: 'agent-over-limit@example.com', amount: 25 };
			const workflow = await savedWorkflow(n8n, IDS.limitedAgent);
			const before = (await sandbox.orders()).length;
			const seq = await lastSeq(sandbox);
			const result = await executeTool(line, workflow, SEND, over);
			const after = (await sandbox.orders()).length;
			const sent = await orderRequestsAfter(sandbox, seq);
			const message = String(result.toolError || '');
			expect(result.execution.status === 'error', () => describe(result));
			expect(
				message.includes('Maximum per Order') &&
					message.includes('25.00 USD') &&
					message.includes('20.00 USD') &&
					message.includes('set in the Giftronaut credential'),
				() => describe(result),
			);
			expect(
				String(result.error && result.error.message).includes('Maximum per Order'),
				() => `execution error: ${short(result.error)}`,
			);
			expect(
				after === before && sent.length === 0,
				`sandbox orders ${before} → ${after}, ${sent.length} order request(s)`,
			);
			return `tool error "${short(message, 240)}"; execution error "${short(result.error.message, 160)}"; sandbox orders ${before} → ${after}`;
		},
	);
}

module.exports = { runAgentChecks };
