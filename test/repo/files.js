'use strict';

// Reads the repository for test/repo/*.test.ts. Plain JS: the community-node lint that covers every
// .ts file forbids file system and process access, which a test of the repository itself needs.

const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '../..');

/** Tracked files plus new ones not ignored (so a citation is caught before it is committed), minus .ci/. */
function listFiles() {
	const output = execFileSync(
		'git',
		['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
		{
			cwd: ROOT,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		},
	);
	return [...new Set(output.split('\0').filter(Boolean))].filter((file) => {
		if (file.startsWith('.ci/')) return false;
		const path = join(ROOT, file);
		// A file deleted in the working tree but still in the index is skipped.
		return existsSync(path) && statSync(path).isFile();
	});
}

/** Every text file (binary ones such as images are left out), as { file, text }. */
function textFiles() {
	const result = [];
	for (const file of listFiles()) {
		const bytes = readFileSync(join(ROOT, file));
		if (bytes.subarray(0, 8000).includes(0)) continue;
		result.push({ file, text: bytes.toString('utf8') });
	}
	return result;
}

function readRepoFile(file) {
	return readFileSync(join(ROOT, file), 'utf8');
}

module.exports = { textFiles, readRepoFile };
