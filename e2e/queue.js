'use strict';

// Queue mode, for real: per n8n line, Redis + PostgreSQL (e2e/lib/services.js), one `n8n start`
// main and two `n8n worker --concurrency 10` sharing one user folder (the package installed once),
// and the local sandbox. Every scenario asserts on the sandbox's orders. Called by e2e/run.js after
// each line's single-process checks.
//
//   E2E_QUEUE=all|none|<versions>   which lines also run in queue mode (default 2.8.4,2.41.1)
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const proc = require('../tools/proc');
const { useN8n } = require('../tools/runtime');
const { N8n, installPackage } = require('../tools/n8n');
const { SandboxProcess } = require('../tools/sandbox');
const services = require('./lib/services');
const { expect, short } = require('./lib/report');
const { activate, triggerEmissions, waitFor, LIFECYCLE } = require('./checks');
const qf = require('./queue-fixtures');

const WORKERS = 2;
const WORKER_CONCURRENCY = 10;
const MINUTE = 60000;
const HTTPLOG = path.join(__dirname, 'lib', 'httplog.js');

function queueOn(version, opts) {
	if (opts.only && !opts.only.includes('queue')) return false;
	const setting = process.env.E2E_QUEUE || '2.8.4,2.41.1';
	return setting === 'all' || setting.split(',').includes(version);
}

const range = (n) => Array.from({ length: n }, (_, i) => i);
const pad = (i) => String(i).padStart(3, '0');
const seconds = (since) => Math.round((Date.now() - since) / 100) / 10;

/** Runs `tasks` (functions returning promises) with at most `limit` in flight; results in order. */
async function pool(tasks, limit) {
	const results = new Array(tasks.length);
	let next = 0;
	const lane = async () => {
		while (next < tasks.length) {
			const index = next++;
			results[index] = await tasks[index]();
		}
	};
	await Promise.all(range(Math.min(limit, tasks.length)).map(lane));
	return results;
}

