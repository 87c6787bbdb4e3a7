'use strict';
// The sandbox in its own process (test/sandbox/cli.js), as a server would be: the node under test
// and the sandbox compete for the 2 cores, not for one event loop. Controlled over /__sandbox/.
const { spawn } = require('node:child_process');
const path = require('node:path');
const axios = require('axios');
const http = require('node:http');

const { ROOT } = require('./setup');

async function startSandboxProcess(args = []) {
	const child = spawn(
		process.execPath,
		[path.join(ROOT, 'test', 'sandbox', 'cli.js'), '--port', '0', '--quiet', '--pending-ms', '0', '--in-progress-ms', '0', ...args],
		{ stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const url = await new Promise((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk) => {
			out += chunk;
			const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
			if (match) resolve(match[1]);
		});
		child.once('exit', (code) => reject(new Error(`sandbox process exited (${code}): ${out}`)));
	});
	const agent = new http.Agent({ keepAlive: true });
	const control = async (method, route, data) =>
		(await axios({ method, url: `${url}/__sandbox/${route}`, data, httpAgent: agent })).data;
	return {
		url,
		clientId: 'demo-client-id',
		clientSecret: 'demo-client-secret',
		control,
		stats: () => control('GET', 'stats'),
		async close() {
			agent.destroy();
			if (child.exitCode !== null) return;
			await new Promise((resolve) => {
				child.once('exit', resolve);
				child.kill('SIGTERM');
			});
		},
	};
}

module.exports = { startSandboxProcess };
