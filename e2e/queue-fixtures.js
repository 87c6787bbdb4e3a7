'use strict';

// Workflows and credentials of the queue-mode run (e2e/queue.js), built with tools/fixtures.js: the
// "CRM deal won" example and the trigger workflow of the single-process checks come unchanged.
const shared = require('../tools/fixtures');
const { triggerWorkflow, IDS } = require('./fixtures');

const { CREDENTIAL, giftronautNode, webhookWorkflow } = shared;

/** A second credential on the same sandbox client that nothing has used yet: no token stored. */
const COLD_CREDENTIAL = { id: 'gftE2eColdCred01', name: 'Giftronaut Sandbox (cold)' };

const QUEUE_IDS = {
	dealWon: shared.EXAMPLES['crm-deal-won-send-gift-card.json'],
	trigger: IDS.trigger,
	bulk: 'gftQueueBulkSend',
	cold: 'gftQueueColdCred',
};

const BULK_PATH = 'queue-bulk';
const COLD_PATH = 'queue-cold';
const BULK_BATCH_SIZE = 10;

function credentialFile(sandbox) {
	return shared.credentialFile(sandbox, [CREDENTIAL, COLD_CREDENTIAL]);
}

/**
 * POST /webhook/queue-bulk {recipients: [...]} answers at once; Split Out makes one item per
 * recipient; Giftronaut sends them combined, BULK_BATCH_SIZE recipients per order, with the
 * automatic idempotency key (no Deduplication Key set).
 */
function bulkWorkflow() {
	return webhookWorkflow({
		id: QUEUE_IDS.bulk,
		name: 'Queue bulk send (Combine Items)',
		webhookPath: BULK_PATH,
		respond: 'onReceived',
		nodes: [
			{
				id: 'split',
				name: 'Recipients',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				parameters: { fieldToSplitOut: 'body.recipients', options: {} },
			},
			giftronautNode({
				name: 'Send gift cards',
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
			}),
		],
	});
}

/** POST /webhook/queue-cold → Balance Get with the cold credential (its first use needs a token). */
function coldWorkflow() {
	return webhookWorkflow({
		id: QUEUE_IDS.cold,
		name: 'Queue cold credential (balance)',
		webhookPath: COLD_PATH,
		nodes: [
			giftronautNode({
				name: 'Balance',
				parameters: { resource: 'balance', operation: 'get' },
				credential: COLD_CREDENTIAL,
			}),
		],
	});
}

function workflows() {
	const dealWon = shared.exampleWorkflows().find((w) => w.id === QUEUE_IDS.dealWon);
	return [dealWon, triggerWorkflow(), bulkWorkflow(), coldWorkflow()];
}

module.exports = {
	QUEUE_IDS,
	BULK_PATH,
	COLD_PATH,
	BULK_BATCH_SIZE,
	credentialFile,
	workflows,
};
