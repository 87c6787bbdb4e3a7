#!/usr/bin/env node
'use strict';

// The demo behind `npm run demo` (scripts/demo.sh builds first): the local Giftronaut sandbox with
// its rate limit and a realistic order lifecycle, n8n 2.8.4 with this package installed from
// `npm pack`, an owner account, a credential pointing at the sandbox and the example workflows.
// The n8n user folder is created fresh on every start (the sandbox keeps its orders in memory
// only, so old executions would point at orders that no longer exist); it stays on disk after
// Ctrl-C for a look at the logs, until the next start.
//
//   DEMO_N8N_PORT (5678)   GIFTRONAUT_SANDBOX_PORT (8787)   GIFTRONAUT_CACHE (~/.cache/n8n-nodes-giftronaut)
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const proc = require('../tools/proc');
const { useN8n, cacheDir } = require('../tools/runtime');
const { N8n, OWNER, pack, installPackage } = require('../tools/n8n');
const { SandboxProcess } = require('../tools/sandbox');
const fixtures = require('../tools/fixtures');

const VERSION = '2.8.4';
const CREDENTIAL = { id: 'giftronautSandbox', name: 'Giftronaut Sandbox' };
const DEAL_WON = 'crm-deal-won-send-gift-card.json';
const WELCOME = 'new-contact-welcome-campaign.json';

async function portIsFree(port) {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

function step(text) {
	process.stdout.write(`• ${text}\n`);
}

async function main() {
	proc.installExitHandlers();
	const n8nPort = Number(process.env.DEMO_N8N_PORT || 5678);
	const sandboxPort = Number(process.env.GIFTRONAUT_SANDBOX_PORT || 8787);
	for (const [port, what, variable] of [
		[n8nPort, 'n8n', 'DEMO_N8N_PORT'],
		[sandboxPort, 'the sandbox', 'GIFTRONAUT_SANDBOX_PORT'],
	]) {
		if (!(await portIsFree(port)))
			throw new Error(`port ${port} for ${what} is in use: stop what uses it or set ${variable}`);
	}

	step(`n8n ${VERSION} (installed once into ${cacheDir()}, ~6 min the first time)`);
	const runtime = await useN8n(VERSION);

	const home = path.join(cacheDir(), 'demo');
	fs.rmSync(home, { recursive: true, force: true });
	const userFolder = path.join(home, 'user');
	fs.mkdirSync(userFolder, { recursive: true });

	step('npm pack + install as a community package');
	const packed = pack(home);
	installPackage(packed.tarball, userFolder, packed.name);

	step(
		`Giftronaut sandbox on 127.0.0.1:${sandboxPort} (60 requests/min, orders PENDING 3 s then IN_PROGRESS 4 s)`,
	);
	const sandbox = await SandboxProcess.start({
		port: sandboxPort,
		logFile: path.join(home, 'sandbox.log'),
	});

	const n8n = new N8n({
		runtime,
		userFolder,
		logDir: home,
		port: n8nPort,
		brokerPort: await proc.freePort(),
		cliBrokerPort: await proc.freePort(),
	});
	step('credential "Giftronaut Sandbox" and the example workflows');
	await n8n.importCredentials(fixtures.credentialFile(sandbox, [CREDENTIAL]));
	const examples = fixtures.exampleWorkflows(CREDENTIAL);
	await n8n.importWorkflows(examples);
	const dealWonId = fixtures.EXAMPLES[DEAL_WON];
	await sandbox.control('POST', 'campaigns', fixtures.WELCOME_CAMPAIGN);
	await n8n.publish([dealWonId, fixtures.EXAMPLES[WELCOME]]);

	step('n8n start');
	const seconds = await n8n.start();
	await n8n.setupOwner();

	const url = n8n.base;
	const lines = [
		'',
		`n8n ${VERSION} is ready (started in ${seconds} s):  ${url}`,
		`  login     ${OWNER.email}  /  ${OWNER.password}`,
		`  workflows ${examples.map((w) => `"${w.name}"`).join(', ')}`,
		`  sandbox   ${sandbox.url}  (client_id ${sandbox.clientId}; orders: ${sandbox.url}/__sandbox/orders)`,
		'',
		'"CRM deal won → send a gift card" is published; send it a deal:',
		`  curl -s -X POST ${url}/webhook/deal-won -H 'content-type: application/json' \\`,
		`    -d '{"dealId":"D-1001","contact":{"email":"ada@example.com","firstName":"Ada","lastName":"Lovelace"}}'`,
		'',
		'"New CRM contact → address book → welcome campaign" is published too (campaign CA-WELCOME1 seeded):',
		`  curl -s -X POST ${url}/webhook/new-contact -H 'content-type: application/json' \\`,
		`    -d '{"contactId":"C-42","email":"ada@example.com","firstName":"Ada","lastName":"Lovelace"}'`,
		'',
		`Logs: ${home}/n8n-server.log, ${home}/sandbox.log (the folder is recreated on the next start)`,
		'Ctrl-C stops n8n and the sandbox.',
		'',
	];
	process.stdout.write(lines.join('\n'));

	const stopped = await Promise.race([
		n8n.server.exited.then(() => 'n8n'),
		sandbox.child.exited.then(() => 'the sandbox'),
	]);
	if (proc.interrupted()) return; // Ctrl-C: the signal handler stops everything and exits
	process.stderr.write(`${stopped} stopped unexpectedly; see the logs in ${home}\n`);
	await proc.stopAll();
	process.exit(1);
}

main().catch(async (error) => {
	process.stderr.write(`demo failed: ${error.message}\n`);
	await proc.stopAll();
	process.exit(1);
});
