// The GitHub Actions workflows: CI runs exactly the README's test command, and a release publishes to
// npm with provenance (OIDC) only after the tests, the build and the lint (with the scanner) passed.
import { repoJson, repoText, repoYaml } from './tarball';

const README_COMMAND = 'npm ci && npm run test:all';

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, string>;
}
interface Job {
	'runs-on'?: string;
	'timeout-minutes'?: number;
	uses?: string;
	needs?: string | string[];
	permissions?: Record<string, string>;
	steps?: Step[];
}
interface Workflow {
	on: Record<string, unknown>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const workflow = (file: string) => repoYaml<Workflow>(`.github/workflows/${file}`);
const runs = (job: Job) =>
	(job.steps ?? []).filter((step) => step.run).map((step) => step.run!.trim());
const setupNode = (job: Job) =>
	(job.steps ?? []).find((step) => step.uses?.startsWith('actions/setup-node@'));
const needs = (job: Job) => (typeof job.needs === 'string' ? [job.needs] : (job.needs ?? []));

describe('.github/workflows/ci.yml', () => {
	const ci = workflow('ci.yml');
	const [name, job] = Object.entries(ci.jobs)[0];

	it('is one job on Node 20 on an Ubuntu runner, within 60 minutes', () => {
		expect(Object.keys(ci.jobs)).toEqual([name]);
		expect(job['runs-on']).toMatch(/^ubuntu-/);
		expect(String(setupNode(job)?.with?.['node-version'])).toBe('20');
		expect(job['timeout-minutes']).toBeLessThanOrEqual(60);
	});

	it('runs exactly the README test command, and the README still says it', () => {
		expect(runs(job).filter((command) => command.includes('npm'))).toEqual([README_COMMAND]);
		expect(repoText('README.md')).toContain(`\`${README_COMMAND}\``);
	});

	it('caches npm and the n8n runtimes, keyed on what installs them', () => {
		expect(setupNode(job)?.with?.cache).toBe('npm');
		const cache = (job.steps ?? []).find((step) => step.uses?.startsWith('actions/cache@'));
		expect(cache?.with?.path).toBe('~/.cache/n8n-nodes-giftronaut');
		expect(cache?.with?.key).toEqual(
			expect.stringContaining("hashFiles('tools/runtime.sh', 'tools/runtimes/**')"),
		);
	});

	it('runs on pushes and pull requests, can be called by the release, and may only read the repository', () => {
		expect(Object.keys(ci.on)).toEqual(
			expect.arrayContaining(['push', 'pull_request', 'workflow_call']),
		);
		expect(ci.permissions).toEqual({ contents: 'read' });
	});
});

describe('.github/workflows/release.yml', () => {
	const release = workflow('release.yml');
	const publishers = Object.entries(release.jobs).filter(([, job]) =>
		runs(job).some((command) => /\bnpm publish\b/.test(command)),
	);

	it('runs on version tags only', () => {
		expect(Object.keys(release.on)).toEqual(['push']);
		expect(release.on.push).toEqual({ tags: ['v*.*.*'] });
	});

	it('has one publishing job, with the OIDC token permission (id-token: write) and read-only contents', () => {
		expect(publishers).toHaveLength(1);
		const [, job] = publishers[0];
		expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
		expect(release.permissions?.['id-token']).toBeUndefined();
	});

	it('publishes with npm provenance from the npm registry, on a Node whose npm does trusted publishing', () => {
		const [, job] = publishers[0];
		expect(runs(job).filter((command) => /\bnpm publish\b/.test(command))).toEqual([
			expect.stringMatching(/^npm publish --provenance\b/),
		]);
		expect(setupNode(job)?.with?.['registry-url']).toBe('https://registry.npmjs.org');
		expect(Number(setupNode(job)?.with?.['node-version'])).toBeGreaterThanOrEqual(24);
	});

	it('publishes only after the full test command (ci.yml) passed', () => {
		const [, job] = publishers[0];
		const testJobs = needs(job).map((needed) => release.jobs[needed]);
		expect(testJobs.map((needed) => needed?.uses)).toContain('./.github/workflows/ci.yml');
	});

	it('builds and lints (scanner included) the tree it publishes, before publishing, and checks the tag', () => {
		const [, job] = publishers[0];
		const commands = runs(job);
		const publishAt = commands.findIndex((command) => /\bnpm publish\b/.test(command));
		const before = commands.slice(0, publishAt).join('\n');
		expect(before).toMatch(/npm ci && npm run build && npm run lint/);
		expect(before).toContain('GITHUB_REF_NAME');
		const pkg = repoJson<{ scripts: Record<string, string> }>('package.json');
		expect(pkg.scripts.lint).toContain('scripts/scan.mjs');
	});
});
