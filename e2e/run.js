#!/usr/bin/env node
'use strict';

// End-to-end suite against a REAL n8n (npm run test:e2e). For each n8n line: pack this package,
// install it as a community package in a fresh user folder, start the local Giftronaut sandbox and
// `n8n start`, then check n8n's answers and the sandbox's state. Prints one OK/FAIL line per check
// and "N passed, N failed"; exits 1 on any failure.
//
//   E2E_N8N_VERSIONS=2.8.4          only one line (default: every line, 1.123.50,2.8.4,2.41.1)
//   E2E_BROWSER=none|all|<version>  where the headless-Chromium editor check runs (default 1.123.50,2.8.4)
//   E2E_KEEP=1                      keep the work folders (logs, sqlite db) for inspection
//   E2E_DURABLE_CURSORS=0|1         n8n 2.41's durable poll cursors (N8N_POLLER_DURABLE_CURSORS_ENABLED
//                                   and the scheduler switches it needs): default on for the regular
//                                   2.41 line, off elsewhere; 1 turns them on for every line
//   E2E_SCREENSHOTS_DIR=docs        write the editor screenshots there (npm run screenshots)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const proc = require('../tools/proc');
const { LINES, useN8n } = require('../tools/runtime');
const { N8n, pack, installPackage } = require('../tools/n8n');
const { SandboxProcess } = require('../tools/sandbox');
const { Report } = require('./lib/report');
const { runChecks } = require('./checks');
const { runQueueLine, queueOn } = require('./queue');

const ROOT = path.join(__dirname, '..');

/** n8n 2.41 keeps poll state as durable cursors only with the scheduler chain on as well. */
const DURABLE_CURSOR_ENV = {
	N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
};
if (process.env.E2E_DURABLE_CURSORS === '1') Object.assign(process.env, DURABLE_CURSOR_ENV);

/** Runs `fn` with the durable-cursor switches on for the regular 2.41 line (unless E2E_DURABLE_CURSORS=0). */
async function withDurableCursors(version, fn) {
	const setting = process.env.E2E_DURABLE_CURSORS;
	if (setting === '1' || setting === '0' || !version.startsWith('2.41.')) return await fn();
	const saved = Object.fromEntries(
		Object.keys(DURABLE_CURSOR_ENV).map((name) => [name, process.env[name]]),
	);
	Object.assign(process.env, DURABLE_CURSOR_ENV);
	try {
		return await fn();
	} finally {
		for (const [name, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	}
}

function options() {
	const versions = (process.env.E2E_N8N_VERSIONS || LINES.join(','))
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	const unknown = versions.filter((v) => !LINES.includes(v));
	if (unknown.length)
		throw new Error(`unknown n8n line(s) ${unknown.join(', ')}; known: ${LINES.join(', ')}`);
	const browser = process.env.E2E_BROWSER || '1.123.50,2.8.4';
	return {
		versions,
		browserOn: (version) => browser === 'all' || browser.split(',').includes(version),
		keep: process.env.E2E_KEEP === '1',
		screenshotsDir: process.env.E2E_SCREENSHOTS_DIR
			? path.resolve(ROOT, process.env.E2E_SCREENSHOTS_DIR)
			: undefined,
		only: process.env.E2E_ONLY ? process.env.E2E_ONLY.split(',') : undefined,
	};
}

function newestMtime(dir, pattern) {
	let newest = 0;
	if (!fs.existsSync(dir)) return newest;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile() && pattern.test(entry.name)) {
			newest = Math.max(
				newest,
				fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs,
			);
		}
	}
	return newest;
}

function checkBuild() {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter(
		(file) => !fs.existsSync(path.join(ROOT, file)),
	);
	if (missing.length)
		throw new Error(`not built (missing ${missing.join(', ')}): run npm run build first`);
	const sources = Math.max(
		newestMtime(path.join(ROOT, 'nodes'), /\.ts$/),
		newestMtime(path.join(ROOT, 'credentials'), /\.ts$/),
	);
	const built = newestMtime(path.join(ROOT, 'dist'), /\.js$/);
	if (sources > built)
		process.stdout.write(
			'     warning: a source file is newer than dist/ — run npm run build to test the current code\n',
		);
	return pkg;
}

