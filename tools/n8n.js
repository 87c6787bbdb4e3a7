'use strict';

// One headless n8n: a user folder with this package installed as a community package, the CLI
// (import / publish), `n8n start`, the owner login and the editor's internal REST endpoints.
const fs = require('node:fs');
const path = require('node:path');

const proc = require('./proc');

const ROOT = path.join(__dirname, '..');

const OWNER = {
	email: 'owner@example.com',
	firstName: 'Gift',
	lastName: 'Owner',
	password: 'Giftronaut1!',
};

/** npm pack into `dir` (this also exercises the "files" list): the tarball, its file list, size and package name. */
function pack(dir) {
	const result = proc.run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT });
	if (result.status !== 0) throw new Error(`npm pack failed: ${result.stderr}`);
	const [info] = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
	return {
		tarball: path.join(dir, info.filename),
		files: info.files.map((f) => f.path),
		size: info.size,
		name: info.name,
	};
}

/** Installs a packed tarball the way n8n installs a community package (no runtime dependencies here). */
function installPackage(tarball, userFolder, packageName) {
	const dest = path.join(userFolder, '.n8n', 'nodes', 'node_modules', packageName);
	fs.rmSync(dest, { recursive: true, force: true });
	fs.mkdirSync(dest, { recursive: true });
	const result = proc.run('tar', ['-xzf', tarball, '-C', dest, '--strip-components=1']);
	if (result.status !== 0) throw new Error(`tar failed: ${result.stderr}`);
	return dest;
}

class N8n {
	/**
	 * @param {{ runtime: {version:string, bin:string, home:string, nodeHome:string, node:string},
	 *   userFolder: string, logDir: string, port: number, brokerPort: number, cliBrokerPort: number,
	 *   netlog?: string, logLevel?: string, extraEnv?: Record<string, string> }} options
	 */
	constructor(options) {
		Object.assign(this, options);
		this.base = `http://127.0.0.1:${this.port}`;
		this.cookie = '';
		this.server = undefined;
	}

	env(extra = {}) {
		const env = {
			...process.env,
			PATH: `${path.join(this.runtime.nodeHome, 'bin')}:${process.env.PATH}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'giftronaut-e2e-encryption-key',
			DB_TYPE: 'sqlite',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: this.base,
			WEBHOOK_URL: `${this.base}/`,
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: this.logLevel || 'info',
			SCARF_ANALYTICS: 'false',
			...this.extraEnv,
			...extra,
		};
		// Unknown module names make 1.x and 2.8 refuse to start; the module (and its api.n8n.io call) came later.
		if (!/^(1\.|2\.8\.)/.test(this.runtime.version)) env.N8N_DISABLED_MODULES = 'mcp-registry';
		else delete env.N8N_DISABLED_MODULES;
		if (this.netlog) {
			env.GIFTRONAUT_NETLOG = this.netlog;
			env.NODE_OPTIONS =
				`${env.NODE_OPTIONS || ''} --require ${path.join(__dirname, 'netguard.js')}`.trim();
		}
		return env;
	}

	async cli(args) {
		const started = Date.now();
		const result = await proc.runLogged(this.runtime.node, [this.runtime.bin, ...args], {
			env: this.env({ N8N_RUNNERS_BROKER_PORT: String(this.cliBrokerPort) }),
			cwd: this.userFolder,
			logFile: path.join(this.logDir, 'n8n-cli.log'),
			name: `n8n ${args[0]}`,
		});
		result.seconds = Math.round((Date.now() - started) / 100) / 10;
		if (result.code !== 0) {
			throw new Error(
				`n8n ${args.join(' ')} exited with ${result.code}:\n${proc.tail(result.output, 15)}`,
			);
		}
		return result;
	}

	async importCredentials(credentials) {
		const file = path.join(this.logDir, 'credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
		return await this.cli(['import:credentials', `--input=${file}`]);
	}

	async importWorkflows(workflows) {
		const dir = path.join(this.logDir, 'workflows');
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		workflows.forEach((workflow, index) => {
			fs.writeFileSync(
				path.join(dir, `${String(index).padStart(2, '0')}-${workflow.id}.json`),
				JSON.stringify(workflow, null, 2),
			);
		});
		return await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
	}

	async publish(workflowIds) {
		// One CLI boot per workflow (~5 s each): keep the list short.
		for (const id of workflowIds) await this.cli(['publish:workflow', `--id=${id}`]);
	}

	async start(timeoutMs = 120000) {
		const started = Date.now();
		this.server = proc.start(this.runtime.node, [this.runtime.bin, 'start'], {
			env: this.env(),
			cwd: this.userFolder,
			logFile: path.join(this.logDir, 'n8n-server.log'),
			name: 'n8n start',
		});
		// Readiness turns green before published workflows are activated; this line comes after.
		await proc.waitForLog(this.server, /Editor is now accessible via/, timeoutMs);
		return Math.round((Date.now() - started) / 1000);
	}

	serverLog() {
		return this.server ? fs.readFileSync(this.server.logFile, 'utf8') : '';
	}

	async stop() {
		if (this.server) await proc.stop(this.server);
	}

	async setupOwner() {
		const response = await fetch(`${this.base}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (!response.ok)
			throw new Error(`owner setup: HTTP ${response.status} ${await response.text()}`);
		this.takeCookie(response);
		return OWNER;
	}

	async login() {
		const response = await fetch(`${this.base}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				emailOrLdapLoginId: OWNER.email,
				email: OWNER.email,
				password: OWNER.password,
			}),
		});
		if (!response.ok) throw new Error(`login: HTTP ${response.status} ${await response.text()}`);
		this.takeCookie(response);
	}

	takeCookie(response) {
		const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
		const auth = cookies.find((c) => c.startsWith('n8n-auth='));
		if (!auth) throw new Error('no n8n-auth cookie in the response');
		this.cookie = auth;
	}

	/** Editor-internal REST call with the owner's cookie; returns { status, body } (body parsed when JSON). */
	async rest(method, urlPath, body) {
		const response = await fetch(`${this.base}${urlPath}`, {
			method,
			headers: {
				cookie: this.cookie,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, body: await parseBody(response) };
	}

	async webhook(webhookPath, body) {
		const response = await fetch(`${this.base}/webhook/${webhookPath}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body ?? {}),
		});
		return { status: response.status, body: await parseBody(response) };
	}

	async executions(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { status, body } = await this.rest('GET', `/rest/executions?filter=${filter}&limit=100`);
		if (status !== 200) throw new Error(`executions list: HTTP ${status} ${JSON.stringify(body)}`);
		return body.data.results;
	}

	/** Full execution with its run data decoded (n8n stores it in the "flatted" format). */
	async execution(id) {
		const { status, body } = await this.rest('GET', `/rest/executions/${id}`);
		if (status !== 200) throw new Error(`execution ${id}: HTTP ${status} ${JSON.stringify(body)}`);
		const flatted = require(path.join(this.runtime.home, 'node_modules', 'flatted'));
		const execution = body.data;
		return {
			...execution,
			data: typeof execution.data === 'string' ? flatted.parse(execution.data) : execution.data,
		};
	}
}

async function parseBody(response) {
	const text = await response.text();
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

module.exports = { N8n, OWNER, pack, installPackage };
