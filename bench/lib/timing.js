'use strict';
// Wall-time ratios: the Giftronaut node in n8n-core's engine vs a plain axios loop, and vs n8n's own
// HTTP Request node with an OAuth2 client-credentials credential. Alternating pairs, median ratio.
const crypto = require('node:crypto');
const diagnostics = require('node:diagnostics_channel');
const http = require('node:http');
const path = require('node:path');
const axios = require('axios');

const { SandboxProcess } = require('../../tools/sandbox');
const { TMP } = require('./setup');
const W = require('./workflows');

const ITEMS = 1000;

const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function loadN8nBase(n8nHome) {
	const base = path.join(n8nHome, 'node_modules', 'n8n-nodes-base', 'dist');
	const { HttpRequest } = require(path.join(base, 'nodes', 'HttpRequest', 'HttpRequest.node.js'));
	const { OAuth2Api } = require(path.join(base, 'credentials', 'OAuth2Api.credentials.js'));
	return { HttpRequest, OAuth2Api };
}

/**
 * Where a Giftronaut run's time goes, from the HTTP requests it makes (Node's own http client
 * diagnostics channels, so nothing in the node is instrumented): the node reads and checks every
 * item, loads the catalog, checks and plans, and only then sends its orders.
 *   read  = run start → first catalog request (reading the 1,000 items' parameters)
 *   check = catalog response → first order request (checking against the catalog, keys, plan)
 *   send  = first order request → last order response
 * readMsPer1000Items is read + check: everything before the first order except the catalog's round trip.
 */
function phaseRecorder() {
	let current;
	const onStart = ({ request }) => {
		if (!current) return;
		const at = now();
		if (request.path.startsWith('/api/v1/catalog')) {
			current.catalogStart ??= at;
		} else if (request.method === 'POST' && request.path.startsWith('/api/v1/orders')) {
			current.sendStart ??= at;
		}
	};
	const onFinish = ({ request }) => {
		if (!current) return;
		const at = now();
		if (request.path.startsWith('/api/v1/catalog') && current.sendStart === undefined)
			current.catalogEnd = at;
		else if (request.method === 'POST' && request.path.startsWith('/api/v1/orders'))
			current.sendEnd = at;
	};
	diagnostics.subscribe('http.client.request.start', onStart);
	diagnostics.subscribe('http.client.response.finish', onFinish);
	return {
		begin() {
			current = { start: now() };
		},
		end() {
			const t = current;
			current = undefined;
			if ([t.catalogStart, t.catalogEnd, t.sendStart, t.sendEnd].some((v) => v === undefined)) {
				throw new Error('timing: a node run without catalog and order requests');
			}
			const read = t.catalogStart - t.start;
			const check = t.sendStart - t.catalogEnd;
			return {
				readMs: read + check,
				readOnlyMs: read,
				checkMs: check,
				catalogMs: t.catalogEnd - t.catalogStart,
				sendMs: t.sendEnd - t.sendStart,
			};
		},
		close() {
			diagnostics.unsubscribe('http.client.request.start', onStart);
			diagnostics.unsubscribe('http.client.response.finish', onFinish);
		},
	};
}

/**
 * n8n-core's httpRequest gives every request `new http.Agent(options)` (http-proxy.js,
 * createHttpProxyAgent): a fresh agent without keep-alive, so one TCP connection per request.
 * The baseline does the same, so both sides pay the same connection cost.
 */
async function axiosLoop(url, token, people, tag) {
	for (const person of people) {
		const key = crypto
			.createHash('sha256')
			.update(`${tag}/${person.email}`)
			.digest('hex')
			.slice(0, 40);
		const response = await axios({
			method: 'POST',
			url: `${url}/api/v1/orders/branded-cards`,
			headers: {
				Accept: 'application/json',
				'X-Request-Id': crypto.randomUUID(),
				'X-Idempotency-Key': key,
				Authorization: `Bearer ${token}`,
			},
			data: {
				idempotencyKey: key,
				productId: 'GC-AMAZON-USD',
				sendTiming: { type: 'IMMEDIATE' },
				refundOption: false,
				recipients: [person],
			},
			httpAgent: new http.Agent(),
			timeout: 30000,
		});
		if (response.status !== 201) throw new Error(`baseline: HTTP ${response.status}`);
	}
}

