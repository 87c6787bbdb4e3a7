import { readRepoFile, textFiles } from './files';

/*
 * The repository must stand alone: nothing in it may cite the project's outside notes. What the
 * package assumes of Giftronaut's API is in docs/api-contract.md, cited as
 * `docs/api-contract.md#<anchor>`, and every such anchor must exist there.
 */

const CONTRACT = 'docs/api-contract.md';
const THIS_FILE = 'test/repo/stands-alone.test.ts';

const RELATIVE_SHARED = /((?:\.\.\/)+)shared\b/g;

/** A relative path to a `shared` folder that lies above the repository root (nodes/…/shared is inside). */
function citesSharedOutside(file: string, line: string): boolean {
	const depth = file.split('/').length - 1;
	return [...line.matchAll(RELATIVE_SHARED)].some((match) => match[1].length / 3 > depth);
}

/** Citations of material outside the repository (spelled here, so this file is skipped). */
const OUTSIDE_CITATIONS: Array<{ what: string; cites: (file: string, line: string) => boolean }> = [
	{ what: 'a path outside the repository', cites: citesSharedOutside },
	{ what: 'the outside API notes', cites: (_file, line) => /shared\/giftronaut-api/.test(line) },
	{ what: 'the outside n8n notes', cites: (_file, line) => /shared\/n8n-/.test(line) },
	{
		what: 'a section of the outside contract',
		cites: (_file, line) => new RegExp('contract ' + '\u00a7', 'i').test(line),
	},
];

const CITATION = /api-contract\.md#([A-Za-z0-9_-]+)/g;

interface TextFile {
	file: string;
	lines: string[];
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function headingAnchors(markdown: string): string[] {
	const anchors: string[] = [];
	const used = new Map<string, number>();
	let fenced = false;
	for (const line of markdown.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		const heading = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
		if (!heading) continue;
		const base = heading[1]
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const seen = used.get(base) ?? 0;
		used.set(base, seen + 1);
		anchors.push(seen === 0 ? base : `${base}-${seen}`);
	}
	return anchors;
}

const files: TextFile[] = textFiles().map(({ file, text }) => ({ file, lines: text.split('\n') }));
const contract = readRepoFile(CONTRACT);
const anchors = headingAnchors(contract);

describe('the repository stands alone', () => {
	test('the file list is the real one', () => {
		const names = files.map((text) => text.file);
		expect(names).toContain('README.md');
		expect(names).toContain(CONTRACT);
		expect(names).toContain(THIS_FILE);
		expect(names.some((name) => name.startsWith('.ci/'))).toBe(false);
	});

	test('a relative path counts as outside only when it climbs above the repository root', () => {
		expect(citesSharedOutside('README.md', 'see ../shared/notes.md')).toBe(true);
		expect(citesSharedOutside('test/sandbox/README.md', 'see ../../../shared/notes.md')).toBe(true);
		expect(
			citesSharedOutside(
				'nodes/Giftronaut/actions/order/get.operation.ts',
				"import { updateDisplayOptions } from '../../shared/displayOptions';",
			),
		).toBe(false);
	});

	test('no file outside .ci cites notes that live outside the repository', () => {
		const found: string[] = [];
		for (const { file, lines } of files) {
			if (file === THIS_FILE) continue;
			lines.forEach((line, index) => {
				for (const { what, cites } of OUTSIDE_CITATIONS) {
					if (cites(file, line)) found.push(`${file}:${index + 1} cites ${what}: ${line.trim()}`);
				}
			});
		}
		expect(found).toEqual([]);
	});

	test('the contract has the sections code cites, each with its own anchor', () => {
		expect(new Set(anchors).size).toBe(anchors.length);
		for (const section of [
			'base-url',
			'token',
			'scopes',
			'envelopes',
			'catalog',
			'orders',
			'balance',
			'ledger',
			'templates',
			'recipients',
			'campaigns',
			'campaign-runs',
			'webhooks',
			'signatures',
			'delivery',
			'idempotency',
			'paging',
			'errors',
			'rate-limits',
			'request-ids',
			'lifecycle',
			'trigger',
			'sandbox',
			'assumptions',
		]) {
			expect(anchors).toContain(section);
		}
	});

	test('every docs/api-contract.md#anchor cited in the repository exists', () => {
		const cited: string[] = [];
		const missing: string[] = [];
		for (const { file, lines } of files) {
			if (file === THIS_FILE) continue;
			lines.forEach((line, index) => {
				for (const match of line.matchAll(CITATION)) {
					cited.push(match[1]);
					if (!anchors.includes(match[1])) missing.push(`${file}:${index + 1} #${match[1]}`);
				}
			});
		}
		expect(missing).toEqual([]);
		// The code does cite the contract: a scan that finds nothing would prove nothing.
		expect(cited.length).toBeGreaterThan(0);
	});

	test('links inside the contract point at its own headings', () => {
		const missing = [...contract.matchAll(/\]\(#([^)]+)\)/g)]
			.map((match) => match[1])
			.filter((anchor) => !anchors.includes(anchor));
		expect(missing).toEqual([]);
	});

	test('anchors are computed the way GitHub does', () => {
		expect(
			headingAnchors('## Rate limits\n### Order create\n## X-Request-Id\n## Paging\n## Paging'),
		).toEqual(['rate-limits', 'order-create', 'x-request-id', 'paging', 'paging-1']);
		expect(headingAnchors('```\n# not a heading\n```\n## Real')).toEqual(['real']);
	});
});
