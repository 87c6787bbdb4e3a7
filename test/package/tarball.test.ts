// What the published package carries (npm pack), and that its nodes and credential load from the
// tarball alone: a folder with only the unpacked package and its peer n8n-workflow, no devDependency.
// Needs dist/ (npm run build; `npm run test:all` builds first).
import {
	appendToPackaged,
	loadInIsolation,
	packAndUnpack,
	packagedJson,
	provideN8nWorkflow,
	removeDir,
	repoJson,
	scanPackaged,
	type Packed,
} from './tarball';

interface PackageJson {
	name: string;
	main: string;
	n8n: { nodes: string[]; credentials: string[] };
}

const pkg = repoJson<PackageJson>('package.json');
const tsconfig = repoJson<{ compilerOptions: { sourceMap?: boolean } }>('tsconfig.json');
const listed = [...pkg.n8n.nodes, ...pkg.n8n.credentials];

let packed: Packed;

beforeAll(() => {
	packed = packAndUnpack();
	provideN8nWorkflow(packed.dir);
}, 60000);

afterAll(() => {
	if (packed) removeDir(packed.dir);
});

describe('the tarball npm pack makes', () => {
	it('carries the listed nodes and credential, the icons, README, LICENSE, CHANGELOG and package.json', () => {
		const required = [
			...listed,
			'dist/icons/giftronaut.svg',
			'dist/icons/giftronaut.dark.svg',
			'README.md',
			'LICENSE.md',
			'CHANGELOG.md',
			'package.json',
		];
		expect(required.filter((file) => !packed.files.includes(file))).toEqual([]);
	});

	it('carries nothing but dist/ and the package files: no tests, sources, examples or scripts', () => {
		const rootFiles = ['package.json', 'README.md', 'LICENSE.md', 'CHANGELOG.md', pkg.main];
		const stray = packed.files.filter(
			(file) => !file.startsWith('dist/') && !rootFiles.includes(file),
		);
		expect(stray).toEqual([]);
		const sources = packed.files.filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts'));
		expect(sources).toEqual([]);
		const tests = packed.files.filter(
			(file) =>
				/(^|\/)(test|tests|__tests__|e2e|bench)\//.test(file) || /\.(test|spec)\./.test(file),
		);
		expect(tests).toEqual([]);
	});

	it('ships source maps only as tsconfig asks, each beside its .js and without the TypeScript sources inside', () => {
		const maps = packed.files.filter((file) => file.endsWith('.map'));
		if (!tsconfig.compilerOptions.sourceMap) {
			expect(maps).toEqual([]);
			return;
		}
		expect(maps.length).toBeGreaterThan(0);
		expect(maps.filter((map) => !packed.files.includes(map.slice(0, -'.map'.length)))).toEqual([]);
		const withSources = maps.filter(
			(map) => packagedJson<{ sourcesContent?: string[] }>(packed, map).sourcesContent,
		);
		expect(withSources).toEqual([]);
	});
});

describe('loaded from the tarball alone (only n8n-workflow beside it)', () => {
	it('every node and credential of package.json "n8n" loads, with its name, credential and icons', () => {
		const { loaded, outside } = loadInIsolation(packed.dir, packed.packageDir);
		expect(outside).toEqual([]);
		expect(loaded.map(({ kind, file, name }) => ({ kind, file, name }))).toEqual([
			{ kind: 'node', file: 'dist/nodes/Giftronaut/Giftronaut.node.js', name: 'giftronaut' },
			{
				kind: 'node',
				file: 'dist/nodes/Giftronaut/GiftronautTrigger.node.js',
				name: 'giftronautTrigger',
			},
			{
				kind: 'node',
				file: 'dist/nodes/Giftronaut/GiftronautWebhookTrigger.node.js',
				name: 'giftronautWebhookTrigger',
			},
			{
				kind: 'credential',
				file: 'dist/credentials/GiftronautApi.credentials.js',
				name: 'giftronautApi',
			},
		]);
		for (const entry of loaded) {
			expect(entry.displayName).toMatch(/^Giftronaut/);
			expect(entry.icons.length).toBeGreaterThan(0);
			expect(entry.icons.filter((icon) => !icon.exists)).toEqual([]);
			if (entry.kind === 'node') expect(entry.credentials).toEqual(['giftronautApi']);
		}
	});

	it('a node file needing a devDependency would fail to load there', () => {
		const restore = appendToPackaged(packed.packageDir, pkg.n8n.nodes[0], "\nrequire('axios');\n");
		try {
			expect(() => loadInIsolation(packed.dir, packed.packageDir)).toThrow(
				/Cannot find module 'axios'/,
			);
		} finally {
			restore();
		}
	});
});

describe("n8n's community-package scanner on the tarball (scripts/scan.mjs, run clean by npm run lint)", () => {
	it('fails on a rule violation in the shipped code, naming the leg, the file and the rule', () => {
		const restore = appendToPackaged(
			packed.packageDir,
			pkg.n8n.nodes[0],
			"\nconsole.log('left over');\n",
		);
		try {
			const { status, output } = scanPackaged(packed.packageDir);
			expect(status).toBe(1);
			expect(output).toMatch(/❌ scanner tarball leg[\s\S]*Giftronaut\.node\.js[\s\S]*no-console/);
		} finally {
			restore();
		}
	}, 60000);
});
