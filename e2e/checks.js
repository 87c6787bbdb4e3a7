'use strict';

// The checks of one n8n line: what a user would see in n8n, cross-checked against the sandbox.
const fs = require('node:fs');
const path = require('node:path');

const { expect, short } = require('./lib/report');
const { OWNER } = require('../tools/n8n');
const { run, sleep } = require('../tools/proc');
const shared = require('../tools/fixtures');
const { IDS, LIMITED_CREDENTIAL, limitedAgentWorkflow, testWorkflows } = require('./fixtures');
const { BRANDED, CHOICE, TEMPLATES } = require('../test/sandbox/catalog');

const { CREDENTIAL, NODE_TYPE, TRIGGER_TYPE, PACKAGE, EXAMPLES } = shared;
const MINUTE = 60000;
/** Orders stay PENDING 10 min and IN_PROGRESS 1 min on the sandbox's virtual clock, until we move it. */
const LIFECYCLE = { pendingMs: 10 * MINUTE, inProgressMs: MINUTE };
const AMAZON_USD_LABEL = 'Amazon — USD — 10/25/50/100';
const STARBUCKS_USD_LABEL = 'Starbucks — USD — 5–500';
const TRIGGER_NODE = 'Giftronaut Trigger';
const WRONG_SECRET = 'wrong-secret-e2e-4711';

async function activate(n8n, workflowId) {
	const { status, body } = await n8n.rest('GET', `/rest/workflows/${workflowId}`);
	expect(status === 200, () => `GET workflow ${workflowId}: HTTP ${status} ${short(body)}`);
	const activated = await n8n.rest('POST', `/rest/workflows/${workflowId}/activate`, {
		versionId: body.data.versionId,
	});
	expect(
		activated.status === 200,
		() => `activate ${workflowId}: HTTP ${activated.status} ${short(activated.body)}`,
	);
}

function dynamicParameters(parameters, extra = {}) {
	return {
		nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
		currentNodeParameters: parameters,
		credentials: { giftronautApi: CREDENTIAL },
		...extra,
	};
}

const createParameters = (overrides = {}) => ({
	resource: 'order',
	operation: 'create',
	cardType: 'branded',
	product: { __rl: true, mode: 'list', value: '' },
	recipientSource: 'fields',
	email: '',
	amount: { __rl: true, mode: 'list', value: '' },
	emailSettings: {},
	sendTiming: 'scheduled',
	timezone: 'UTC',
	options: {},
	...overrides,
});

async function listSearch(n8n, methodName, parameterPath, parameters, filter, paginationToken) {
	const { status, body } = await n8n.rest(
		'POST',
		'/rest/dynamic-node-parameters/resource-locator-results',
		dynamicParameters(parameters, { methodName, path: parameterPath, filter, paginationToken }),
	);
	expect(status === 200, () => `${methodName}: HTTP ${status} ${short(body)}`);
	return body.data;
}

async function loadOptions(n8n, methodName, parameterPath, parameters) {
	const { status, body } = await n8n.rest(
		'POST',
		'/rest/dynamic-node-parameters/options',
		dynamicParameters(parameters, { methodName, path: parameterPath }),
	);
	expect(status === 200, () => `${methodName}: HTTP ${status} ${short(body)}`);
	return body.data;
}

async function testCredential(n8n, sandbox, clientSecret) {
	const { status, body } = await n8n.rest('POST', '/rest/credentials/test', {
		credentials: {
			...CREDENTIAL,
			type: 'giftronautApi',
			data: { clientId: sandbox.clientId, clientSecret, baseUrl: sandbox.url },
		},
	});
	expect(status === 200, () => `HTTP ${status} ${short(body)}`);
	return { result: body.data, raw: JSON.stringify(body) };
}

/** Items of the last node, as the webhook answers with responseMode lastNode / allEntries. */
async function callWebhook(n8n, webhookPath, body) {
	const response = await n8n.webhook(webhookPath, body);
	expect(
		response.status === 200,
		() => `webhook ${webhookPath}: HTTP ${response.status} ${short(response.body)}`,
	);
	return Array.isArray(response.body) ? response.body : [response.body];
}

