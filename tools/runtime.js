'use strict';

// Locates (and installs once, via tools/runtime.sh) the n8n runtime of one release line.
const { spawn } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const RUNTIME_SH = path.join(__dirname, 'runtime.sh');

/** The tested lines, oldest first: n8n 1.123.50 and 2.8.4 run on the machine's Node 20, 2.41.1 on Node 24. */
const LINES = ['1.123.50', '2.8.4', '2.41.1'];

/** Where tools/runtime.sh keeps the runtimes (GIFTRONAUT_CACHE, else ~/.cache/n8n-nodes-giftronaut). */
function cacheDir() {
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return process.env.GIFTRONAUT_CACHE || path.join(base, 'n8n-nodes-giftronaut');
}

/** The runtime of n8n `version`: { version, bin, home (its install folder), nodeHome, node }. */
function useN8n(version) {
	return new Promise((resolve, reject) => {
		const script = `source "${RUNTIME_SH}" && use_n8n "$1" && printf '%s\\n%s\\n%s\\n' "$N8N_BIN" "$N8N_HOME" "$N8N_NODE_HOME"`;
		// Install progress goes to stderr: pass it through, a cold install takes minutes.
		const child = spawn('bash', ['-c', script, 'use_n8n', version], {
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let out = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.on('error', reject);
		child.on('exit', (code) => {
			const [bin, home, nodeHome] = out.trim().split('\n');
			if (code !== 0 || !bin)
				return reject(new Error(`tools/runtime.sh could not provide n8n ${version}`));
			resolve({ version, bin, home, nodeHome, node: path.join(nodeHome, 'bin', 'node') });
		});
	});
}

module.exports = { LINES, cacheDir, useN8n };
