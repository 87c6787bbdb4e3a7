'use strict';

// What `npm pack` makes of this package, whether its nodes load from it alone, and the repository files
// the package tests read. Plain JS: the lint rules for .ts files ban fs, path, child_process and process.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.join(__dirname, '..', '..');
const PEER = 'n8n-workflow';

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function run(command, args, options = {}) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`,
		);
	}
	return result.stdout;
}

/**
 * Packs the package into a fresh temp folder and unpacks it to `<dir>/node_modules/<name>`, the way
 * n8n installs a community package. Returns the file list npm reports and the unpacked folder.
 */
function packAndUnpack() {
	const pkg = readJson(path.join(ROOT, 'package.json'));
	const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter(
		(file) => !fs.existsSync(path.join(ROOT, file)),
	);
	if (missing.length)
		throw new Error(`not built (missing ${missing.join(', ')}): run npm run build first`);
	const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'giftronaut-tarball-')));
	const out = run('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT });
	const [info] = JSON.parse(out.slice(out.indexOf('[')));
	const packageDir = path.join(dir, 'node_modules', pkg.name);
	fs.mkdirSync(packageDir, { recursive: true });
	run('tar', ['-xzf', path.join(dir, info.filename), '-C', packageDir, '--strip-components=1']);
	return { dir, packageDir, files: info.files.map((file) => file.path).sort(), size: info.size };
}

/** Where Node would resolve `name` from `fromDir` (the first node_modules/<name> walking up). */
function resolvePackageDir(name, fromDir) {
	for (let dir = fromDir; ; dir = path.dirname(dir)) {
		const candidate = path.join(dir, 'node_modules', name);
		if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
		if (dir === path.dirname(dir)) return undefined;
	}
}

/**
 * Copies the peer dependency n8n-workflow, with the packages it needs at run time, from this
 * checkout's node_modules into `<dir>/node_modules`: what n8n provides to a community package.
 * Nothing else of node_modules (no devDependency) comes along. Returns the copied package names.
 */
function provideN8nWorkflow(dir) {
	const rootModules = path.join(ROOT, 'node_modules');
	const start = resolvePackageDir(PEER, ROOT);
	const seen = new Set();
	const queue = [start];
	while (queue.length) {
		const packageDir = queue.shift();
		if (seen.has(packageDir)) continue;
		seen.add(packageDir);
		const manifest = readJson(path.join(packageDir, 'package.json'));
		const needs = { ...manifest.dependencies, ...manifest.optionalDependencies };
		for (const name of Object.keys(needs)) {
			const found = resolvePackageDir(name, packageDir);
			if (found) queue.push(found);
			else if (!(manifest.optionalDependencies || {})[name])
				throw new Error(`${name} (needed by ${manifest.name}) is not installed`);
		}
	}
	// Packages nested in another package's node_modules are copied with it.
	const topLevel = [...seen].filter((packageDir) => {
		const relative = path.relative(rootModules, packageDir);
		return !relative.startsWith('..') && !relative.includes(`${path.sep}node_modules${path.sep}`);
	});
	for (const packageDir of topLevel) {
		fs.cpSync(packageDir, path.join(dir, 'node_modules', path.relative(rootModules, packageDir)), {
			recursive: true,
		});
	}
	return topLevel.map((packageDir) => path.relative(rootModules, packageDir)).sort();
}

// Runs in a separate Node process inside the temp folder: requires every node and credential file of
// package.json's "n8n" section, instantiates the exported class and reports what n8n would read.
const LOADER = `
const fs = require('node:fs');
const path = require('node:path');
const [packageDir, root] = process.argv.slice(1);
const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
const icons = (icon, dir) => (icon ? (typeof icon === 'string' ? [icon] : Object.values(icon)) : [])
	.map((i) => ({ icon: i, exists: i.startsWith('file:') && fs.existsSync(path.resolve(dir, i.slice(5))) }));
const load = (kind, file) => {
	const full = path.join(packageDir, file);
	const classes = Object.values(require(full)).filter((v) => typeof v === 'function');
	if (classes.length !== 1) throw new Error(file + ' exports ' + classes.length + ' classes');
	const instance = new classes[0]();
	const description = kind === 'node' ? instance.description : instance;
	return {
		kind, file, className: classes[0].name, name: description.name, displayName: description.displayName,
		credentials: (description.credentials || []).map((c) => c.name),
		icons: icons(description.icon, path.dirname(full)),
	};
};
const loaded = [
	...pkg.n8n.nodes.map((file) => load('node', file)),
	...pkg.n8n.credentials.map((file) => load('credential', file)),
];
const outside = Object.keys(require.cache).filter((file) => !file.startsWith(root + path.sep));
process.stdout.write(JSON.stringify({ loaded, outside }));
`;

/** Loads every listed node and credential from the unpacked package in a Node with no other modules. */
function loadInIsolation(dir, packageDir) {
	const out = run(process.execPath, ['-e', LOADER, packageDir, fs.realpathSync(dir)], {
		cwd: dir,
		env: { PATH: process.env.PATH, HOME: dir },
	});
	return JSON.parse(out);
}

/** A file of this checkout: its text, or parsed as JSON / YAML. */
function repoText(relative) {
	return fs.readFileSync(path.join(ROOT, relative), 'utf8');
}
const repoJson = (relative) => JSON.parse(repoText(relative));
const repoYaml = (relative) => require('yaml').parse(repoText(relative));

/** A file of the unpacked package, as JSON. */
const packagedJson = (packed, relative) =>
	JSON.parse(fs.readFileSync(path.join(packed.packageDir, relative), 'utf8'));

/** Appends `text` to a file of the unpacked package; returns the function that restores it. */
function appendToPackaged(packageDir, relative, text) {
	const file = path.join(packageDir, relative);
	const original = fs.readFileSync(file, 'utf8');
	fs.appendFileSync(file, text);
	return () => fs.writeFileSync(file, original);
}

/** Runs scripts/scan.mjs on an unpacked package: { status, output }. */
function scanPackaged(packageDir) {
	const result = spawnSync(
		process.execPath,
		[path.join(ROOT, 'scripts', 'scan.mjs'), '--package', packageDir],
		{ encoding: 'utf8' },
	);
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const removeDir = (dir) => fs.rmSync(dir, { recursive: true, force: true });

module.exports = {
	packAndUnpack,
	provideN8nWorkflow,
	loadInIsolation,
	repoText,
	repoJson,
	repoYaml,
	packagedJson,
	appendToPackaged,
	scanPackaged,
	removeDir,
};
