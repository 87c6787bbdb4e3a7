// Jest setupFilesAfterEnv entry (plain JS: n8n's lint rules ban `process`/timers in .ts files).
//
// n8n-core's SSHClientsManager is created lazily by the DI container the first time an
// ExecuteContext / LoadOptionsContext is built, and it starts a 60 s setInterval that is never
// unref'd. n8n clears it on shutdown; a test process has to do the same or Jest never exits.
const path = require('node:path');

afterAll(() => {
	const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
	const { Container } = require(require.resolve('@n8n/di', { paths: [coreDir] }));
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
});
