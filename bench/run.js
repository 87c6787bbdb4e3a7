#!/usr/bin/env node
'use strict';
// `npm run bench`: benchmarks and fault soak of the Giftronaut node against the local sandbox over
// loopback. Prints a table and writes bench/results.json (details in bench/tmp/details.json).
// Options: --only=timing,tokens,ratelimit,idle,static,trigger,bad,guardrails,soak   --pairs=N   --quick
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const proc = require('../tools/proc');
const { useN8n } = require('../tools/runtime');
const setup = require('./lib/setup');
const { startCapture } = require('./lib/capture');
const { formatTable, GOALS } = require('./lib/report');

const args = Object.fromEntries(
	process.argv.slice(2).map((a) => {
		const [k, v] = a.replace(/^--/, '').split('=');
		return [k, v ?? 'true'];
	}),
);
const only = args.only ? new Set(args.only.split(',')) : undefined;
const want = (section) => !only || only.has(section);
const quick = args.quick === 'true';
const RESULTS = path.join(setup.ROOT, 'bench', 'results.json');
const DETAILS = path.join(setup.TMP, 'details.json');
const LOG_FILE = path.join(setup.TMP, 'n8n-logs', 'n8n.log');

const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
const log = (line) => process.stdout.write(`[bench ${elapsed()}] ${line}\n`);

/** The n8n install whose n8n-nodes-base the timing compares against (BENCH_N8N_HOME overrides). */
async function n8nHome() {
	if (process.env.BENCH_N8N_HOME) return process.env.BENCH_N8N_HOME;
	try {
		return (await useN8n('2.8.4')).home;
	} catch (error) {
		log(
			`n8n 2.8.4 runtime not available (${error.message}); ratioVsHttpRequestNode is not measured`,
		);
		return undefined;
	}
}

/** Counts occurrences of the client secret and of every token issued so far in what a user can see. */
function leakChecker(H, sandbox) {
	let leaks = 0;
	const where = [];
	const secrets = () => [sandbox.clientSecret, ...sandbox.issuedTokens()];
	const count = (text, label) => {
		for (const secret of secrets()) {
			if (!secret) continue;
			for (
				let at = text.indexOf(secret);
				at !== -1;
				at = text.indexOf(secret, at + secret.length)
			) {
				leaks++;
				if (where.length < 20)
					where.push(
						`${label}${secret === sandbox.clientSecret ? ' (client secret)' : ' (token)'}`,
					);
			}
		}
	};
	return {
		evidence(r) {
			// Outputs, the node's error (message, description, context, stack), the execution's error
			// and the whole run data n8n would store.
			count(
				H.serializeForLeakCheck({
					items: r.items,
					outputs: r.outputs,
					error: r.error,
					workflowError: r.workflowError,
					run: r.run,
				}),
				'execution',
			);
		},
		text(text, label) {
			count(text, label);
		},
		get leaks() {
			return leaks;
		},
		where,
	};
}

async function main() {
	proc.installExitHandlers(); // the sandbox process of the timing section is stopped on any exit
	fs.mkdirSync(setup.TMP, { recursive: true });
	fs.rmSync(path.dirname(LOG_FILE), { recursive: true, force: true });
	log('building the harness and the node with tsc into bench/tmp/build');
	setup.build();
	setup.prepareEnvironment();
	// n8n's own logger at debug level into a file: part of the leak check, kept off the table output.
	process.env.N8N_LOG_LEVEL = 'debug';
	process.env.N8N_LOG_OUTPUT = 'file';
	process.env.N8N_LOG_FILE_LOCATION = LOG_FILE;
	const capture = startCapture();
	const H = setup.loadHarness();

	const results = {};
	const details = { startedAt: new Date().toISOString() };
	let duringPoll;
	const h = await H.createHarness({ sandbox: { onRequest: (entry) => duringPoll?.(entry) } });
	h.setDuringPoll = (fn) => {
		duringPoll = fn;
	};
	const leaks = leakChecker(H, h.sandbox);
	const section = async (name, fn) => {
		if (!want(name)) return;
		const t = Date.now();
		const out = await fn();
		const { detail, ...figures } = out;
		Object.assign(results, figures);
		details[name] = { ...detail, seconds: Math.round((Date.now() - t) / 1000) };
	};

	await section('timing', async () => {
		const { runTiming } = require('./lib/timing');
		return runTiming(H, {
			n8nHome: await n8nHome(),
			pairs: Number(args.pairs ?? (quick ? 3 : 7)),
			log,
		});
	});
	await section('tokens', () => require('./lib/tokens').runTokens(h, { log }));
	await section('ratelimit', () => require('./lib/rate-limit').runRateLimit(h, { log }));
	const trigger = require('./lib/trigger');
	await section('idle', () => trigger.runIdlePoll(h, { log }));
	await section('static', () => trigger.runStaticData(h, { log }));
	await section('trigger', async () => {
		const out = await trigger.runTriggerSoak(h, { log, total: quick ? 1050 : 1300 });
		return out;
	});
	await section('bad', () =>
		require('./lib/bad-inputs').runBadInputs(h, { log, onEvidence: leaks.evidence }),
	);
	await section('guardrails', () =>
		require('./lib/guardrails').runGuardrails(h, { log, onEvidence: leaks.evidence }),
	);
	await section('soak', () =>
		require('./lib/soak').runSoak(h, {
			H,
			log,
			onEvidence: leaks.evidence,
			minFaults: Number(args.faults ?? (quick ? 300 : 1100)),
		}),
	);

	// Captured logs: n8n's logger (file, debug level) and everything written to stdout/stderr.
	await new Promise((resolve) => setTimeout(resolve, 500)); // let the file logger flush
	const logDir = path.dirname(LOG_FILE);
	let logBytes = 0;
	if (fs.existsSync(logDir)) {
		for (const file of fs.readdirSync(logDir)) {
			const text = fs.readFileSync(path.join(logDir, file), 'utf8');
			logBytes += text.length;
			leaks.text(text, `log ${file}`);
		}
	}
	leaks.text(capture.text(), 'stdout/stderr');
	capture.stop();
	results.secretLeaks = leaks.leaks;
	details.secretLeaks = {
		where: leaks.where,
		n8nLogBytes: logBytes,
		tokensIssued: h.sandbox.issuedTokens().length,
	};

	await h.close();
	setup.shutdownN8nCore();

	const previous = fs.existsSync(RESULTS)
		? JSON.parse(fs.readFileSync(RESULTS, 'utf8'))
		: undefined;
	details.machine = {
		nproc: os.cpus().length,
		memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
		node: process.version,
		cpu: os.cpus()[0]?.model,
		loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
	};
	details.wallSeconds = Math.round((Date.now() - started) / 1000);
	fs.writeFileSync(DETAILS, `${JSON.stringify(details, null, 2)}\n`);
	if (!only) {
		const ordered = Object.fromEntries(GOALS.map((g) => [g.key, results[g.key] ?? null]));
		fs.writeFileSync(RESULTS, `${JSON.stringify(ordered, null, 2)}\n`);
	}
	process.stdout.write(`\n${formatTable(results, previous)}\n`);
	process.stdout.write(
		`\nmachine: ${details.machine.nproc} cores, ${details.machine.memoryGiB} GiB, Node ${details.machine.node}; wall time ${details.wallSeconds} s\n` +
			`${only ? 'partial run (--only): bench/results.json not written' : 'wrote bench/results.json'}; details in bench/tmp/details.json\n`,
	);
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`bench failed: ${error.stack || error}\n`);
		process.exit(1);
	},
);
