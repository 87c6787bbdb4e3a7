'use strict';

// What the e2e suite (single process and queue mode) and the demo import into n8n: the credential
// pointing at the local sandbox, the example workflows of examples/ (with fixed ids), and the
// builder of "Webhook → …" workflows the suites' own workflows are made of.
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE = 'n8n-nodes-giftronaut';
const NODE_TYPE = `${PACKAGE}.giftronaut`;
const TRIGGER_TYPE = `${PACKAGE}.giftronautTrigger`;
const EXAMPLES_DIR = path.join(__dirname, '..', 'examples');

const CREDENTIAL = { id: 'gftE2eCredential', name: 'Giftronaut Sandbox' };

/** The examples and the ids they get when imported (the files themselves carry none). */
const EXAMPLES = {
	'crm-deal-won-send-gift-card.json': 'gftExampleDealWon',
	'bulk-send-from-a-list.json': 'gftExampleBulkSend',
	'order-completed-notify.json': 'gftExampleNotify1',
	'new-contact-welcome-campaign.json': 'gftExampleWelcome',
	'ai-agent-send-gift-card.json': 'gftExampleAgent01',
};

/** The campaign examples/new-contact-welcome-campaign.json runs, seeded with its fixed id. */
const WELCOME_CAMPAIGN = {
	campaignId: 'CA-WELCOME1',
	...require('../test/node/campaign/welcome-campaign.json'),
};

/** The credential's default scopes plus the address book and campaigns (the welcome example). */
const SCOPES =
	'catalog.read orders.read orders.write balance.read templates.read recipients.read recipients.write campaigns.read campaigns.write';

/** An `n8n import:credentials` file: each credential on the sandbox's demo client (plus its own `data`, e.g. limits). */
function credentialFile(sandbox, credentials = [CREDENTIAL]) {
	return credentials.map(({ data, ...credential }) => ({
		...credential,
		type: 'giftronautApi',
		data: {
			clientId: sandbox.clientId,
			clientSecret: sandbox.clientSecret,
			baseUrl: sandbox.url,
			scopes: SCOPES,
			...data,
		},
	}));
}

/** A Giftronaut node (`nodeId` suffixes the workflow id) using `credential`. */
function giftronautNode({
	nodeId = 'gift',
	name = 'Giftronaut',
	parameters,
	credential = CREDENTIAL,
	...extra
}) {
	return {
		id: nodeId,
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		parameters,
		credentials: { giftronautApi: credential },
		...extra,
	};
}

/**
 * POST /webhook/<webhookPath> → nodes, one after the other. `respond`: 'lastNode' answers with every
 * item of the last node, 'onReceived' answers at once.
 */
function webhookWorkflow({ id, name, webhookPath, respond = 'lastNode', nodes }) {
	const responseParameters =
		respond === 'lastNode'
			? { responseMode: 'lastNode', responseData: 'allEntries' }
			: { responseMode: 'onReceived' };
	const webhook = {
		id: 'hook',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: `${id}-${webhookPath}`,
		parameters: { httpMethod: 'POST', path: webhookPath, ...responseParameters, options: {} },
	};
	return chainWorkflow({ id, name, nodes: [webhook, ...nodes] });
}

/** A workflow of `nodes` connected one after the other; each node's id is prefixed with the workflow's. */
function chainWorkflow({ id, name, nodes }) {
	const placed = nodes.map((node, index) => ({
		...node,
		id: `${id}-${node.id}`,
		position: [index * 240, 0],
	}));
	const connections = {};
	for (let i = 0; i + 1 < placed.length; i++) {
		connections[placed[i].name] = {
			main: [[{ node: placed[i + 1].name, type: 'main', index: 0 }]],
		};
	}
	return {
		id,
		name,
		active: false,
		nodes: placed,
		connections,
		settings: { executionOrder: 'v1' },
	};
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
	EXAMPLES,
	WELCOME_CAMPAIGN,
	credentialFile,
	giftronautNode,
	webhookWorkflow,
	chainWorkflow,
	exampleWorkflows,
};
