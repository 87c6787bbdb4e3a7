'use strict';
// Workflow shapes shared by the sections: Manual Trigger → Input (fixed items) → node under test.
const path = require('node:path');

const { BUILD } = require('./setup');

const GIFTRONAUT = 'n8n-nodes-giftronaut.giftronaut';
const HTTP_REQUEST = 'n8n-nodes-base.httpRequest';

/**
 * Order → Create, one recipient per item mapped from the input: the tests' own parameters
 * (test/node/create-fixtures.ts, compiled into setup.BUILD by setup.build()).
 */
function createParameters(overrides = {}) {
	return require(path.join(BUILD, 'test', 'node', 'create-fixtures')).createParameters(overrides);
}

/** The same POST the Giftronaut node sends, as a user would build it with the HTTP Request node. */
function httpRequestParameters(url) {
	const body =
		'={{ JSON.stringify({ idempotencyKey: $json.key, productId: "GC-AMAZON-USD", sendTiming: { type: "IMMEDIATE" }, refundOption: false, ' +
		'recipients: [{ email: $json.email, firstName: $json.firstName, lastName: $json.lastName, amount: $json.amount }] }) }}';
	return {
		method: 'POST',
		url: `${url}/api/v1/orders/branded-cards`,
		authentication: 'genericCredentialType',
		genericAuthType: 'oAuth2Api',
		sendHeaders: true,
		headerParameters: {
			parameters: [
				{ name: 'X-Idempotency-Key', value: '={{ $json.key }}' },
				{ name: 'Accept', value: 'application/json' },
			],
		},
		sendBody: true,
		contentType: 'json',
		specifyBody: 'json',
		jsonBody: body,
		options: {},
	};
}

/** Manual Trigger → Input → target; `target` = { type, typeVersion, parameters, credentials, settings }. */
function workflow(H, workflowId, items, target) {
	const trigger = {
		id: H.stableId(`${workflowId}/Manual Trigger`),
		name: 'Manual Trigger',
		type: H.MANUAL_TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const source = {
		id: H.stableId(`${workflowId}/Input`),
		name: 'Input',
		type: H.SOURCE_TYPE,
		typeVersion: 1,
		position: [200, 0],
		parameters: { items: JSON.stringify(items), wrapped: false },
	};
	const node = {
		id: H.stableId(`${workflowId}/${target.name}`),
		position: [400, 0],
		...target,
	};
	return {
		workflowId,
		startNode: trigger.name,
		nodes: [trigger, source, node],
		connections: {
			[trigger.name]: { main: [[{ node: source.name, type: 'main', index: 0 }]] },
			[source.name]: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
	};
}

function giftronautTarget(parameters, { credentialId = 'giftronaut-1', settings = {} } = {}) {
	return {
		name: 'Giftronaut',
		type: GIFTRONAUT,
		typeVersion: 1,
		parameters,
		credentials: { giftronautApi: { id: credentialId, name: credentialId } },
		...settings,
	};
}

function httpRequestTarget(url, credentialId = 'oauth-1') {
	return {
		name: 'HTTP Request',
		type: HTTP_REQUEST,
		typeVersion: 4.4,
		parameters: httpRequestParameters(url),
		credentials: { oAuth2Api: { id: credentialId, name: credentialId } },
	};
}

function people(count, tag, amount = 10) {
	return Array.from({ length: count }, (_, i) => ({
		email: `${tag}-${i}@example.com`,
		firstName: `First${i}`,
		lastName: `Last${i}`,
		amount,
	}));
}

module.exports = {
	GIFTRONAUT,
	HTTP_REQUEST,
	createParameters,
	httpRequestParameters,
	workflow,
	giftronautTarget,
	httpRequestTarget,
	people,
};