/** Deterministic shuffle (the same run every time). */
function shuffled(list, seed = 7) {
	const out = [...list];
	let s = seed;
	for (let i = out.length - 1; i > 0; i--) {
		s = (s * 1103515245 + 12345) % 2147483648;
		const j = s % (i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

function countBy(list, key) {
	const counts = new Map();
	for (const entry of list) counts.set(key(entry), (counts.get(key(entry)) || 0) + 1);
	return counts;
}

/** The processes of one queue-mode n8n: main (`n8n start`) and the workers, with their logs. */
class QueueCluster {
	constructor({ runtime, workDir, userFolder, extraEnv, netlog }) {
		this.workDir = workDir;
		this.runtime = runtime;
		this.httplog = extraEnv.GIFTRONAUT_HTTPLOG;
		this.main = undefined;
		this.options = { runtime, userFolder, logDir: workDir, netlog, extraEnv };
		this.workers = [];
		/** pid → "main", "worker-1" … (every process that ever ran, restarts included) */
		this.names = new Map();
	}

	async createMain() {
		this.main = new N8n({
			...this.options,
			port: await proc.freePort(),
			brokerPort: await proc.freePort(),
			cliBrokerPort: await proc.freePort(),
		});
		return this.main;
	}

	async startMain() {
		// A restart appends to the same log: move the old one away so readiness is read afresh.
		const log = path.join(this.workDir, 'n8n-server.log');
		if (fs.existsSync(log))
			fs.renameSync(log, path.join(this.workDir, `n8n-server-${Date.now()}.log`));
		const took = await this.main.start();
		this.names.set(this.main.server.pid, 'main');
		return took;
	}

	async startWorker(index) {
		const name = `worker-${index + 1}`;
		const env = this.main.env({
			N8N_RUNNERS_BROKER_PORT: String(await proc.freePort()),
			QUEUE_HEALTH_CHECK_PORT: String(await proc.freePort()),
		});
		const logFile = path.join(this.workDir, `n8n-${name}.log`);
		if (fs.existsSync(logFile))
			fs.renameSync(logFile, path.join(this.workDir, `n8n-${name}-${Date.now()}.log`));
		const child = proc.start(
			this.runtime.node,
			[this.runtime.bin, 'worker', '--concurrency', String(WORKER_CONCURRENCY)],
			{
				env,
				cwd: this.options.userFolder,
				logFile,
				name: `n8n ${name}`,
			},
		);
		child.workerName = name;
		this.workers[index] = child;
		this.names.set(child.pid, name);
		const started = Date.now();
		await proc.waitForLog(child, /n8n worker is now ready/, 180000);
		return seconds(started);
	}

	/** SIGKILL to the worker's whole process group (the worker and its task runner), like a lost machine. */
	async killWorker(index) {
		const child = this.workers[index];
		process.kill(-child.pid, 'SIGKILL');
		await child.exited;
	}

	/** Execution ids each worker (by name) logged as started, over every log it ever wrote. */
	workerExecutions() {
		const byWorker = new Map();
		for (const file of fs
			.readdirSync(this.workDir)
			.filter((f) => /^n8n-worker-\d+(-\d+)?\.log$/.test(f))) {
			const name = file.match(/^n8n-(worker-\d+)/)[1];
			const text = fs.readFileSync(path.join(this.workDir, file), 'utf8');
			const ids = [...text.matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
			byWorker.set(name, [...(byWorker.get(name) || []), ...ids]);
		}
		return byWorker;
	}

	workerOf(executionId) {
		for (const [name, ids] of this.workerExecutions())
			if (ids.includes(String(executionId))) return name;
		return undefined;
	}

	/** The sandbox requests every n8n process made ({ pid, name, method, path, at }), from e2e/lib/httplog.js. */
	requests() {
		return fs
			.readFileSync(this.httplog, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => JSON.parse(line))
			.map((entry) => ({ ...entry, name: this.names.get(entry.pid) || `pid ${entry.pid}` }));
	}

	async stop() {
		await Promise.all([
			this.main && this.main.stop(),
			...this.workers.map((w) => w && proc.stop(w)),
		]);
	}
}

const perProcess = (counts) =>
	[...counts.entries()]
		.sort()
		.map(([name, n]) => `${name} ${n}`)
		.join(', ') || 'none';

async function executionsWithStatus(n8n, status) {
	const filter = encodeURIComponent(JSON.stringify({ status: [status] }));
	const { status: http, body } = await n8n.rest(
		'GET',
		`/rest/executions?filter=${filter}&limit=100`,
	);
	expect(http === 200, () => `executions (${status}): HTTP ${http} ${short(body)}`);
	return body.data.results;
}

async function scenarios(ctx) {
	const { cluster, sandbox, report } = ctx;
	const n8n = cluster.main;
	const killed = { executionId: undefined };

	// --- cold credential: 20 executions at once over both workers ----------------------------------
	await report.check(
		`cold credential, 20 executions at once on ${WORKERS} workers: at most 1 token exchange per n8n process`,
		async () => {
			const before = cluster.requests().length;
			const tokensBefore = (await sandbox.stats()).tokenRequests;
			// A token endpoint that takes 2 s (real ones take hundreds of ms): every execution starts before
			// the first exchange is done, so none can find a stored token.
			await sandbox.control('POST', 'faults', {
				kind: 'delay',
				method: 'POST',
				path: '/oauth2/token',
				ms: 2000,
				count: 20,
			});
			const started = Date.now();
			const responses = await Promise.all(range(20).map(() => n8n.webhook(qf.COLD_PATH, {})));
			const took = seconds(started);
			const bad = responses.filter(
				(r) => r.status !== 200 || !Array.isArray(r.body) || !r.body[0].availableBalance,
			);
			expect(!bad.length, () => `${bad.length} of 20 executions failed: ${short(bad[0])}`);
			const calls = cluster.requests().slice(before);
			const tokens = calls.filter((c) => c.path === '/oauth2/token');
			const balances = countBy(
				calls.filter((c) => c.path === '/api/v1/balance'),
				(c) => c.name,
			);
			const exchanges = countBy(tokens, (c) => c.name);
			const sandboxTokens = (await sandbox.stats()).tokenRequests - tokensBefore;
			await sandbox.control('DELETE', 'faults');
			expect(
				sandboxTokens === tokens.length,
				`the sandbox counted ${sandboxTokens} token requests, the n8n processes logged ${tokens.length}`,
			);
			expect(
				balances.size === WORKERS,
				() => `the 20 executions ran on ${perProcess(balances)}, not on ${WORKERS} workers`,
			);
			const worst = Math.max(0, ...exchanges.values());
			const detail = `token exchanges per process: ${perProcess(exchanges)} (sandbox: ${sandboxTokens}) for 20 executions (${perProcess(balances)}) in ${took}s`;
			ctx.figures.queueModeTokenExchangesPerProcess = worst;
			expect(worst <= 1, `${worst} token exchanges in one process, want ≤ 1 — ${detail}`);
			return detail;
		},
	);

	// --- 500 CRM events, 10 % delivered twice, 20 at a time ------------------------------------------
	await report.check(
		'500 CRM events to the production webhook, 10 % delivered twice, 20 concurrent calls: one order per event, on both workers',
		async () => {
			const events = range(500).map((i) => ({
				dealId: `Q-${pad(i)}`,
				contact: { email: `deal-${pad(i)}@example.com`, firstName: 'Deal', lastName: `Q${pad(i)}` },
			}));
			// The CRM's retry arrives later, anywhere in the stream (sometimes right alongside the first).
			const deliveries = shuffled([...events, ...events.filter((_, i) => i % 10 === 3)]);
			const before = cluster.requests().length;
			const executionsBefore = cluster.workerExecutions();
			const started = Date.now();
			// Like a CRM: a delivery n8n does not answer within 45 s is delivered again.
			const unanswered = [];
			const deliver = async (event) => {
				for (let attempt = 1; ; attempt++) {
					try {
						const response = await fetch(`${n8n.base}/webhook/deal-won`, {
							method: 'POST',
							headers: { 'content-type': 'application/json' },
							body: JSON.stringify(event),
							signal: AbortSignal.timeout(45000),
						});
						const text = await response.text();
						return { event, status: response.status, body: text ? JSON.parse(text) : undefined };
					} catch (error) {
						if (error.name !== 'TimeoutError' || attempt === 3) throw error;
						unanswered.push(event.dealId);
					}
				}
			};
			const answers = await pool(
				deliveries.map((event) => () => deliver(event)),
				20,
			);
			const took = seconds(started);
			const failed = answers.filter((a) => a.status !== 200 || !a.body || !a.body.orderId);
			expect(
				!failed.length,
				() => `${failed.length} of ${answers.length} deliveries failed, first: ${short(failed[0])}`,
			);
			const orderOf = new Map();
			for (const answer of answers) {
				const seen = orderOf.get(answer.event.dealId);
				expect(
					!seen || seen === answer.body.orderId,
					`deal ${answer.event.dealId} answered ${seen} and ${answer.body.orderId}`,
				);
				orderOf.set(answer.event.dealId, answer.body.orderId);
			}
			const orders = (await sandbox.orders()).filter((o) =>
				o.recipients.some((r) => /^deal-\d{3}@example\.com$/.test(r.email)),
			);
			const perEmail = countBy(
				orders.flatMap((o) => o.recipients.map((r) => r.email)),
				(email) => email,
			);
			const twice = [...perEmail].filter(([, n]) => n > 1).map(([email]) => email);
			const missing = events.filter((e) => !perEmail.has(e.contact.email)).map((e) => e.dealId);
			expect(
				!twice.length,
				`${twice.length} events have more than one order: ${twice.slice(0, 5).join(', ')}`,
			);
			expect(
				!missing.length,
				`${missing.length} events have no order: ${missing.slice(0, 5).join(', ')}`,
			);
			expect(orders.length === 500, `${orders.length} orders for 500 events`);
			const posts = countBy(
				cluster
					.requests()
					.slice(before)
					.filter((c) => c.method === 'POST' && c.path.startsWith('/api/v1/orders/')),
				(c) => c.name,
			);
			const ran = new Map(
				[...cluster.workerExecutions()].map(([name, ids]) => [
					name,
					ids.length - (executionsBefore.get(name) || []).length,
				]),
			);
			expect(
				[...ran.values()].filter((n) => n > 0).length === WORKERS,
				() => `executions per worker: ${perProcess(ran)}`,
			);
			expect(
				posts.size === WORKERS && !posts.has('main'),
				() => `order requests per process: ${perProcess(posts)}`,
			);
			const repeats = deliveries.length - events.length;
			const lostAnswers = unanswered.length
				? `; n8n never answered ${unanswered.length} call(s) (${unanswered.join(', ')}), redelivered after 45 s`
				: '';
			return `${deliveries.length} deliveries (${repeats} repeats) → ${orders.length} orders, one per event, in ${took}s (${Math.round(deliveries.length / took)}/s); executions ${perProcess(ran)}; order requests ${perProcess(posts)}${lostAnswers}`;
		},
	);

	// --- a worker killed in the middle of a Combine Items run ---------------------------------------
	await report.check(
		'a worker SIGKILLed in the middle of a 200-recipient Combine Items run, then n8n retries the execution: 0 duplicate, 0 lost recipients',
		async () => {
			const emailOf = (i) => `bulk-${pad(i)}@example.com`;
			const recipients = range(200).map((i) => ({
				email: emailOf(i),
				firstName: 'Bulk',
				lastName: `R${pad(i)}`,
			}));
			const isBulk = (o) => o.recipients.some((r) => r.email.startsWith('bulk-'));
			const orderCount = Math.ceil(recipients.length / qf.BULK_BATCH_SIZE);
			// Slow the sandbox down so orders commit one by one over a few seconds: a real "middle".
			await sandbox.control(
				'POST',
				'faults',
				range(orderCount).map((i) => ({
					kind: 'delay',
					method: 'POST',
					path: '/api/v1/orders',
					ms: 400 * (i + 1),
				})),
			);
			await sandbox.control('DELETE', 'requests');
			const seenBefore = cluster.workerExecutions();
			const accepted = await n8n.webhook(qf.BULK_PATH, { recipients });
			expect(
				accepted.status === 200,
				() => `webhook: HTTP ${accepted.status} ${short(accepted.body)}`,
			);
			const { executionId, worker } = await waitFor(
				'a worker to start the bulk execution',
				async () => {
					for (const [name, ids] of cluster.workerExecutions()) {
						const fresh = ids.filter((id) => !(seenBefore.get(name) || []).includes(id));
						if (fresh.length) return { done: true, executionId: fresh[0], worker: name };
					}
					return { done: false };
				},
				30000,
				100,
			);
			await waitFor(
				'some of the bulk orders',
				async () => {
					const committed = (await sandbox.orders()).filter(isBulk).length;
					return { done: committed >= orderCount / 4, committed };
				},
				30000,
				100,
			);
			const index = cluster.workers.findIndex((w) => w.workerName === worker);
			await cluster.killWorker(index);
			const killedAt = Date.now();
			const atKill = (await sandbox.orders()).filter(isBulk).length;
			killed.executionId = executionId;
			await sandbox.control('DELETE', 'faults');
			const restart = cluster.startWorker(index); // back to two workers while n8n notices
			const closed = await waitFor(
				'n8n to close the killed execution',
				async () => {
					const execution = await n8n.execution(executionId);
					return { done: !['running', 'new'].includes(execution.status), status: execution.status };
				},
				120000,
				1000,
			);
			const noticedAfter = seconds(killedAt);
			const retried = await n8n.rest('POST', `/rest/executions/${executionId}/retry`, {
				loadWorkflow: false,
			});
			expect(retried.status === 200, () => `retry: HTTP ${retried.status} ${short(retried.body)}`);
			const retry = await waitFor(
				'the retry to finish',
				async () => {
					const runs = (await n8n.executions(qf.QUEUE_IDS.bulk)).filter(
						(e) => String(e.retryOf) === String(executionId),
					);
					const finished = runs.find((e) => !['running', 'new'].includes(e.status));
					return { done: Boolean(finished), execution: finished, runs: runs.map((e) => e.status) };
				},
				120000,
				1000,
			);
			await restart;
			expect(
				retry.execution.status === 'success',
				() => `retry execution ${retry.execution.id} ended ${retry.execution.status}`,
			);
			const orders = (await sandbox.orders()).filter(isBulk);
			const perEmail = countBy(
				orders.flatMap((o) => o.recipients.map((r) => r.email)),
				(email) => email,
			);
			const duplicates = [...perEmail].filter(([, n]) => n > 1).length;
			const lost = recipients.filter((r) => !perEmail.has(r.email)).length;
			expect(
				!duplicates && !lost,
				`${duplicates} duplicate and ${lost} lost recipients in ${orders.length} orders`,
			);
			expect(orders.length === orderCount, `${orders.length} orders, expected ${orderCount}`);
			const creates = (await sandbox.requests()).filter(
				(r) => r.method === 'POST' && r.path.startsWith('/api/v1/orders/'),
			);
			const outcomes = countBy(creates, (r) => r.outcome || `HTTP ${r.status}`);
			const retryWorker = cluster.workerOf(retry.execution.id) || 'unknown worker';
			return `killed ${worker} (execution ${executionId}) with ${atKill}/${orderCount} orders on the sandbox; n8n marked it "${closed.status}" after ${noticedAfter}s; retry ${retry.execution.id} on ${retryWorker}: ${perEmail.size} recipients in ${orders.length} orders, 0 duplicate, 0 lost (order requests: ${perProcess(outcomes)})`;
		},
	);

	// --- the trigger: polls on the main, executions on workers, a main restart -------------------------
	await report.check(
		'Giftronaut Trigger in queue mode: polls on the main, executions on workers, every completion emitted once (≥ 200 orders, main restarted)',
		async () => {
			const started = Date.now();
			const before = cluster.requests().length;
			await activate(n8n, qf.QUEUE_IDS.trigger);
			const cache = new Map();
			const seed = async (count, tag) => {
				for (const i of range(count)) {
					await sandbox.seedOrder({
						productId: 'GC-AMAZON-USD',
						recipients: [{ email: `${tag}-${pad(i)}@example.com`, amount: 10 }],
						idempotencyKey: `queue-${tag}-${i}`,
					});
				}
			};
			const completeIds = async () =>
				(await sandbox.orders()).filter((o) => o.status === 'COMPLETE').map((o) => o.orderId);
			const allEmitted = (want) => async () => {
				const seen = await triggerEmissions(n8n, cache);
				const missing = want.filter((id) => !seen.ids.includes(id));
				return { done: !missing.length, missing: missing.length, emitted: seen.ids.length };
			};
			await sleep(6000); // the first poll (activation) sets the trigger's starting point
			// Three groups created 3 minutes apart complete in three steps, each caught by its own polls.
			const step = 3 * MINUTE;
			for (const group of range(3)) {
				await seed(50, `trig-a${group}`);
				if (group < 2) await sandbox.advanceClock(step);
			}
			for (const group of range(3)) {
				await sandbox.advanceClock(
					group === 0 ? LIFECYCLE.pendingMs + LIFECYCLE.inProgressMs - 2 * step + 1000 : step,
				);
				await waitFor(
					`completions of group ${group + 1}`,
					allEmitted(await completeIds()),
					120000,
					2000,
				);
			}
			const firstWave = await completeIds();
			// The main goes away; orders complete while it is down; it comes back.
			await n8n.stop();
			await seed(100, 'trig-b');
			await sandbox.advanceClock(LIFECYCLE.pendingMs + LIFECYCLE.inProgressMs + MINUTE);
			const restartSeconds = await cluster.startMain();
			await n8n.login();
			const all = await completeIds();
			await waitFor('the completions while the main was down', allEmitted(all), 120000, 2000);
			await sleep(11000); // two more polls: nothing may come twice
			const seen = await triggerEmissions(n8n, cache);
			const duplicates = seen.ids.filter((id, i) => seen.ids.indexOf(id) !== i);
			const extra = seen.ids.filter((id) => !all.includes(id));
			expect(
				!duplicates.length,
				`${duplicates.length} emitted twice: ${duplicates.slice(0, 5).join(', ')}`,
			);
			expect(!extra.length, `emitted but not COMPLETE: ${extra.slice(0, 5).join(', ')}`);
			expect(seen.failed === 0, `${seen.failed} trigger execution(s) failed`);
			expect(all.length >= 200, `only ${all.length} orders completed`);
			const polls = countBy(
				cluster
					.requests()
					.slice(before)
					.filter((c) => c.method === 'GET' && c.path.startsWith('/api/v1/orders')),
				(c) => c.name,
			);
			expect(
				polls.size === 1 && polls.has('main'),
				() => `order list requests (polls) per process: ${perProcess(polls)}`,
			);
			const ranOn = countBy([...cache.keys()], (id) => cluster.workerOf(id) || 'not a worker');
			expect(
				!ranOn.has('not a worker'),
				() => `trigger executions per process: ${perProcess(ranOn)}`,
			);
			return `${seen.ids.length} completions emitted once each (= ${all.length} COMPLETE orders, ${firstWave.length} before and ${all.length - firstWave.length} during a main restart of ${restartSeconds}s) in ${seen.executions} executions (${perProcess(ranOn)}); polls by ${perProcess(polls)}; ${seconds(started)}s`;
		},
	);

	// --- n8n's own view -------------------------------------------------------------------------------
	await report.check(
		"n8n's executions list: none stuck running, none crashed or failed except the killed one",
		async () => {
			await waitFor(
				'running executions to finish',
				async () => {
					const running = [
						...(await executionsWithStatus(n8n, 'running')),
						...(await executionsWithStatus(n8n, 'new')),
					];
					return { done: !running.length, running: running.map((e) => `${e.id} ${e.workflowId}`) };
				},
				30000,
				1000,
			);
			const bad = [
				...(await executionsWithStatus(n8n, 'crashed')),
				...(await executionsWithStatus(n8n, 'error')),
			];
			const others = bad.filter((e) => String(e.id) !== String(killed.executionId));
			expect(
				!others.length,
				() =>
					`${others.length} other crashed/failed execution(s): ${others
						.slice(0, 5)
						.map((e) => `${e.id} ${e.workflowId} ${e.status}`)
						.join(', ')}`,
			);
			const executions = [...cluster.workerExecutions().values()].flat().length;
			return `0 running; ${bad.length} crashed/failed (the killed execution ${killed.executionId || 'none'}); ${executions} executions started on workers in all`;
		},
	);
}

/**
 * n8n 2.41 in queue mode answers 404 for about a second after the activation call returned. A CORS
 * preflight (OPTIONS) is answered 204 only once the webhook is found, and runs nothing.
 */
async function webhooksAnswer(n8n, paths) {
	for (const webhookPath of paths) {
		await waitFor(
			`webhook ${webhookPath} to be registered`,
			async () => {
				const response = await fetch(`${n8n.base}/webhook/${webhookPath}`, {
					method: 'OPTIONS',
					headers: { origin: n8n.base, 'access-control-request-method': 'POST' },
				});
				return { done: response.ok, status: response.status };
			},
			30000,
			250,
		);
	}
}

function sleep(ms) {
	return proc.sleep(ms);
}

async function runQueueLine(version, pkg, packed, opts, report) {
	report.prefix = `[n8n ${version} queue] `;
	const started = Date.now();
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `giftronaut-queue-${version}-`));
	const forget = proc.onInterrupt(() => fs.rmSync(workDir, { recursive: true, force: true }));
	const netlog = path.join(workDir, 'netlog.jsonl');
	const httplog = path.join(workDir, 'httplog.jsonl');
	fs.writeFileSync(netlog, '');
	fs.writeFileSync(httplog, '');
	const stoppable = [];
	let cluster;
	const ctx = { report, figures: {} };
	try {
		const runtime = await useN8n(version);
		services.ensurePackages((text) => report.info(text));
		const redis = await services.startRedis(path.join(workDir, 'redis'));
		stoppable.push(redis);
		const postgres = await services.startPostgres(path.join(workDir, 'postgres'), 'n8n');
		stoppable.push(postgres);
		const sandbox = await SandboxProcess.start({
			logFile: path.join(workDir, 'sandbox.log'),
			args: ['--quiet'],
		});
		stoppable.unshift(sandbox);
		await sandbox.reset({ lifecycle: LIFECYCLE, rateLimit: { enabled: false } });
		const userFolder = path.join(workDir, 'user');
		fs.mkdirSync(userFolder);
		installPackage(packed.tarball, userFolder, pkg.name);
		const extraEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			// n8n's default is 30 s before a dead worker's job counts as stalled.
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			GIFTRONAUT_HTTPLOG: httplog,
			GIFTRONAUT_HTTPLOG_TARGET: new URL(sandbox.url).host,
			NODE_OPTIONS: `${process.env.NODE_OPTIONS || ''} --require ${HTTPLOG}`.trim(),
		};
		cluster = new QueueCluster({ runtime, workDir, userFolder, extraEnv, netlog });
		const n8n = await cluster.createMain();
		const importStarted = Date.now();
		await n8n.importCredentials(qf.credentialFile(sandbox));
		await n8n.importWorkflows(qf.workflows());
		const importSeconds = seconds(importStarted);
		// The imports migrated the database: main and workers can boot side by side.
		const boot = Date.now();
		const [mainSeconds, ...workerSeconds] = await Promise.all([
			cluster.startMain(),
			...range(WORKERS).map((i) => cluster.startWorker(i)),
		]);
		report.ok(
			`queue mode: Redis, PostgreSQL, main + ${WORKERS} workers (concurrency ${WORKER_CONCURRENCY}) with the package from npm pack`,
			`imports ${importSeconds}s; main ready in ${mainSeconds}s, workers in ${workerSeconds.join('s, ')}s (${seconds(boot)}s side by side)`,
		);
		await n8n.setupOwner();
		for (const id of [qf.QUEUE_IDS.dealWon, qf.QUEUE_IDS.bulk, qf.QUEUE_IDS.cold])
			await activate(n8n, id);
		await webhooksAnswer(n8n, ['deal-won', qf.BULK_PATH, qf.COLD_PATH]);
		await scenarios({ ...ctx, cluster, sandbox });
		await cluster.stop();
		await report.check(
			'no n8n process of the queue run tried to reach a non-loopback address',
			async () => {
				const lines = fs.readFileSync(netlog, 'utf8').split('\n').filter(Boolean);
				expect(!lines.length, () => `${lines.length} attempt(s): ${short(lines.slice(0, 5))}`);
				return 'main and workers watched: none';
			},
		);
	} catch (error) {
		report.fail('queue-mode line aborted', error.message);
	} finally {
		if (cluster) await cluster.stop();
		for (const service of stoppable) await service.stop();
		if (opts.keep || report.failed) report.info(`work folder kept: ${workDir}`);
		else fs.rmSync(workDir, { recursive: true, force: true });
		forget();
		if (ctx.figures.queueModeTokenExchangesPerProcess !== undefined) {
			report.info(
				`queueModeTokenExchangesPerProcess: ${ctx.figures.queueModeTokenExchangesPerProcess}`,
			);
		}
		report.info(`queue mode took ${Math.round((Date.now() - started) / 1000)} s`);
		report.prefix = '';
	}
}

module.exports = { runQueueLine, queueOn };
