'use strict';

const { createCore, defaultConfig } = require('./core');
const { createHttpServer } = require('./server');
const { KNOWN_SCOPES, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } = require('./auth');
const { FAULT_KINDS } = require('./faults');
const { SandboxError } = require('./util');

const LOOPBACK = new Set(['127.0.0.1', 'localhost']);

/**
 * Start a local Giftronaut sandbox on 127.0.0.1.
 * @param {object} [options] { port = 0, host = '127.0.0.1', onRequest?, ...config }
 */
async function startSandbox(options) {
	const { port = 0, host = '127.0.0.1', onRequest, ...config } = options || {};
	if (!LOOPBACK.has(host))
		throw new Error(`The Giftronaut sandbox only listens on 127.0.0.1 (got host "${host}")`);
	let baseUrl = '';
	const core = createCore(config, () => baseUrl);
	const { server, close } = createHttpServer(core, onRequest);
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	baseUrl = `http://127.0.0.1:${server.address().port}`;
	let closed;
	return {
		url: baseUrl,
		port: server.address().port,
		clientId: DEMO_CLIENT_ID,
		clientSecret: DEMO_CLIENT_SECRET,
		close: () => (closed = closed || close()),
		reset: core.reset,
		configure: core.configure,
		config: core.getConfig,
		advanceClock: core.advanceClock,
		now: core.now,
		expireTokens: core.expireTokens,
		addClient: core.addClient,
		injectFault: core.injectFault,
		pendingFaults: core.pendingFaults,
		clearFaults: core.clearFaults,
		createOrder: core.createOrder,
		createCampaign: core.createCampaign,
		deleteCampaign: core.deleteCampaign,
		campaigns: core.campaigns,
		createRecipient: core.createRecipient,
		recipients: core.recipients,
		templates: core.templates,
		orders: core.orders,
		order: core.order,
		setOrderStatus: core.setOrderStatus,
		requests: core.requests,
		clearRequests: core.clearRequests,
		stats: core.stats,
		balance: core.balance,
		issuedTokens: core.issuedTokens,
	};
}

module.exports = {
	startSandbox,
	defaultConfig,
	KNOWN_SCOPES,
	FAULT_KINDS,
	DEMO_CLIENT_ID,
	DEMO_CLIENT_SECRET,
	SandboxError,
};
