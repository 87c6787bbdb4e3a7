import { Giftronaut } from '../../nodes/Giftronaut/Giftronaut.node';
import { resources } from '../../nodes/Giftronaut/actions/router';
import { textFiles } from './files';

/*
 * The layout conventions of the package (README → Development): one operation per
 * `actions/<resource>/…/<operation>.operation.ts`, found through its resource's operation map;
 * small files; one way to name the item in an error.
 */

const MAX_LINES = 300;
const files = textFiles();

describe('the layout of the package', () => {
	test('every operation file is in its resource operation map, and every map entry has a file', () => {
		const onDisk = files
			.map(({ file }) =>
				/^nodes\/Giftronaut\/actions\/([^/]+)\/(?:.*\/)?([^/]+)\.operation\.ts$/.exec(file),
			)
			.filter((match): match is RegExpExecArray => match !== null)
			.map(([, resource, operation]) => `${resource}.${operation}`)
			.sort();
		const mapped = Object.entries(resources)
			.flatMap(([resource, operations]) => Object.keys(operations).map((op) => `${resource}.${op}`))
			.sort();
		expect(onDisk.length).toBeGreaterThan(5);
		expect(mapped).toEqual(onDisk);
	});

	test('each operation property shows only for its own resource and operation', () => {
		const { properties } = new Giftronaut().description;
		const unscoped: string[] = [];
		for (const [resource, operations] of Object.entries(resources)) {
			for (const [operation, { description }] of Object.entries(operations)) {
				for (const property of description) {
					const show = property.displayOptions?.show;
					if (
						JSON.stringify(show?.resource) !== JSON.stringify([resource]) ||
						JSON.stringify(show?.operation) !== JSON.stringify([operation])
					) {
						unscoped.push(`${resource}.${operation}: ${property.name}`);
					}
					expect(properties).toContain(property);
				}
			}
		}
		expect(unscoped).toEqual([]);
	});

	test('each Operation dropdown lists its operations alphabetically, as n8n lists options', () => {
		for (const operations of Object.values(resources)) {
			const names = Object.values(operations).map((operation) => operation.option.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	test(`no file in nodes/ or credentials/ is over ${MAX_LINES} lines`, () => {
		const long = files
			.filter(({ file }) => /^(nodes|credentials)\//.test(file) && file.endsWith('.ts'))
			.map(({ file, text }) => ({ file, lines: text.split('\n').length - 1 }))
			.filter(({ lines }) => lines > MAX_LINES)
			.map(({ file, lines }) => `${file}: ${lines}`);
		expect(long).toEqual([]);
	});

	test('errors name the item one way: "… (item N)"', () => {
		const other = files
			.filter(({ file }) => /^(nodes|credentials)\//.test(file))
			.flatMap(({ file, text }) =>
				text
					.split('\n')
					.map((line, index) => ({ line, where: `${file}:${index + 1}` }))
					.filter(({ line }) => /\[item \$\{|\[item \d/.test(line))
					.map(({ where }) => where),
			);
		expect(other).toEqual([]);
	});
});
