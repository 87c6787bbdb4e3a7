#!/usr/bin/env node
'use strict';

// Local Giftronaut sandbox for demos and manual testing: `npm run sandbox -- --port 8787`.
const { startSandbox } = require('./index');

function usage(msg) {
	if (msg) process.stderr.write(`${msg}\n`);
	process.stderr.write(
		'Usage: node test/sandbox/cli.js [--port N] [--no-rate-limit] [--pending-ms N] [--in-progress-ms N] [--quiet]\n',
	);
	process.exit(msg ? 2 : 0);
}

function parseArgs(argv) {
	const envPort = process.env.GIFTRONAUT_SANDBOX_PORT;
	const opts = {
		port: envPort !== undefined && envPort !== '' ? Number(envPort) : 8787,
		rateLimit: true,
		pendingMs: 3000,
		inProgressMs: 4000,
		quiet: false,
	};
	const num = (i, name) => {
		const v = argv[i + 1];
		if (v === undefined || !/^\d+$/.test(v)) usage(`${name} needs a non-negative integer`);
		return Number(v);
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const [flag, inline] = a.includes('=')
			? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
			: [a, undefined];
		if (inline !== undefined) argv.splice(i + 1, 0, inline);
		switch (flag) {
			case '--port':
				opts.port = num(i, '--port');
				i++;
				break;
			case '--pending-ms':
				opts.pendingMs = num(i, '--pending-ms');
				i++;
				break;
			case '--in-progress-ms':
				opts.inProgressMs = num(i, '--in-progress-ms');
				i++;
				break;
			case '--no-rate-limit':
				opts.rateLimit = false;
				break;
			case '--quiet':
				opts.quiet = true;
				break;
			case '--help':
			case '-h':
				usage();
				break;
			default:
				usage(`Unknown option ${a}`);
		}
	}
	if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535)
		usage('port must be 0..65535');
	return opts;
}

async function main() {
	const o = parseArgs(process.argv.slice(2));
	const sandbox = await startSandbox({
		port: o.port,
		rateLimit: { enabled: o.rateLimit, perMinute: 60 },
		lifecycle: { pendingMs: o.pendingMs, inProgressMs: o.inProgressMs },
		onRequest: o.quiet
			? undefined
			: (e) => {
					const extra = [e.fault && `fault=${e.fault}`, e.outcome && `outcome=${e.outcome}`]
						.filter(Boolean)
						.join(' ');
					process.stdout.write(
						`${e.at} ${e.method} ${e.path} -> ${e.status || 'dropped'} ${e.durationMs}ms${extra ? ' ' + extra : ''}\n`,
					);
				},
	});
	process.stdout.write(
		`Giftronaut sandbox listening on ${sandbox.url}  client_id=${sandbox.clientId} client_secret=${sandbox.clientSecret}\n`,
	);
	let stopping = false;
	const stop = () => {
		if (stopping) return;
		stopping = true;
		sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((e) => {
	process.stderr.write(`Could not start the Giftronaut sandbox: ${e.message}\n`);
	process.exit(1);
});
