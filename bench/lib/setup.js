'use strict';
// Builds the test harness (and the node it loads) with tsc into bench/tmp/build, then loads it.
// The benchmark reuses the harness and the sandbox as they are: nothing here re-implements them.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const TMP = path.join(ROOT, 'bench', 'tmp');
const BUILD = path.join(TMP, 'build');

function build() {
	fs.rmSync(BUILD, { recursive: true, force: true });
	fs.mkdirSync(BUILD, { recursive: true });
	const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
	try {
		execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'bench', 'tsconfig.json')], {
			cwd: ROOT,
			stdio: 'pipe',
		});
	} catch (error) {
		// noEmitOnError is off: type errors in files being edited elsewhere still leave runnable JS.
		const out = String(error.stdout || '') + String(error.stderr || '');
		if (!fs.existsSync(path.join(BUILD, 'test', 'harness', 'index.js')))
			throw new Error(`tsc failed:\n${out}`);
		process.stderr.write(
			`bench: tsc reported type errors (JS emitted anyway):\n${out.split('\n').slice(0, 10).join('\n')}\n`,
		);
	}
	// The harness imports '../sandbox' (plain JS in the repo, not compiled): point it at the real one.
	const sandboxDir = path.join(BUILD, 'test', 'sandbox');
	fs.mkdirSync(sandboxDir, { recursive: true });
	fs.writeFileSync(
		path.join(sandboxDir, 'index.js'),
		`module.exports = require(${JSON.stringify(path.join(ROOT, 'test', 'sandbox', 'index.js'))});\n`,
	);
}

function prepareEnvironment() {
	const userFolder = path.join(TMP, 'n8n-user');
	fs.mkdirSync(userFolder, { recursive: true });
	process.env.N8N_USER_FOLDER = userFolder;
	process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'debug';
	process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
}

function loadHarness() {
	return require(path.join(BUILD, 'test', 'harness', 'index.js'));
}

/** n8n-core keeps a 60 s interval (SSH clients manager) alive; stop it like n8n does on shutdown. */
function shutdownN8nCore() {
	try {
		const coreDir = path.dirname(require.resolve('n8n-core/package.json'));
		const { Container } = require(require.resolve('@n8n/di', { paths: [coreDir] }));
		const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
		if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
	} catch {
		/* nothing to stop */
	}
}

module.exports = { ROOT, TMP, BUILD, build, prepareEnvironment, loadHarness, shutdownN8nCore };