async function runLine(version, pkg, packed, opts, report) {
	report.prefix = `[n8n ${version}] `;
	const started = Date.now();
	const runtime = await useN8n(version);
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `giftronaut-e2e-${version}-`));
	const forget = proc.onInterrupt(() => fs.rmSync(workDir, { recursive: true, force: true }));
	const userFolder = path.join(workDir, 'user');
	fs.mkdirSync(userFolder);
	const netlog = path.join(workDir, 'netlog.jsonl');
	fs.writeFileSync(netlog, '');
	let sandbox;
	let n8n;
	try {
		installPackage(packed.tarball, userFolder, pkg.name);
		sandbox = await SandboxProcess.start({
			logFile: path.join(workDir, 'sandbox.log'),
			args: ['--quiet'],
		});
		n8n = new N8n({
			runtime,
			userFolder,
			logDir: workDir,
			port: await proc.freePort(),
			brokerPort: await proc.freePort(),
			cliBrokerPort: await proc.freePort(),
			netlog,
		});
		await runChecks({ version, runtime, n8n, sandbox, report, workDir, netlog, packed, opts });
	} catch (error) {
		report.fail('line aborted', error.message);
		if (n8n && n8n.server) report.info(`n8n log: ${path.join(workDir, 'n8n-server.log')}`);
	} finally {
		if (n8n) await n8n.stop();
		if (sandbox) await sandbox.stop();
		if (opts.keep || report.failed) report.info(`work folder kept: ${workDir}`);
		else fs.rmSync(workDir, { recursive: true, force: true });
		forget();
		report.info(`line took ${Math.round((Date.now() - started) / 1000)} s`);
	}
}

async function main() {
	proc.installExitHandlers();
	const report = new Report();
	const started = Date.now();
	let opts;
	let packDir;
	try {
		opts = options();
		const pkg = checkBuild();
		packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'giftronaut-pack-'));
		proc.onInterrupt(() => fs.rmSync(packDir, { recursive: true, force: true }));
		const packed = pack(packDir);
		await report.check(
			'npm pack: tarball has the nodes, the credential and icons, and no tests or sources',
			() => {
				const need = [...pkg.n8n.nodes, ...pkg.n8n.credentials, 'package.json'];
				const missing = need.filter((file) => !packed.files.includes(file));
				const stray = packed.files.filter(
					(file) =>
						/^(test|e2e|examples|nodes|credentials)\//.test(file) ||
						(file.endsWith('.ts') && !file.endsWith('.d.ts')),
				);
				if (missing.length) throw new Error(`missing ${missing.join(', ')}`);
				if (stray.length) throw new Error(`should not ship ${stray.slice(0, 5).join(', ')}`);
				if (!packed.files.some((file) => file.endsWith('.svg')))
					throw new Error('no icon in the tarball');
				return `${packed.files.length} files, ${Math.round(packed.size / 1024)} kB`;
			},
		);
		for (const version of opts.versions) {
			// E2E_ONLY=queue runs the queue-mode part alone (e2e/queue.js).
			if (!opts.only || opts.only.some((group) => group !== 'queue'))
				await withDurableCursors(version, () => runLine(version, pkg, packed, opts, report));
			if (queueOn(version, opts)) await runQueueLine(version, pkg, packed, opts, report);
		}
	} catch (error) {
		report.fail('e2e setup', error.message);
	} finally {
		if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
		await proc.stopAll();
	}
	report.prefix = '';
	report.info(`total ${Math.round((Date.now() - started) / 1000)} s`);
	report.summary();
	process.exitCode = report.failed > 0 || report.passed === 0 ? 1 : 0;
}

main();
