'use strict';

// Workflows and credentials of the queue-mode run (e2e/queue.js), on top of e2e/fixtures.js: the
// "CRM deal won" example and the trigger workflow come from there unchanged.
const fixtures = require('./fixtures');

const { NODE_TYPE, CREDENTIAL } = fixtures;

/** A second credential on the same sandbox client that nothing has used yet: no token stored. */
const COLD_CREDENTIAL = { id: 'gftE2eColdCred01', name: 'Giftronaut Sandbox (cold)' };

const QUEUE_IDS = {
	dealWon: fixtures.EXAMPLES['crm-deal-won-send-gift-card.json'],
	trigger: fixtures.IDS.trigger,
	bulk: 'gftQueueBulkSend',
	cold: 'gftQueueColdCred',
};

const BULK_PATH = 'queue-bulk';
const COLD_PATH = 'queue-cold';
const BULK_BATCH_SIZE = 10;

function credentialFile(sandbox) {
	return [CREDENTIAL, COLD_CREDENTIAL].map((credential) => ({
		...credential,
		type: 'giftronautApi',
		data: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, baseUrl: sandbox.url },
	}));
}

/**
 * POST /webhook/queue-bulk {recipients: [...]} answers at once; Split Out makes one item per
 * recipient; Giftronaut sends them combined, BULK_BATCH_SIZE recipients per order, with the
 * automatic idempotency key (no Deduplication Key set).
 */
function bulkWorkflow() {
	const id = QUEUE_IDS.bulk;
	return {
		id,
		name: 'Queue bulk send (Combine Items)',
		active: false,
		nodes: [
			{
				id: `${id}-hook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-hook`,
				parameters: {
					httpMethod: 'POST',
					path: BULK_PATH,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: `${id}-split`,
				name: 'Recipients',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [220, 0],
				parameters: { fieldToSplitOut: 'body.recipients', options: {} },
			},
			{
				id: `${id}-gift`,
				name: 'Send gift cards',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'order',
					operation: 'create',
					cardType: 'branded',
					product: { __rl: true, mode: 'id', value: 'GC-AMAZON-USD' },
					recipientSource: 'fields',
					email: '={{ $json.email }}',
					firstName: '={{ $json.firstName }}',
					lastName: '={{ $json.lastName }}',
					amount: { __rl: true, mode: 'value', value: '25' },
					options: { combineItems: true, batchSize: BULK_BATCH_SIZE, output: 'recipients' },
				},
				credentials: { giftronautApi: CREDENTIAL },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Recipients', type: 'main', index: 0 }]] },
			Recipients: { main: [[{ node: 'Send gift cards', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** POST /webhook/queue-cold → Balance Get with the cold credential (its first use needs a token). */
function coldWorkflow() {
	const id = QUEUE_IDS.cold;
	return {
		id,
		name: 'Queue cold credential (balance)',
		active: false,
		nodes: [
			{
				id: `${id}-hook`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `${id}-hook`,
				parameters: {
					httpMethod: 'POST',
					path: COLD_PATH,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				id: `${id}-gift`,
				name: 'Balance',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [260, 0],
				parameters: { resource: 'balance', operation: 'get' },
				credentials: { giftronautApi: COLD_CREDENTIAL },
			},
		],
		connections: { Webhook: { main: [[{ node: 'Balance', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

function workflows() {
	const trigger = fixtures.testWorkflows().find((w) => w.id === QUEUE_IDS.trigger);
	const dealWon = fixtures.exampleWorkflows().find((w) => w.id === QUEUE_IDS.dealWon);
	return [dealWon, trigger, bulkWorkflow(), coldWorkflow()];
}

module.exports = {
	QUEUE_IDS,
	COLD_CREDENTIAL,
	BULK_PATH,
	COLD_PATH,
	BULK_BATCH_SIZE,
	credentialFile,
	workflows,
};