async function newestExecution(n8n, workflowId, status) {
	const executions = (await n8n.executions(workflowId)).filter(
		(e) => !status || e.status === status,
	);
	expect(executions.length > 0, `no ${status || ''} execution of ${workflowId}`);
	const newest = executions.reduce((a, b) => (Number(a.id) > Number(b.id) ? a : b));
	return await n8n.execution(newest.id);
}

function nodeOutput(execution, nodeName) {
	const runs = execution.data.resultData.runData[nodeName];
	return runs
		? runs
				.flatMap((run) => (run.data && run.data.main && run.data.main[0]) || [])
				.map((item) => item.json)
		: [];
}

/** Orders the trigger emitted so far: { ids: [...] in emission order, executions, failed }. */
async function triggerEmissions(n8n, cache) {
	const executions = await n8n.executions(IDS.trigger);
	for (const summary of executions) {
		if (cache.has(summary.id) || !['success', 'error', 'crashed'].includes(summary.status))
			continue;
		const execution = await n8n.execution(summary.id);
		cache.set(summary.id, {
			status: summary.status,
			ids: nodeOutput(execution, TRIGGER_NODE).map((o) => o.orderId),
		});
	}
	const all = [...cache.values()];
	return {
		ids: all.flatMap((e) => e.ids),
		executions: all.length,
		failed: all.filter((e) => e.status !== 'success').length,
	};
}

