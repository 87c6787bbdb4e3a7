#!/usr/bin/env node
// n8n's community-package scanner (@n8n/scan-community-package), run offline on what npm would publish.
//
// The scanner's CLI only scans a package already on the registry: it checks the npm provenance
// attestation, downloads the attested GitHub source and the published tarball, then lints both with
// its own ESLint config. Here the same two lint passes run with the scanner's own code and rules:
//   source leg:  this checkout, with the scanner's SOURCE_FILE_PATTERNS (package.json, nodes/ and
//                credentials/ sources), as it lints the attested source;
//   tarball leg: the output of `npm pack`, unpacked, every .js file and package.json, as it lints the
//                downloaded tarball.
// What only the registry can check (provenance present, attested commit reachable) is not covered.
//
//   node scripts/scan.mjs                 pack this package (needs npm run build) and scan it
//   node scripts/scan.mjs --package <dir> scan an already unpacked package as the tarball leg
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
	return result.stdout;
}

function packAndUnpack(workDir) {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter(
		(file) => !fs.existsSync(path.join(ROOT, file)),
	);
	if (missing.length)
		throw new Error(`not built (missing ${missing.join(', ')}): run npm run build first`);
	const out = run('npm', ['pack', '--json', '--pack-destination', workDir], ROOT);
	const [info] = JSON.parse(out.slice(out.indexOf('[')));
	const packageDir = path.join(workDir, 'package');
	fs.mkdirSync(packageDir);
	run('tar', ['-xzf', path.join(workDir, info.filename), '-C', packageDir, '--strip-components=1']);
	return { packageDir, label: `${info.name}@${info.version}` };
}

async function main() {
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'giftronaut-scan-'));
	// The scanner makes a temp folder when it is loaded; keep it inside ours so it goes with it.
	process.env.TMPDIR = workDir;
	try {
		const given = process.argv.indexOf('--package');
		const { packageDir, label } =
			given > 0
				? { packageDir: path.resolve(process.argv[given + 1]), label: process.argv[given + 1] }
				: packAndUnpack(workDir);
		const scanner = await import('@n8n/scan-community-package/scanner/scanner.mjs');
		// The scanner's own file globbing, to say how many files each leg linted.
		const glob = createRequire(
			import.meta.resolve('@n8n/scan-community-package/scanner/scanner.mjs'),
		)('fast-glob');
		const legs = [
			{ name: 'source', dir: ROOT, patterns: scanner.SOURCE_FILE_PATTERNS },
			{ name: 'tarball', dir: packageDir, patterns: TARBALL_PATTERNS },
		];
		let passed = true;
		for (const leg of legs) {
			const files = glob.sync(leg.patterns, {
				cwd: leg.dir,
				ignore: ['node_modules/**', '**/package-lock.json'],
			});
			const result = await scanner.analyzePackage(leg.dir, leg.patterns);
			passed &&= result.passed;
			const where = leg.name === 'source' ? 'this checkout' : label;
			console.log(
				`${result.passed ? '✅' : '❌'} scanner ${leg.name} leg: ${files.length} files of ${where}${result.passed ? ' pass' : `: ${result.message}`}`,
			);
			if (result.details) console.log(result.details);
		}
		console.log(
			'   not covered offline: the provenance attestation and the attested GitHub source (checked by the scanner after publishing)',
		);
		process.exitCode = passed ? 0 : 1;
	} finally {
		fs.rmSync(workDir, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(`scan failed: ${error.message}`);
	process.exitCode = 1;
});
