'use strict';

// Redis and PostgreSQL for the queue-mode run: the Debian packages (installed once when missing),
// started as local processes on free loopback ports with their data in a given folder. Stopped with
// every other child of the run (tools/proc.js), PostgreSQL with a fast shutdown.
const fs = require('node:fs');
const path = require('node:path');

const proc = require('../../tools/proc');

function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

function hasRedis() {
	return proc.run('sh', ['-c', 'command -v redis-server']).status === 0;
}

/** apt-get install -y redis-server postgresql, only for what is missing (needs root, like Chromium). */
function ensurePackages(log) {
	const missing = [];
	if (!hasRedis()) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (!missing.length) return;
	if (process.getuid() !== 0 || !fs.existsSync('/usr/bin/apt-get')) {
		throw new Error(
			`${missing.join(' and ')} missing: install them (Debian: sudo apt-get install -y ${missing.join(' ')}) or run as root`,
		);
	}
	log(`installing ${missing.join(' ')} with apt-get (once per machine)`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
		const result = proc.run('apt-get', args, { env });
		if (result.status !== 0)
			throw new Error(
				`apt-get ${args.join(' ')} failed:\n${proc.tail(result.stderr || result.stdout, 10)}`,
			);
	}
	if (!hasRedis() || !postgresBinDir())
		throw new Error(
			`apt-get installed ${missing.join(' ')} but redis-server or initdb is still missing`,
		);
}

async function startRedis(dir) {
	fs.mkdirSync(dir, { recursive: true });
	const port = await proc.freePort();
	const child = proc.start(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--daemonize',
			'no',
		],
		{ env: process.env, cwd: dir, logFile: path.join(dir, 'redis.log'), name: 'redis' },
	);
	await proc.waitForLog(child, /Ready to accept connections/, 20000);
	return { port, child, stop: () => proc.stop(child) };
}

/** PostgreSQL refuses to run as root: as root, the data folder belongs to the package's `postgres` user. */
function runAs() {
	if (process.getuid() !== 0) return {};
	const result = proc.run('id', ['-u', 'postgres']);
	if (result.status !== 0)
		throw new Error('running as root and there is no "postgres" user to run PostgreSQL as');
	return {
		uid: Number(result.stdout.trim()),
		gid: Number(proc.run('id', ['-g', 'postgres']).stdout.trim()),
	};
}

async function startPostgres(dir, database) {
	const bin = postgresBinDir();
	const user = runAs();
	const data = path.join(dir, 'data');
	fs.mkdirSync(dir, { recursive: true });
	if (user.uid !== undefined) {
		fs.chownSync(dir, user.uid, user.gid);
		fs.chmodSync(path.dirname(dir), 0o711); // mkdtemp made the run's folder 0700: let postgres reach its own
	}
	const initdb = proc.run(
		path.join(bin, 'initdb'),
		['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'],
		{ ...user, cwd: dir },
	);
	if (initdb.status !== 0)
		throw new Error(`initdb failed:\n${proc.tail(initdb.stderr || initdb.stdout, 10)}`);
	const port = await proc.freePort();
	const child = proc.start(
		path.join(bin, 'postgres'),
		[
			'-D',
			data,
			'-p',
			String(port),
			'-k',
			dir,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'fsync=off',
			'-c',
			'max_connections=100',
		],
		{
			env: process.env,
			cwd: dir,
			logFile: path.join(dir, 'postgres.log'),
			name: 'postgres',
			...user,
		},
	);
	await proc.waitForLog(child, /database system is ready to accept connections/, 30000);
	const created = proc.run(
		path.join(bin, 'psql'),
		['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', `CREATE DATABASE ${database}`],
		user,
	);
	if (created.status !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr}`);
	// SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for clients to leave).
	return { port, child, user: 'postgres', database, stop: () => proc.stop(child, 10000, 'SIGINT') };
}

module.exports = { ensurePackages, startRedis, startPostgres };