async function runTiming(H, { n8nHome, pairs, log }) {
	// In its own process, as a server would be: the node and the sandbox compete for the cores, not for one event loop.
	const sandbox = await SandboxProcess.start({
		logFile: path.join(TMP, 'sandbox.log'),
		args: ['--quiet', '--pending-ms', '0', '--in-progress-ms', '0', '--no-rate-limit'],
	});
	const remote = {
		url: sandbox.url,
		clientId: sandbox.clientId,
		clientSecret: sandbox.clientSecret,
		close: async () => {},
	};
	let base;
	try {
		base = n8nHome ? loadN8nBase(n8nHome) : undefined;
	} catch (error) {
		log(`timing: n8n-nodes-base not loadable from ${n8nHome}: ${error.message}`);
	}
	const h = await H.createHarness({
		useSandbox: remote,
		nodeTypes: base ? { [W.HTTP_REQUEST]: () => new base.HttpRequest() } : {},
		credentialTypes: base ? { oAuth2Api: new base.OAuth2Api() } : {},
	});
	if (base) {
		h.addCredential(
			{
				grantType: 'clientCredentials',
				accessTokenUrl: `${sandbox.url}/oauth2/token`,
				clientId: sandbox.clientId,
				clientSecret: sandbox.clientSecret,
				scope: 'catalog.read orders.read orders.write',
				authentication: 'body',
				authQueryParameters: '',
				oauthTokenData: {},
			},
			{ id: 'oauth-1', type: 'oAuth2Api' },
		);
	}
	let runNo = 0;
	const phases = phaseRecorder();
	const nodePhases = [];
	let recordPhases = false;
	const created = async () =>
		(await sandbox.stats()).byRoute['POST /api/v1/orders/branded-cards'] || 0;

	async function timed(label, fn, count) {
		const before = await created();
		const started = now();
		await fn();
		const ms = now() - started;
		const posts = (await created()) - before;
		if (posts !== count) throw new Error(`${label}: expected ${count} order POSTs, saw ${posts}`);
		return ms;
	}
	const nodeRun = (count) => {
		const tag = `node-${++runNo}`;
		return timed(
			'node',
			async () => {
				phases.begin();
				const r = await h.runWorkflow(
					W.workflow(
						H,
						'wf-timing',
						W.people(count, tag),
						W.giftronautTarget(W.createParameters()),
					),
				);
				const split = phases.end();
				if (recordPhases) nodePhases.push(split);
				const error = r.errorOf('Giftronaut') || r.workflowError;
				if (error) throw new Error(`node run failed: ${error.message}`);
				if (r.outputOf('Giftronaut').length !== count)
					throw new Error('node run: wrong output count');
			},
			count,
		);
	};
	const httpNodeRun = (count) => {
		const tag = `http-${++runNo}`;
		const items = W.people(count, tag).map((p, i) => ({ ...p, key: `${tag}-${i}` }));
		return timed(
			'http',
			async () => {
				const r = await h.runWorkflow(
					W.workflow(H, 'wf-timing-http', items, W.httpRequestTarget(sandbox.url)),
				);
				const error = r.errorOf('HTTP Request') || r.workflowError;
				if (error) throw new Error(`HTTP Request run failed: ${error.message}`);
				if (r.outputOf('HTTP Request').length !== count)
					throw new Error('HTTP Request run: wrong output count');
			},
			count,
		);
	};
	let token;
	const axiosRun = (count) => {
		const tag = `axios-${++runNo}`;
		return timed('axios', () => axiosLoop(sandbox.url, token, W.people(count, tag), tag), count);
	};

	const tokenResponse = await axios.post(
		`${sandbox.url}/oauth2/token`,
		new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: sandbox.clientId,
			client_secret: sandbox.clientSecret,
			scope: 'orders.write',
		}).toString(),
		{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
	);
	token = tokenResponse.data.access_token;

	// Warm-up (not timed): tokens fetched and stored, code paths JIT-compiled on every side.
	for (let i = 0; i < 2; i++) {
		await nodeRun(ITEMS);
		await axiosRun(ITEMS);
		if (base) await httpNodeRun(ITEMS);
	}
	const tokensBefore = (await sandbox.stats()).tokenRequests;
	recordPhases = true;

	const raw = [];
	const vsHttp = [];
	for (let pair = 0; pair < pairs; pair++) {
		const nodeFirst = pair % 2 === 0;
		const a = nodeFirst ? await nodeRun(ITEMS) : await axiosRun(ITEMS);
		const b = nodeFirst ? await axiosRun(ITEMS) : await nodeRun(ITEMS);
		const [nodeMs, axiosMs] = nodeFirst ? [a, b] : [b, a];
		raw.push({ nodeMs, axiosMs, ratio: nodeMs / axiosMs });
		log(
			`timing: pair ${pair + 1}/${pairs} node ${nodeMs.toFixed(0)} ms, axios ${axiosMs.toFixed(0)} ms`,
		);
	}
	if (base) {
		for (let pair = 0; pair < pairs; pair++) {
			const nodeFirst = pair % 2 === 0;
			const a = nodeFirst ? await nodeRun(ITEMS) : await httpNodeRun(ITEMS);
			const b = nodeFirst ? await httpNodeRun(ITEMS) : await nodeRun(ITEMS);
			const [nodeMs, httpMs] = nodeFirst ? [a, b] : [b, a];
			vsHttp.push({ nodeMs, httpMs, ratio: nodeMs / httpMs });
			log(
				`timing: pair ${pair + 1}/${pairs} node ${nodeMs.toFixed(0)} ms, HTTP Request node ${httpMs.toFixed(0)} ms`,
			);
		}
	}
	phases.close();
	const stats = await sandbox.stats();
	await h.close();
	await sandbox.stop();
	return {
		ratioVsRawHttp: median(raw.map((p) => p.ratio)),
		ratioVsHttpRequestNode: base ? median(vsHttp.map((p) => p.ratio)) : null,
		readMsPer1000Items: Math.round(median(nodePhases.map((p) => p.readMs))),
		sendMsPer1000Items: Math.round(median(nodePhases.map((p) => p.sendMs))),
		detail: {
			nodePhasesMedianMs: Object.fromEntries(
				['readOnlyMs', 'checkMs', 'catalogMs', 'sendMs'].map((key) => [
					key,
					median(nodePhases.map((p) => p[key])),
				]),
			),
			nodePhases,
			raw,
			vsHttp,
			tokenRequestsDuringTimedPairs: stats.tokenRequests - tokensBefore,
			catalogGets: Object.entries(stats.byRoute)
				.filter(([route]) => route.startsWith('GET /api/v1/catalog'))
				.reduce((n, [, c]) => n + c, 0),
		},
	};
}

module.exports = { runTiming, median };
