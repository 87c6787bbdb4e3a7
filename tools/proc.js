'use strict';

// Child processes of the e2e run, the demo and the bench: each one gets its own process group, so stopping it
// also stops what it started (n8n's task runner), and every one is stopped by pid when we exit.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');

const children = new Set();
/** Synchronous clean-ups (temp folders) for an interrupted run; a finished run does its own. */
const interruptCleanups = new Set();

function onInterrupt(fn) {
	interruptCleanups.add(fn);
	return () => interruptCleanups.delete(fn);
}

function start(command, args, { env, cwd, logFile, name, uid, gid }) {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(command, args, {
		env,
		cwd,
		uid,
		gid,
		detached: true,
		stdio: ['ignore', out, out],
	});
	fs.closeSync(out);
	child.name = name;
	child.logFile = logFile;
	child.exited = new Promise((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal })),
	);
	children.add(child);
	child.exited.then(() => children.delete(child));
	return child;
}

function signalGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

async function stop(child, graceMs = 10000, signal = 'SIGTERM') {
	if (!children.has(child)) return;
	signalGroup(child, signal);
	const timer = new Promise((resolve) => setTimeout(resolve, graceMs, 'timeout'));
	if ((await Promise.race([child.exited, timer])) === 'timeout') {
		signalGroup(child, 'SIGKILL');
		await child.exited;
	}
	// The group may outlive its leader (a task runner that ignored SIGTERM).
	signalGroup(child, 'SIGKILL');
}

async function stopAll() {
	await Promise.all([...children].map((child) => stop(child)));
}

/** Last resort on a synchronous exit path: no waiting possible. */
function killAllNow() {
	for (const child of children) signalGroup(child, 'SIGKILL');
}

let handlersInstalled = false;
let interruptedBy;

/** The signal that is stopping this process, if any. */
function interrupted() {
	return interruptedBy;
}

function installExitHandlers() {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.on('exit', killAllNow);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(signal, async () => {
			if (interruptedBy) return;
			interruptedBy = signal;
			process.stderr.write(`\n${signal}: stopping ${children.size} process(es)…\n`);
			await stopAll();
			for (const fn of interruptCleanups) {
				try {
					fn();
				} catch {
					// best effort
				}
			}
			process.exit(130);
		});
	}
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Resolves when `pattern` appears in the child's log; rejects when it exits first or on timeout. */
async function waitForLog(child, pattern, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	let exited = false;
	child.exited.then(() => {
		exited = true;
	});
	while (Date.now() < deadline) {
		const text = fs.readFileSync(child.logFile, 'utf8');
		const match = text.match(pattern);
		if (match) return match;
		if (exited)
			throw new Error(
				`${child.name} exited before "${pattern}"; log: ${child.logFile}\n${tail(text)}`,
			);
		await sleep(250);
	}
	throw new Error(
		`${child.name}: no "${pattern}" within ${timeoutMs / 1000}s; log: ${child.logFile}`,
	);
}

function tail(text, lines = 25) {
	return text.split('\n').slice(-lines).join('\n');
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs a command to completion in its own group (stopped with the rest on Ctrl-C); output goes to logFile. */
async function runLogged(command, args, { env, cwd, logFile, name }) {
	const before = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
	const child = start(command, args, { env, cwd, logFile, name });
	const { code, signal } = await child.exited;
	const output = fs.readFileSync(logFile).subarray(before).toString('utf8');
	return { code, signal, output };
}

/** Runs a command to completion (synchronously), returning { status, stdout, stderr }. */
function run(command, args, options = {}) {
	const result = spawnSync(command, args, {
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		...options,
	});
	if (result.error) throw result.error;
	return result;
}

module.exports = {
	start,
	stop,
	stopAll,
	installExitHandlers,
	onInterrupt,
	interrupted,
	freePort,
	waitForLog,
	sleep,
	run,
	runLogged,
	tail,
};
