// Jest runs the TypeScript tests through ts-jest with test/tsconfig.json (isolatedModules: plain
// transpilation, no type check per file; `npx tsc -p test/tsconfig.json` does the type check).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// n8n-core's InstanceSettings writes an encryption key into $N8N_USER_FOLDER/.n8n/config. Give the
// whole run a fresh temp root; test/harness/jest-env.js makes one sub-folder per worker and
// test/harness/jest-global-teardown.js removes the root.
if (!process.env.GIFTRONAUT_HARNESS_TMP) {
	process.env.GIFTRONAUT_HARNESS_TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'giftronaut-jest-'));
}

/** @type {import('jest').Config} */
module.exports = {
	rootDir: __dirname,
	testEnvironment: 'node',
	testMatch: ['<rootDir>/test/**/*.test.ts'],
	moduleFileExtensions: ['ts', 'js', 'json'],
	// Built output and local n8n runtimes are not test sources (dist/package.json collides with ours).
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/e2e/', '<rootDir>/.n8n-e2e/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
	},
	setupFiles: ['<rootDir>/test/harness/jest-env.js'],
	setupFilesAfterEnv: ['<rootDir>/test/harness/jest-after-env.js'],
	globalTeardown: '<rootDir>/test/harness/jest-global-teardown.js',
	// A test talks to the local sandbox over loopback HTTP; a single engine run takes milliseconds.
	// The limit only has to survive retry waits (n8n clamps waitBetweenTries to <= 5 s).
	testTimeout: 30000,
	// Files are independent (one sandbox each, random port), so workers can run in parallel.
	maxWorkers: '50%',
};
