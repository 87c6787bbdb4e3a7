'use strict';

// Credentials and workflows the e2e suite imports into n8n. The example workflows in examples/ are
// imported as well (with fixed ids and this credential), so they are exercised too.
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE = 'n8n-nodes-giftronaut';
const NODE_TYPE = `${PACKAGE}.giftronaut`;
const TRIGGER_TYPE = `${PACKAGE}.giftronautTrigger`;
const EXAMPLES_DIR = path.join(__dirname, '..', 'examples');

const CREDENTIAL = { id: 'gftE2eCredential', name: 'Giftronaut Sandbox' };

const IDS = {
	catalog: 'gftE2eCatalog001',
	create: 'gftE2eCreate0001',
	get: 'gftE2eGetOrder01',
	getMany: 'gftE2eListOrders',
	balance: 'gftE2eBalance001',
	trigger: 'gftE2eTrigger001',
};

/** The examples and the ids they get when imported (the files themselves carry none). */
const EXAMPLES = {
	'crm-deal-won-send-gift-card.json': 'gftExampleDealWon',
	'bulk-send-from-a-list.json': 'gftExampleBulkSend',
	'order-completed-notify.json': 'gftExampleNotify1',
	'new-contact-welcome-campaign.json': 'gftExampleWelcome',
};

/** The credential's default scopes plus the address book and campaigns (the welcome example). */
const SCOPES =
	'catalog.read orders.read orders.write balance.read templates.read recipients.read recipients.write campaigns.read campaigns.write';

function credentialFile(sandbox, clientSecret = sandbox.clientSecret) {
	return [
		{
			...CREDENTIAL,
			type: 'giftronautApi',
			data: { clientId: sandbox.clientId, clientSecret, baseUrl: sandbox.url, scopes: SCOPES },
		},
	];
}

const credentials = { giftronautApi: CREDENTIAL };

/** Every 5 s: one fixed-second cron entry per slot (n8n 2.41 rejects ranges in the seconds field). */
function everyFiveSeconds() {
	return {
		item: Array.from({ length: 12 }, (_, i) => ({ mode: 'custom', cronExpression: `${i * 5} * * * * *` })),
	};
}

/** Webhook (POST /webhook/<path>, answers with every item of the last node) → Giftronaut. */
function webhookWorkflow(id, name, webhookPath, parameters, extraNode = {}) {
	return {
		id,
		name,
		active: false,
		nodes: [
			{
				id: `${id}-hook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-${webhookPath}`,
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				id: `${id}-gift`,
				name: 'Giftronaut',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [260, 0],
				parameters,
				credentials,
				...extraNode,
			},
		],
		connections: { Webhook: { main: [[{ node: 'Giftronaut', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

function testWorkflows() {
	return [
		webhookWorkflow(IDS.catalog, 'E2E catalog', 'e2e-catalog', {
			resource: 'catalog',
			operation: 'getManyBranded',
			returnAll: '={{ $json.body.returnAll === true }}',
			limit: '={{ $json.body.limit || 50 }}',
			filters: { brandName: '={{ $json.body.brand || "" }}', currencyCode: '={{ $json.body.currency || "" }}' },
		}),
		webhookWorkflow(IDS.create, 'E2E order create', 'e2e-order', {
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
		webhookWorkflow(IDS.get, 'E2E order get', 'e2e-order-get', {
			resource: 'order',
			operation: 'get',
			orderId: '={{ $json.body.orderId }}',
		}),
		webhookWorkflow(IDS.getMany, 'E2E order get many', 'e2e-orders', {
			resource: 'order',
			operation: 'getMany',
			returnAll: true,
			filters: {},
		}),
		webhookWorkflow(IDS.balance, 'E2E balance', 'e2e-balance', { resource: 'balance', operation: 'get' }),
		{
			id: IDS.trigger,
			name: 'E2E order completed trigger',
			active: false,
			nodes: [
				{
					id: `${IDS.trigger}-trig`,
					name: 'Giftronaut Trigger',
					type: TRIGGER_TYPE,
					typeVersion: 1,
					position: [0, 0],
					parameters: { event: 'orderCompleted', pollTimes: everyFiveSeconds() },
					credentials,
				},
				{
					id: `${IDS.trigger}-noop`,
					name: 'Completed',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [260, 0],
					parameters: {},
				},
			],
			connections: { 'Giftronaut Trigger': { main: [[{ node: 'Completed', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
		},
	];
}

/** The example workflows, with fixed ids and their Giftronaut nodes pointed at the given credential. */
function exampleWorkflows(credential = CREDENTIAL) {
	return Object.entries(EXAMPLES).map(([file, id]) => {
		const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
		for (const node of workflow.nodes) {
			if (node.type.startsWith(`${PACKAGE}.`)) node.credentials = { giftronautApi: credential };
		}
		return { ...workflow, id, active: false };
	});
}

module.exports = {
	PACKAGE,
	NODE_TYPE,
	TRIGGER_TYPE,
	CREDENTIAL,
	IDS,
	EXAMPLES,
	credentialFile,
	testWorkflows,
	exampleWorkflows,
	everyFiveSeconds,
};