async function waitFor(what, fn, timeoutMs = 40000, everyMs = 1500) {
	const deadline = Date.now() + timeoutMs;
	let last;
	while (Date.now() < deadline) {
		last = await fn();
		if (last.done) return last;
		await sleep(everyMs);
	}
	throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}: ${short(last)}`);
}

async function runChecks(ctx) {
	const { version, runtime, n8n, sandbox, report, workDir, netlog, opts } = ctx;
	// E2E_ONLY=<groups> (npm run screenshots: types,browser,net) skips the other checks.
	const wanted = (group) => !opts.only || opts.only.includes(group);
	const check = (name, fn, group = 'workflows') =>
		wanted(group) ? report.check(name, fn) : undefined;

	await sandbox.reset({ lifecycle: LIFECYCLE, rateLimit: { enabled: false } });
	const imports = [];
	imports.push(
		await n8n.importCredentials(shared.credentialFile(sandbox, [CREDENTIAL, LIMITED_CREDENTIAL])),
	);
	imports.push(
		await n8n.importWorkflows([
			...testWorkflows(),
			...shared.exampleWorkflows(),
			limitedAgentWorkflow(),
		]),
	);
	const startSeconds = await n8n.start();
	const nodeVersion = nodeVersionOf(runtime);
	report.ok(
		'n8n starts with the package installed from npm pack',
		`n8n ${version} on Node ${nodeVersion}: imports ${imports.map((i) => `${i.seconds}s`).join(' + ')}, ready in ${startSeconds}s`,
	);
	await n8n.setupOwner();

	// --- what n8n loaded -------------------------------------------------------------------------
	await check(
		'node types giftronaut, giftronautTrigger, giftronautTool and credential giftronautApi are loaded',
		async () => {
			const nodes = await n8n.rest('GET', '/types/nodes.json');
			expect(
				nodes.status === 200 && Array.isArray(nodes.body),
				() => `/types/nodes.json: HTTP ${nodes.status}`,
			);
			const names = new Set(nodes.body.map((n) => n.name));
			const wantedTypes = [NODE_TYPE, TRIGGER_TYPE, `${PACKAGE}.giftronautTool`];
			const missing = wantedTypes.filter((t) => !names.has(t));
			expect(
				!missing.length,
				() =>
					`missing ${missing.join(', ')}; package types: ${[...names].filter((n) => n.startsWith(PACKAGE)).join(', ') || 'none'}`,
			);
			const credentials = await n8n.rest('GET', '/types/credentials.json');
			expect(
				credentials.status === 200,
				() => `/types/credentials.json: HTTP ${credentials.status}`,
			);
			const credentialType = credentials.body.find((c) => c.name === 'giftronautApi');
			expect(credentialType, 'credential type giftronautApi missing');
			const node = nodes.body.find((n) => n.name === NODE_TYPE);
			const iconUrl = typeof node.iconUrl === 'object' ? node.iconUrl.light : node.iconUrl;
			const icon = await fetch(`${n8n.base}/${iconUrl}`, { headers: { cookie: n8n.cookie } });
			const svg = await icon.text();
			expect(icon.status === 200 && svg.includes('<svg'), `icon ${iconUrl}: HTTP ${icon.status}`);
			return `${wantedTypes.length} node types + "${credentialType.displayName}" (${nodes.body.length} node types in total), icon ${iconUrl} served`;
		},
		'types',
	);

	// The trigger polls once right away: from here on the credential has its token.
	const tokensBefore = (await sandbox.stats()).tokenRequests;
	await activate(n8n, IDS.trigger);
	// Completed right after activation, before the first scheduled poll: lost if the state saved at
	// activation is not committed (n8n 2.41 with durable poll cursors, E2E_DURABLE_CURSORS=1). With the
	// scheduler on, n8n may run the activation poll after the publish request returns: wait for it.
	for (
		let i = 0;
		i < 60 && !(await sandbox.requests()).some((r) => r.path === '/api/v1/orders');
		i++
	)
		await sleep(250);
	await sleep(2000);
	const completedAfterActivation = await sandbox.seedOrder({
		productId: 'GC-AMAZON-USD',
		recipients: [{ email: 'right-after-activation@example.com', amount: 10 }],
		idempotencyKey: 'e2e-completed-after-activation',
	});
	await sandbox.setStatus(completedAfterActivation.orderId, 'COMPLETE');
	for (const id of [
		IDS.catalog,
		IDS.create,
		IDS.get,
		IDS.getMany,
		IDS.balance,
		EXAMPLES['crm-deal-won-send-gift-card.json'],
		EXAMPLES['new-contact-welcome-campaign.json'],
	]) {
		await activate(n8n, id);
	}

	// --- editor dropdowns --------------------------------------------------------------------------
	await check(
		'Product dropdown (searchProducts) lists the sandbox catalog, pages and filters',
		async () => {
			const first = await listSearch(
				n8n,
				'searchProducts',
				'parameters.product',
				createParameters(),
				'',
			);
			const amazon = first.results.find((r) => r.value === 'GC-AMAZON-USD');
			expect(
				amazon && amazon.name === AMAZON_USD_LABEL,
				() => `GC-AMAZON-USD entry: ${short(amazon)}`,
			);
			let all = first.results;
			let token = first.paginationToken;
			while (token) {
				const page = await listSearch(
					n8n,
					'searchProducts',
					'parameters.product',
					createParameters(),
					'',
					token,
				);
				all = all.concat(page.results);
				token = page.paginationToken;
			}
			expect(
				all.length === BRANDED.length,
				`${all.length} products listed over all pages, sandbox has ${BRANDED.length} branded`,
			);
			const filtered = await listSearch(
				n8n,
				'searchProducts',
				'parameters.product',
				createParameters(),
				'amazon usd',
			);
			expect(
				filtered.results.length === 1 && filtered.results[0].value === 'GC-AMAZON-USD',
				() => `filter "amazon usd": ${short(filtered.results)}`,
			);
			const choice = await listSearch(
				n8n,
				'searchProducts',
				'parameters.product',
				createParameters({ cardType: 'choice' }),
				'',
			);
			expect(
				choice.results.length > 0 &&
					choice.results.every((r) => CHOICE.some((p) => p.productId === r.value)),
				() => `choice: ${short(choice.results)}`,
			);
			return `"${amazon.name}", ${all.length} branded products (first page ${first.results.length}), filter "amazon usd" → 1, choice card type → ${choice.results.length}`;
		},
	);

	await check(
		'Amount dropdown (searchAmounts) offers the denominations of the chosen product',
		async () => {
			const params = createParameters({
				product: { __rl: true, mode: 'list', value: 'GC-AMAZON-USD' },
			});
			const data = await listSearch(n8n, 'searchAmounts', 'parameters.amount', params, '');
			const values = data.results.map((r) => r.value);
			expect(
				JSON.stringify(values) === JSON.stringify(['10', '25', '50', '100']),
				() => `amounts: ${short(data.results)}`,
			);
			return data.results.map((r) => r.name).join(', ');
		},
	);

	await check(
		'Amount dropdown before a product is chosen says "Choose a product first"; Order → Get lists recent orders',
		async () => {
			const amounts = await listSearch(
				n8n,
				'searchAmounts',
				'parameters.amount',
				createParameters(),
				'',
			);
			expect(
				amounts.results.length === 1 &&
					amounts.results[0].name === 'Choose a product first' &&
					amounts.results[0].value === '',
				() => `amounts: ${short(amounts.results)}`,
			);
			const getParameters = {
				resource: 'order',
				operation: 'get',
				orderId: { __rl: true, mode: 'list', value: '' },
			};
			const orders = await listSearch(n8n, 'searchOrders', 'parameters.orderId', getParameters, '');
			const onSandbox = (await sandbox.orders()).map((o) => o.orderId).sort();
			expect(
				JSON.stringify(orders.results.map((r) => r.value).sort()) === JSON.stringify(onSandbox),
				() => `orders: ${short(orders.results)}; sandbox ${onSandbox.join(',')}`,
			);
			return `"${amounts.results[0].name}"; From list: ${orders.results.map((r) => r.name).join(' | ')}`;
		},
	);

	await check('Template and Timezone dropdowns (loadOptions) return data', async () => {
		const templates = await loadOptions(
			n8n,
			'getTemplates',
			'parameters.emailSettings.templateId',
			createParameters(),
		);
		expect(
			templates.length === TEMPLATES.length &&
				templates[0].value === TEMPLATES.find((t) => t.isDefault).templateId,
			() => `templates: ${short(templates)}`,
		);
		const zones = await loadOptions(n8n, 'getTimezones', 'parameters.timezone', createParameters());
		expect(
			zones[0].value === '' &&
				/^Workflow Time Zone \(.+\)$/.test(zones[0].name) &&
				zones[1].value === 'UTC',
			() => `first time zones: ${short(zones.slice(0, 3))}`,
		);
		expect(
			zones.some((z) => z.value === 'Europe/Berlin') && zones.length > 50,
			() => `time zones: ${short(zones)}`,
		);
		return `${templates.length} templates (default "${templates[0].name}" first), "${zones[0].name}" then ${zones.length - 1} time zones`;
	});

	// --- workflows -------------------------------------------------------------------------------
	await check(
		'Catalog → Get Many Branded Cards runs in a workflow (Return All + filter, and Limit)',
		async () => {
			const amazon = await callWebhook(n8n, 'e2e-catalog', { returnAll: true, brand: 'Amazon' });
			const expected = BRANDED.filter((p) => p.brandName === 'Amazon')
				.map((p) => p.productId)
				.sort();
			const got = amazon.map((p) => p.productId).sort();
			expect(
				JSON.stringify(got) === JSON.stringify(expected),
				`brand Amazon: ${got.join(',')} (sandbox: ${expected.join(',')})`,
			);
			const limited = await callWebhook(n8n, 'e2e-catalog', { limit: 7 });
			expect(limited.length === 7, `limit 7 gave ${limited.length} items`);
			return `Amazon: ${got.join(', ')}; Limit 7 → 7 items`;
		},
	);

	const recipient = {
		email: 'ada@example.com',
		firstName: 'Ada',
		lastName: 'Lovelace',
		amount: '25',
	};
	let createdOrderId;
	await check('Order → Create sends one order to the sandbox', async () => {
		const before = (await sandbox.orders()).length;
		const items = await callWebhook(n8n, 'e2e-order', recipient);
		expect(items.length === 1 && items[0].orderId, () => `output: ${short(items)}`);
		createdOrderId = items[0].orderId;
		const orders = await sandbox.orders();
		expect(
			orders.length === before + 1,
			`sandbox has ${orders.length} orders, expected ${before + 1}`,
		);
		const order = orders.find((o) => o.orderId === createdOrderId);
		expect(order, `order ${createdOrderId} not on the sandbox`);
		const [r] = order.recipients;
		expect(
			order.productId === 'GC-AMAZON-USD' &&
				r.email === recipient.email &&
				r.amount === 25 &&
				r.firstName === 'Ada',
			() => `sandbox order: ${short(order)}`,
		);
		return `${createdOrderId}: ${order.productId}, ${r.email} ${r.amount} ${order.totalCost.currency}, status ${items[0].status}`;
	});

	await check('re-running the same Create makes no second order', async () => {
		const before = await sandbox.orders();
		const items = await callWebhook(n8n, 'e2e-order', recipient);
		const after = await sandbox.orders();
		expect(
			items[0] && items[0].orderId === createdOrderId,
			() => `second run answered ${short(items)}, first was ${createdOrderId}`,
		);
		expect(after.length === before.length, `sandbox orders ${before.length} → ${after.length}`);
		const replayed = (await sandbox.requests()).filter((r) => r.outcome === 'replayed').length;
		return `same order ${createdOrderId}, sandbox still ${after.length} order(s) (${replayed} idempotent replay)`;
	});

	await check(
		'an invalid amount fails the execution naming the Amount field, and orders nothing',
		async () => {
			const before = (await sandbox.orders()).length;
			const response = await n8n.webhook('e2e-order', {
				...recipient,
				email: 'bob@example.com',
				amount: '30',
			});
			expect(
				response.status >= 400,
				() => `webhook answered ${response.status} ${short(response.body)}`,
			);
			const execution = await newestExecution(n8n, IDS.create, 'error');
			const error = execution.data.resultData.error || {};
			const text = `${error.message || ''} ${error.description || ''}`;
			expect(
				/amount/i.test(text) && /30/.test(text),
				`error does not name the amount: ${short(text)}`,
			);
			const after = (await sandbox.orders()).length;
			expect(after === before, `sandbox orders ${before} → ${after}`);
			return `"${short(error.message, 160)}"; sandbox orders unchanged (${after})`;
		},
	);

	await check('Order → Get returns the order with its recipients', async () => {
		const [order] = await callWebhook(n8n, 'e2e-order-get', { orderId: createdOrderId });
		const sandboxOrder = await sandbox.order(createdOrderId);
		expect(
			order && order.orderId === createdOrderId && order.status === sandboxOrder.status,
			() => `got ${short(order)}`,
		);
		expect(
			Array.isArray(order.recipients) && order.recipients[0].email === recipient.email,
			() => `recipients: ${short(order.recipients)}`,
		);
		return `${order.orderId} ${order.status}, ${order.recipients.length} recipient, rewardLink ${order.recipients[0].rewardLink}`;
	});

	await check(
		'CRM deal won example: one card per deal, a repeated call for the same deal sends nothing',
		async () => {
			const deal = (dealId) => ({
				dealId,
				dealName: 'Acme renewal',
				contact: { email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper' },
			});
			const before = (await sandbox.orders()).length;
			const [first] = await callWebhook(n8n, 'deal-won', deal('D-1001'));
			const [again] = await callWebhook(n8n, 'deal-won', deal('D-1001'));
			const [other] = await callWebhook(n8n, 'deal-won', deal('D-1002'));
			const orders = await sandbox.orders();
			expect(
				first && first.orderId && again.orderId === first.orderId,
				() => `D-1001 twice: ${short([first, again])}`,
			);
			expect(other.orderId && other.orderId !== first.orderId, () => `D-1002: ${short(other)}`);
			expect(
				orders.length === before + 2,
				`sandbox orders ${before} → ${orders.length}, expected +2`,
			);
			const sent = orders.find((o) => o.orderId === first.orderId);
			expect(
				sent.recipients[0].email === 'grace@example.com' && sent.recipients[0].amount === 25,
				() => `order: ${short(sent)}`,
			);
			return `D-1001 → ${first.orderId} (twice), D-1002 → ${other.orderId}; sandbox +2 orders`;
		},
	);

	await check(
		'welcome campaign example: a new contact is added to the address book and gets the campaign once; a redelivery sends nothing',
		async () => {
			await sandbox.control('POST', 'campaigns', shared.WELCOME_CAMPAIGN);
			const contact = (contactId, email, firstName) => ({
				contactId,
				email,
				firstName,
				lastName: 'Lovelace',
				company: 'Acme',
			});
			const before = (await sandbox.orders()).length;
			const [first] = await callWebhook(
				n8n,
				'new-contact',
				contact('C-42', 'ada@example.com', 'Ada'),
			);
			const [again] = await callWebhook(
				n8n,
				'new-contact',
				contact('C-42', 'ada@example.com', 'Ada'),
			);
			const [other] = await callWebhook(
				n8n,
				'new-contact',
				contact('C-43', 'grace@example.com', 'Grace'),
			);
			const orders = (await sandbox.orders()).slice(before);
			expect(
				first &&
					first.orderType === 'CAMPAIGN' &&
					first.campaignId === 'CA-WELCOME1' &&
					first.replayed === false,
				() => `first: ${short(first)}`,
			);
			expect(
				again.orderId === first.orderId && again.replayed === true,
				() => `redelivery: ${short(again)}`,
			);
			expect(other.orderId && other.orderId !== first.orderId, () => `C-43: ${short(other)}`);
			expect(orders.length === 2, `sandbox orders +${orders.length}, expected +2`);
			const recipients = orders.map(
				(o) => `${o.recipients[0].email} ${o.totalCost.amount} ${o.totalCost.currency}`,
			);
			expect(
				recipients.join() === 'ada@example.com 25 USD,grace@example.com 25 USD',
				`recipients: ${recipients.join('; ')}`,
			);
			return `C-42 → ${first.orderId} (twice, replayed), C-43 → ${other.orderId}; ${recipients.join('; ')}; key ${first.idempotencyKey}`;
		},
	);

	await check('Order → Get Many lists the orders of the sandbox', async () => {
		const items = await callWebhook(n8n, 'e2e-orders', {});
		const orders = await sandbox.orders();
		const got = items.map((o) => o.orderId).sort();
		const expected = orders.map((o) => o.orderId).sort();
		expect(
			JSON.stringify(got) === JSON.stringify(expected),
			`got ${got.join(',')}; sandbox ${expected.join(',')}`,
		);
		return `${got.length} orders, matching the sandbox`;
	});

	await check('Balance → Get returns the sandbox balance', async () => {
		const [balance] = await callWebhook(n8n, 'e2e-balance', {});
		const expected = await sandbox.control('GET', 'balance');
		expect(
			balance &&
				JSON.stringify(balance.availableBalance) === JSON.stringify(expected.availableBalance),
			() => `got ${short(balance)}; sandbox ${short(expected)}`,
		);
		return `available ${balance.availableBalance.amount} ${balance.availableBalance.currency}, pending ${balance.pendingBalance.amount}`;
	});

	await check(
		'the example workflows import (CRM deal won, bulk send, order completed → notify, welcome campaign, AI agent) and every node type they use is loaded',
		async () => {
			const loaded = new Set((await n8n.rest('GET', '/types/nodes.json')).body.map((t) => t.name));
			const found = [];
			for (const [file, id] of Object.entries(EXAMPLES)) {
				const { status, body } = await n8n.rest('GET', `/rest/workflows/${id}`);
				expect(status === 200, `${file}: HTTP ${status}`);
				const types = body.data.nodes.map((node) => node.type);
				expect(
					types.some((t) => t.startsWith(`${PACKAGE}.`)),
					`${file} has no Giftronaut node`,
				);
				const unknown = types.filter((t) => !loaded.has(t));
				expect(unknown.length === 0, () => `${file} uses node types this n8n lacks: ${unknown}`);
				found.push(`"${body.data.name}" (${body.data.nodes.length} nodes)`);
			}
			return found.join(', ');
		},
	);

	// --- credential test button (forces a fresh token exchange by design) ------------------------
	const tokensBeforeTests = (await sandbox.stats()).tokenRequests;
	await check('credential Test succeeds with the right secret', async () => {
		const { result } = await testCredential(n8n, sandbox, sandbox.clientSecret);
		expect(result.status === 'OK', () => `result: ${short(result)}`);
		return `${result.status}: ${result.message}`;
	});
	await check('credential Test fails clearly with a wrong secret, without echoing it', async () => {
		const { result, raw } = await testCredential(n8n, sandbox, WRONG_SECRET);
		expect(result.status === 'Error', () => `result: ${short(result)}`);
		expect(
			/client secret/i.test(result.message) || /INVALID_CLIENT/.test(result.message),
			`message: ${result.message}`,
		);
		expect(
			!raw.includes(WRONG_SECRET) && !raw.includes(sandbox.clientSecret),
			'the secret appears in the response',
		);
		return `${result.status}: "${short(result.message, 160)}"`;
	});
	const credentialTestTokens = (await sandbox.stats()).tokenRequests - tokensBeforeTests;

	// --- trigger ---------------------------------------------------------------------------------
	await check(
		'Giftronaut Trigger fires once per order reaching COMPLETE (scheduled too, canceled never)',
		async () => {
			const clock = await sandbox.clock();
			const scheduledAt = new Date(clock.nowMs + 20 * MINUTE).toISOString().slice(0, 19);
			const scheduled = await sandbox.seedOrder({
				productId: 'GC-STARBUCKS-USD',
				recipients: [{ email: 'scheduled@example.com', amount: 20 }],
				sendTiming: { type: 'SCHEDULED', scheduledAt, timezone: 'UTC' },
				idempotencyKey: 'e2e-scheduled-order',
			});
			const canceled = await sandbox.seedOrder({
				productId: 'GC-AMAZON-USD',
				recipients: [{ email: 'cancel@example.com', amount: 10 }],
				idempotencyKey: 'e2e-canceled-order',
			});
			await sandbox.setStatus(canceled.orderId, 'CANCELED');
			const cache = new Map();
			const completeIds = async () =>
				(await sandbox.orders()).filter((o) => o.status === 'COMPLETE').map((o) => o.orderId);

			await sandbox.advanceClock(12 * MINUTE); // every immediate order completes; the scheduled one has not started
			const immediate = await completeIds();
			expect(
				immediate.length >= 4 && !immediate.includes(scheduled.orderId),
				`complete after +12 min: ${immediate.join(',')}`,
			);
			await waitFor('the immediate orders', async () => {
				const seen = await triggerEmissions(n8n, cache);
				return {
					done: immediate.every((id) => seen.ids.includes(id)),
					seen: seen.ids,
					want: immediate,
				};
			});

			await sandbox.advanceClock(20 * MINUTE); // the scheduled order's send time + its lifecycle
			expect(
				(await sandbox.order(scheduled.orderId)).status === 'COMPLETE',
				'scheduled order not COMPLETE after +32 min',
			);
			await waitFor('the scheduled order', async () => {
				const seen = await triggerEmissions(n8n, cache);
				return { done: seen.ids.includes(scheduled.orderId), seen: seen.ids };
			});
			await sleep(11000); // two more polls: nothing may be emitted twice
			const seen = await triggerEmissions(n8n, cache);
			const complete = await completeIds();
			const duplicates = seen.ids.filter((id, i) => seen.ids.indexOf(id) !== i);
			const missing = complete.filter((id) => !seen.ids.includes(id));
			const extra = seen.ids.filter((id) => !complete.includes(id));
			expect(!duplicates.length, `emitted twice: ${duplicates.join(',')}`);
			expect(!missing.length, `never emitted: ${missing.join(',')}`);
			expect(
				!extra.length,
				`emitted but not COMPLETE (canceled ${canceled.orderId}): ${extra.join(',')}`,
			);
			expect(seen.failed === 0, `${seen.failed} trigger execution(s) failed`);
			return `${seen.ids.length} orders in ${seen.executions} trigger executions = the ${complete.length} COMPLETE orders (scheduled ${scheduled.orderId} included, canceled ${canceled.orderId} not)`;
		},
	);

	// --- tokens ----------------------------------------------------------------------------------
	await check('one token request serves every workflow execution, dropdown and poll', async () => {
		const stats = await sandbox.stats();
		const executions = (
			await Promise.all(
				Object.values(IDS)
					.concat(Object.values(EXAMPLES))
					.map((id) => n8n.executions(id)),
			)
		).flat().length;
		const forWork = stats.tokenRequests - tokensBefore - credentialTestTokens;
		expect(tokensBefore === 0, `${tokensBefore} token request(s) before the first use`);
		expect(
			forWork === 1,
			`${forWork} token requests for the work (total ${stats.tokenRequests}, ${credentialTestTokens} from credential Tests)`,
		);
		return `1 token for ${executions} executions + the CLI run + dropdowns (${stats.apiRequests} API requests); the 2 credential Tests made ${credentialTestTokens} own exchange(s) by design`;
	});

	// --- the examples end to end (checks-examples.js, checks-agent.js) ----------------------------
	if (wanted('workflows') || wanted('examples')) {
		const examples = { n8n, sandbox, check: (name, fn) => report.check(name, fn) };
		await require('./checks-examples').runExampleChecks(examples);
		await require('./checks-agent').runAgentChecks({ ...examples, version });
	}

	// --- the editor in a browser -----------------------------------------------------------------
	if (opts.browserOn(version)) {
		await check(
			'editor in headless Chromium: the Product dropdown lists the sandbox products',
			async () => {
				const { productDropdownInEditor } = require('./lib/browser');
				const dir = opts.screenshotsDir || workDir;
				fs.mkdirSync(dir, { recursive: true });
				const shots = {
					canvas: path.join(dir, 'editor-canvas.png'),
					dropdown: path.join(dir, 'product-dropdown.png'),
				};
				const started = Date.now();
				const { items, aborted } = await productDropdownInEditor({
					base: n8n.base,
					email: OWNER.email,
					password: OWNER.password,
					workflowId: EXAMPLES['crm-deal-won-send-gift-card.json'],
					nodeName: 'Send gift card',
					expectProducts: [AMAZON_USD_LABEL, STARBUCKS_USD_LABEL],
					shots,
				});
				expect(
					items.includes(AMAZON_USD_LABEL) &&
						items.includes(STARBUCKS_USD_LABEL) &&
						items.length > 10,
					() => `dropdown: ${short(items)}`,
				);
				return `${items.length} entries incl. "${AMAZON_USD_LABEL}", "${STARBUCKS_USD_LABEL}"; ${aborted.length} non-local request(s) blocked; ${Math.round((Date.now() - started) / 1000)}s; screenshots in ${dir}`;
			},
			'browser',
		);
	}

	if (opts.browserOn(version)) {
		await check(
			'editor in headless Chromium: the node creator finds Giftronaut by its job; actions and the Create panel say it',
			async () => {
				const { nodeCreatorSearch } = require('./browser-search');
				const dir = opts.screenshotsDir || workDir;
				const shots = {
					search: path.join(dir, 'node-creator-search.png'),
					actions: path.join(dir, 'node-creator-actions.png'),
					panel: path.join(dir, 'order-create-panel.png'),
				};
				const terms = ['gift card', 'send gift card', 'reward', 'incentive', 'voucher'];
				const { found, actions, description, panelText } = await nodeCreatorSearch({
					base: n8n.base,
					email: OWNER.email,
					password: OWNER.password,
					workflowId: EXAMPLES['crm-deal-won-send-gift-card.json'],
					nodeName: 'Send gift card',
					terms,
					shots,
				});
				const missing = terms.filter((term) => !found[term].includes('Giftronaut'));
				expect(!missing.length, () => `no Giftronaut for ${missing.join(', ')}: ${short(found)}`);
				expect(
					/gift cards/i.test(description) && /orders complete/i.test(description),
					`description shown: ${description}`,
				);
				expect(
					actions.some((a) => a.includes('Send a gift card')),
					() => `actions: ${short(actions)}`,
				);
				for (const label of [
					'Expiry and Refund',
					'Wait for Completion',
					'Reward links exist only once an order is COMPLETE',
				]) {
					expect(
						panelText.includes(label),
						() => `panel lacks "${label}": ${short(panelText, 400)}`,
					);
				}
				return `${terms.map((term) => `"${term}" → ${found[term].slice(0, 4).join(', ') || 'nothing'}`).join('; ')}; actions ${actions.join(' | ')}`;
			},
			'browser',
		);
	}

	if (wanted('webhook'))
		await require('./checks-webhook').runWebhookChecks({
			n8n,
			sandbox,
			check: (name, fn) => report.check(name, fn),
		});

	// --- nothing left the machine ------------------------------------------------------------------
	await n8n.stop();
	await check(
		'no n8n process tried to reach a non-loopback address',
		async () => {
			const lines = fs.readFileSync(netlog, 'utf8').split('\n').filter(Boolean);
			expect(!lines.length, () => `${lines.length} attempt(s): ${short(lines.slice(0, 5))}`);
			return 'dns lookups and connects watched in every n8n process: none';
		},
		'net',
	);
}

function nodeVersionOf(runtime) {
	return run(runtime.node, ['-p', 'process.versions.node']).stdout.trim();
}

module.exports = { runChecks, activate, triggerEmissions, waitFor, LIFECYCLE };
