'use strict';

// The workflows of the single-process checks (e2e/checks.js), built with tools/fixtures.js; the
// example workflows of examples/ are imported beside them (tools/fixtures.js exampleWorkflows).
const {
	TRIGGER_TYPE,
	CREDENTIAL,
	giftronautNode,
	webhookWorkflow,
	chainWorkflow,
	exampleWorkflows,
	EXAMPLES,
} = require('../tools/fixtures');

const IDS = {
	catalog: 'gftE2eCatalog001',
	create: 'gftE2eCreate0001',
	get: 'gftE2eGetOrder01',
	getMany: 'gftE2eListOrders',
	balance: 'gftE2eBalance001',
	trigger: 'gftE2eTrigger001',
	limitedAgent: 'gftExampleAgent02',
};

/** A second credential on the same demo client with a spending limit (the AI agent example's check). */
const LIMITED_CREDENTIAL = {
	id: 'gftE2eLimitCred1',
	name: 'Giftronaut Sandbox (20 USD per order)',
	data: { maxPerOrderUsd: '20' },
};

/** The AI agent example once more, its Giftronaut tools on LIMITED_CREDENTIAL (n8n 2.41 runs the saved workflow only). */
function limitedAgentWorkflow() {
	const { id, name } = LIMITED_CREDENTIAL;
	const agent = exampleWorkflows({ id, name }).find(
		(workflow) => workflow.id === EXAMPLES['ai-agent-send-gift-card.json'],
	);
	// Its own chat webhook id, so the copy never shares the example's chat URL.
	const nodes = agent.nodes.map((node) =>
		node.webhookId ? { ...node, webhookId: `${node.webhookId.slice(0, -2)}02` } : node,
	);
	return { ...agent, id: IDS.limitedAgent, name: `${agent.name}: ${name}`, nodes };
}

/** Every 5 s: one fixed-second cron entry per slot (n8n 2.41 rejects ranges in the seconds field). */
function everyFiveSeconds() {
	return {
		item: Array.from({ length: 12 }, (_, i) => ({
			mode: 'custom',
			cronExpression: `${i * 5} * * * * *`,
		})),
	};
}

/** Webhook (answers with every item of the last node) → Giftronaut with `parameters`. */
function webhookToGiftronaut(id, name, webhookPath, parameters) {
	return webhookWorkflow({ id, name, webhookPath, nodes: [giftronautNode({ parameters })] });
}

/** Giftronaut Trigger (order completed, polled every 5 s) → No Op. */
function triggerWorkflow() {
	return chainWorkflow({
		id: IDS.trigger,
		name: 'E2E order completed trigger',
		nodes: [
			{
				id: 'trig',
				name: 'Giftronaut Trigger',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				parameters: { event: 'orderCompleted', pollTimes: everyFiveSeconds() },
				credentials: { giftronautApi: CREDENTIAL },
			},
			{
				id: 'noop',
				name: 'Completed',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				parameters: {},
			},
		],
	});
}

function testWorkflows() {
	return [
		webhookToGiftronaut(IDS.catalog, 'E2E catalog', 'e2e-catalog', {
			resource: 'catalog',
			operation: 'getManyBranded',
			returnAll: '={{ $json.body.returnAll === true }}',
			limit: '={{ $json.body.limit || 50 }}',
			filters: {
				brandName: '={{ $json.body.brand || "" }}',
				currencyCode: '={{ $json.body.currency || "" }}',
			},
		}),
		webhookToGiftronaut(IDS.create, 'E2E order create', 'e2e-order', {
			resource: 'order',
			operation: 'create',
			cardType: 'branded',
			product: { __rl: true, mode: 'id', value: '={{ $json.body.productId || "GC-AMAZON-USD" }}' },
			recipientSource: 'fields',
			email: '={{ $json.body.email }}',
			firstName: '={{ $json.body.firstName }}',
			lastName: '={{ $json.body.lastName }}',
			amount: { __rl: true, mode: 'value', value: '={{ $json.body.amount }}' },
			options: {},
		}),
		webhookToGiftronaut(IDS.get, 'E2E order get', 'e2e-order-get', {
			resource: 'order',
			operation: 'get',
			orderId: '={{ $json.body.orderId }}',
		}),
		webhookToGiftronaut(IDS.getMany, 'E2E order get many', 'e2e-orders', {
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: {},
		}),
		webhookToGiftronaut(IDS.balance, 'E2E balance', 'e2e-balance', {
			resource: 'balance',
			operation: 'get',
		}),
		triggerWorkflow(),
	];
}

module.exports = {
	IDS,
	LIMITED_CREDENTIAL,
	limitedAgentWorkflow,
	testWorkflows,
	triggerWorkflow,
	everyFiveSeconds,
};
