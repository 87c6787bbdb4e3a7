// The item field reader (nodes/Giftronaut/actions/order/create/itemFieldReader.ts) against n8n's own engine:
// every (expression, item) pair of the corpus is read both ways inside a real WorkflowExecute run
// and must give the same value, type and error. Then whole Order → Create runs with the reader on
// and off must create the same orders with the same keys.
import {
	Expression,
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type IGetNodeParameterOptions,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	plainFieldPath,
	setItemFieldFastPath,
	withItemFieldReads,
} from '../../nodes/Giftronaut/actions/order/create/itemFieldReader';
import { createHarness, type Harness } from '../harness';
import { createParameters, errorText, person } from './create-fixtures';

const PROBE_TYPE = 'n8n-nodes-giftronaut-harness.fieldProbe';

const probeProperties: INodeProperties[] = [
	{ displayName: 'Value', name: 'value', type: 'string', default: '' },
	{
		displayName: 'Locator',
		name: 'locator',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		modes: [
			{ displayName: 'ID', name: 'id', type: 'string' },
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				extractValue: { type: 'regex', regex: 'https://example\\.com/p/([^/]+)' },
			},
		],
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		default: {},
		options: [
			{ displayName: 'A', name: 'a', type: 'string', default: '' },
			{ displayName: 'B', name: 'b', type: 'number', default: 0 },
		],
	},
	{
		displayName: 'List',
		name: 'list',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		options: [
			{
				displayName: 'Entry',
				name: 'entry',
				values: [
					{ displayName: 'X', name: 'x', type: 'string', default: '' },
					{ displayName: 'N', name: 'n', type: 'number', default: 0 },
				],
			},
		],
	},
	{ displayName: 'Typed', name: 'typed', type: 'string', default: '', validateType: 'number' },
];

/** Every read the probe makes per item, with the getNodeParameter arguments. */
const READS: Array<{ name: string; options?: IGetNodeParameterOptions; fallback?: unknown }> = [
	{ name: 'value', fallback: '' },
	{ name: 'locator', options: { extractValue: true } },
	{ name: 'locator' },
	{ name: 'fields' },
	{ name: 'fields.a' },
	{ name: 'list', fallback: {} },
	{ name: 'typed' },
];

type Outcome = { value: unknown } | { error: string };
interface Reading {
	read: string;
	itemIndex: number;
	engine: Outcome;
	reader: Outcome;
	/** Whether the reader answered without calling getNodeParameter. */
	fast: boolean;
}

let readings: Reading[] = [];

const attempt = (read: () => unknown): Outcome => {
	try {
		return { value: read() };
	} catch (error) {
		return { error: (error as Error).message };
	}
};

class FieldProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Field Probe',
		name: 'fieldProbe',
		group: ['transform'],
		version: 1,
		description: 'Reads its parameters through n8n and through the item field reader',
		defaults: { name: 'Field Probe' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: probeProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		let engineCalls = 0;
		const counting = Object.create(this) as IExecuteFunctions;
		counting.getNodeParameter = ((...args: Parameters<IExecuteFunctions['getNodeParameter']>) => {
			engineCalls++;
			return this.getNodeParameter(...args);
		}) as IExecuteFunctions['getNodeParameter'];
		const reader = withItemFieldReads(counting, probeProperties);
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			for (const { name, options, fallback } of READS) {
				const engine = attempt(() => this.getNodeParameter(name, itemIndex, fallback, options));
				const before = engineCalls;
				const viaReader = attempt(() =>
					reader.getNodeParameter(name, itemIndex, fallback, options),
				);
				readings.push({
					read: `${name}${options?.extractValue ? ' (extractValue)' : ''}`,
					itemIndex,
					engine,
					reader: viaReader,
					fast: engineCalls === before,
				});
			}
		}
		return [items.map((item, index) => ({ json: {}, pairedItem: { item: index } }))];
	}
}

// Items with every kind of value a mapped field meets. Fed through n8n as JSON, like real items.
const ITEMS: IDataObject[] = [
	{
		email: 'ann@example.com',
		'first name': 'Ann',
		amount: 25,
		price: 12.5,
		zero: 0,
		negative: -3,
		big: 1e21,
		active: true,
		off: false,
		nothing: null,
		empty: '',
		spaces: '  padded  ',
		braces: 'x {{ $json.email }} y',
		unicode: 'Zoë 日本 🎁',
		ключ: 'значение',
		日本: 'nihon',
		contact: { email: 'c@example.com', phone: { home: '555' } },
		list: ['l0', 'l1', 3],
		matrix: [
			[1, 2],
			[3, 4],
		],
		obj: { k: 'v' },
		'a.b': 'dotted',
		'with"quote': 'q',
		"it's": 'apostrophe',
		$: 'dollar',
		$x: 'dx',
		class: 'reserved',
		null: 'null key',
		'0': 'zero key',
		'': 'empty key',
		' lead': 'leading space key',
		number: '42',
		toString: 'own toString',
	},
	{
		email: 42,
		'first name': null,
		amount: '25',
		price: '12.50',
		active: 'true',
		nothing: 'something',
		contact: null,
		list: [],
		matrix: [[]],
		obj: 'not an object',
		unicode: '\u0000\u001f\u2028 control',
		'0': 0,
	},
	{},
	{
		email: true,
		contact: { email: null, phone: null },
		list: 'not a list',
		matrix: 'nope',
		amount: -0,
		zero: 0.1 + 0.2,
	},
	{
		email: ' spaced@example.com ',
		contact: 'a string, not an object',
		amount: { value: 25 },
		list: [{ a: 1 }, null, false],
		'first name': ['Ann', 'Lee'],
		empty: {},
	},
	{
		email: 'ünïcödé@exämple.com',
		'first name': '名前',
		contact: { email: '' },
		list: [null],
		matrix: [null, [null, 'deep']],
		日本: 7,
	},
	{
		email: '{{ $json.email }}',
		'first name': '={{ $json.email }}',
		contact: { email: 'x@example.com', phone: { home: 0 } },
		amount: 1e-7,
		big: Number.MAX_SAFE_INTEGER,
		nothing: '',
	},
	{
		email: 'x'.repeat(1000),
		'first name': 'O\'Brien "quoted" \\ back\\slash',
		contact: { phone: { home: '1' } },
		list: ['only'],
		active: 0,
		off: 'false',
		$: null,
	},
];

/**
 * Expressions of the reader's shape: it answers them itself when the field is text, a number, a
 * boolean or null (or a missing last field), and leaves the rest (objects, text or missing parents
 * on the way, inherited names) to the engine.
 */
const PLAIN = [
	'={{ $json.email }}',
	'={{ $json["first name"] }}',
	"={{ $json['first name'] }}",
	'={{ $json.contact.email }}',
	'={{ $json.contact.phone.home }}',
	'={{ $json["contact"]["email"] }}',
	'={{ $json.list[0] }}',
	'={{ $json.list[2] }}',
	'={{ $json.list[9] }}',
	'={{ $json.list.length }}',
	'={{ $json.matrix[1][0] }}',
	'={{ $json.amount }}',
	'={{ $json.price }}',
	'={{ $json.zero }}',
	'={{ $json.negative }}',
	'={{ $json.big }}',
	'={{ $json.active }}',
	'={{ $json.off }}',
	'={{ $json.nothing }}',
	'={{ $json.empty }}',
	'={{ $json.spaces }}',
	'={{ $json.braces }}',
	'={{ $json.unicode }}',
	'={{ $json["ключ"] }}',
	'={{ $json["日本"] }}',
	'={{ $json["a.b"] }}',
	`={{ $json['with"quote'] }}`,
	'={{ $json["it\'s"] }}',
	'={{ $json.$ }}',
	'={{ $json.$x }}',
	'={{ $json.class }}',
	'={{ $json.null }}',
	'={{ $json["0"] }}',
	'={{ $json[0] }}',
	'={{ $json[""] }}',
	'={{ $json[" lead"] }}',
	'={{ $json.number }}',
	'={{ $json.toString }}',
	'={{ $json.missing }}',
	'={{ $json.obj }}',
	'={{ $json.list }}',
	'={{ $json.hasOwnProperty }}',
	'={{ $json.email.length }}',
	'={{ $json.unknown.deeper.still }}',
	'={{$json.email}}',
	'={{   $json.email   }}',
	'={{\t$json.email\n}}',
	'={{\n  $json.email\n}}',
	'={{ $json.email}}',
	'={{$json.email }}',
];

/** Expressions that must go to n8n's engine, whatever the item. */
const ENGINE_ONLY = [
	"={{ $('Input').item.json.email }}",
	'={{ $input.item.json.email }}',
	'={{ $node["Input"].json.email }}',
	'={{ $json.amount + 1 }}',
	'={{ $json.email.toUpperCase() }}',
	'={{ $json.email || "none" }}',
	'={{ $json["first" + " name"] }}',
	'={{ $json[$json.number] }}',
	'={{ $json.email }}{{ $json.amount }}',
	'=Email: {{ $json.email }}',
	'={{ $json.email }} ',
	'= {{ $json.email }}',
	'={{ $json }}',
	'={{ $data.email }}',
	'={{ $json?.email }}',
	'={{ $json.email; }}',
	'={{ $json.email /* note */ }}',
	'={{ $json .email }}',
	'={{ $json. email }}',
	"={{ $json['it\\'s'] }}",
	'={{ $json.list[-1] }}',
	'={{ $json.list[01] }}',
	'={{ $json.__proto__ }}',
	'={{ $json.constructor }}',
	'={{ $json["x.constructor"] }}',
	'={{ $itemIndex }}',
	'={{ $now.year }}',
	'={{ "literal" }}',
	'={{ $json.email }}}',
];

/** Values that are not expressions at all: n8n returns them as they are. */
const STATIC = ['$json.email', '{{ $json.email }}', 'plain text', '', '=', '=plain', '={{}}'];

/** Whether the path steps into a text value on the way ('abc'[0], 'abc'.length): the engine's case. */
function readsIntoText(expression: string, item: IDataObject): boolean {
	let current: unknown = item;
	for (const key of plainFieldPath(expression) ?? []) {
		if (typeof current === 'string') return true;
		current = (current as IDataObject | undefined)?.[key];
	}
	return false;
}

function parametersFor(expression: string): INodeParameters {
	return {
		value: expression,
		locator: { __rl: true, mode: 'id', value: expression },
		fields: { a: expression, b: 3 },
		list: { entry: [{ x: expression, n: 1 }, { x: 'static' }] },
		// n8n refuses to start a run with text that is not a number here, so only expressions.
		...(expression.startsWith('=') ? { typed: expression } : {}),
	};
}

let h: Harness;
beforeAll(async () => {
	h = await createHarness({ nodeTypes: { [PROBE_TYPE]: () => new FieldProbe() } });
});
afterAll(async () => {
	setItemFieldFastPath(true);
	await h.close();
});

async function probe(
	parameters: INodeParameters,
	input: IDataObject[] = ITEMS,
): Promise<Reading[]> {
	readings = [];
	const r = await h.run({
		nodeType: PROBE_TYPE,
		nodeName: 'Field Probe',
		credentialId: null,
		parameters,
		input,
	});
	expect(r.error).toBeUndefined();
	return readings;
}

const describeOutcome = (outcome: Outcome) =>
	'error' in outcome
		? `error ${outcome.error}`
		: `${typeof outcome.value} ${JSON.stringify(outcome.value)}`;

function expectSameAsEngine(expression: string, list: Reading[]): void {
	for (const reading of list) {
		const where = `${JSON.stringify(expression)} ${reading.read} [item ${reading.itemIndex}]`;
		expect({ where, reader: describeOutcome(reading.reader) }).toEqual({
			where,
			reader: describeOutcome(reading.engine),
		});
		expect(reading.reader).toStrictEqual(reading.engine);
	}
}

describe('item field reader vs n8n expression engine', () => {
	const pairs = { plain: 0, fast: 0, engineOnly: 0 };
	afterAll(() => {
		// The corpus: at least 200 (expression, item) pairs, most of them answered by the reader.
		expect(pairs.plain + pairs.engineOnly).toBeGreaterThanOrEqual(200);
		expect(pairs.fast).toBeGreaterThanOrEqual(200);
	});

	test.each(PLAIN)(
		'%j: same value and type as the engine, read from the item',
		async (expression) => {
			expect(plainFieldPath(expression)).not.toBeNull();
			const list = await probe(parametersFor(expression));
			expectSameAsEngine(expression, list);
			const values = list.filter((reading) => reading.read === 'value');
			pairs.plain += values.length;
			pairs.fast += values.filter((reading) => reading.fast).length;
			// Text, numbers, booleans and null found in the item are read from it; objects, arrays and
			// errors never are (missing values: see the next test).
			for (const reading of values) {
				const { engine } = reading;
				const found =
					'value' in engine &&
					(engine.value === null || ['string', 'number', 'boolean'].includes(typeof engine.value));
				const where = { expression, itemIndex: reading.itemIndex };
				if (found && !readsIntoText(expression, ITEMS[reading.itemIndex])) {
					expect({ ...where, fast: reading.fast }).toEqual({ ...where, fast: true });
				}
				if ('error' in engine || (typeof engine.value === 'object' && engine.value !== null)) {
					expect({ ...where, fast: reading.fast }).toEqual({ ...where, fast: false });
				}
			}
			// A resource locator in a mode without a pattern, and collections, take the same path.
			for (const read of ['locator (extractValue)', 'locator', 'fields', 'fields.a', 'list']) {
				const fast = list.filter((reading) => reading.read === read).map((reading) => reading.fast);
				expect({ read, fast }).toEqual({ read, fast: values.map((reading) => reading.fast) });
			}
			// A parameter n8n type-validates always takes the engine.
			expect(list.filter((reading) => reading.read === 'typed' && reading.fast)).toEqual([]);
		},
	);

	test.each(ENGINE_ONLY)('%j: left to the engine for every item', async (expression) => {
		expect(plainFieldPath(expression)).toBeNull();
		const list = await probe(parametersFor(expression));
		expectSameAsEngine(expression, list);
		const expressionReads = list.filter((reading) => reading.read !== 'list');
		expect(expressionReads.filter((reading) => reading.fast)).toEqual([]);
		pairs.engineOnly += list.filter((reading) => reading.read === 'value').length;
	});

	test.each(STATIC)('%j: a value without an expression is returned as it is', async (value) => {
		const list = await probe(parametersFor(value));
		expectSameAsEngine(value, list);
	});

	test('the cases in between: objects, arrays, missing parents and inherited names take the engine', async () => {
		const missing = await probe(parametersFor('={{ $json.missing }}'));
		expect(missing.filter((r) => r.read === 'value').map((r) => [r.fast, r.engine])).toEqual(
			ITEMS.map(() => [true, { value: undefined }]),
		);
		const list = await probe(parametersFor('={{ $json.contact.email }}'));
		const fastByItem = list.filter((r) => r.read === 'value').map((r) => r.fast);
		// 0 object; 1 contact null; 2 no contact; 3 null; 4 contact is text; 5 ''; 6 text; 7 no email
		expect(fastByItem).toEqual([true, false, false, true, false, true, true, true]);
		const objects = await probe(parametersFor('={{ $json.obj }}'));
		expect(objects.filter((r) => r.read === 'value').map((r) => r.fast)).toEqual([
			false, // an object: the engine hands over the item's own object
			true,
			true,
			true,
			true,
			true,
			true,
			true,
		]);
		const inherited = await probe(parametersFor('={{ $json.toString }}'));
		expect(inherited.filter((r) => r.read === 'value').map((r) => r.fast)).toEqual([
			true, // an own field called toString
			false,
			false,
			false,
			false,
			false,
			false,
			false,
		]);
	});

	test('a resource locator in a mode with a pattern is left to the engine', async () => {
		const list = await probe({ locator: { __rl: true, mode: 'url', value: '={{ $json.url }}' } }, [
			{ url: 'https://example.com/p/P-1' },
			{ url: 'https://other.example/x' },
			{},
		]);
		const extracted = list.filter((r) => r.read === 'locator (extractValue)');
		expect(extracted.map((r) => r.fast)).toEqual([false, false, false]);
		expect(extracted.map((r) => r.engine)).toEqual([
			{ value: 'P-1' },
			expect.objectContaining({ error: expect.any(String) }),
			expect.objectContaining({ error: expect.any(String) }),
		]);
		expectSameAsEngine('url locator', list);
		// Without extractValue the locator object itself is what n8n returns: read from the item.
		expect(list.filter((r) => r.read === 'locator').map((r) => r.fast)).toEqual([true, true, true]);
	});

	test('with the reader switched off, every read goes to the engine', async () => {
		setItemFieldFastPath(false);
		try {
			const list = await probe(parametersFor('={{ $json.email }}'));
			expect(list.filter((r) => r.fast)).toEqual([]);
		} finally {
			setItemFieldFastPath(true);
		}
	});
});

// ---------------------------------------------------------------------------------------------
// Whole Order → Create runs: the same orders, keys and output with the reader on and off.

type RunOutcome = {
	orders: unknown[];
	output: unknown[];
	error: string | undefined;
	evaluations: Map<string, number>;
};

/** Fields the sandbox makes new for every order (ids, times, links that contain the id). */
const VOLATILE_OUTPUT = new Set([
	'orderId',
	'createdAt',
	'requestId',
	'updatedAt',
	'completedAt',
	'rewardLink',
]);

function stable(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(stable);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as IDataObject)
				.filter(([key]) => !VOLATILE_OUTPUT.has(key))
				.map(([key, entry]) => [key, stable(entry)]),
		);
	}
	return value;
}

async function createRun(
	enabled: boolean,
	parameters: INodeParameters,
	input: IDataObject[],
	settings = {},
): Promise<RunOutcome> {
	h.sandbox.reset();
	setItemFieldFastPath(enabled);
	const evaluations = new Map<string, number>();
	const original = Expression.prototype.resolveSimpleParameterValue;
	const spy = jest
		.spyOn(Expression.prototype, 'resolveSimpleParameterValue')
		.mockImplementation(function (this: Expression, ...args: Parameters<typeof original>) {
			const [raw] = args;
			if (typeof raw === 'string' && raw.startsWith('=')) {
				evaluations.set(raw, (evaluations.get(raw) ?? 0) + 1);
			}
			return original.apply(this, args);
		});
	try {
		const r = await h.run({ parameters, input, settings });
		return {
			orders: stable(h.sandbox.orders()) as unknown[],
			output: stable(r.json) as unknown[],
			error: r.error ? errorText(r.error) : undefined,
			evaluations,
		};
	} finally {
		spy.mockRestore();
		setItemFieldFastPath(true);
	}
}

describe('Order → Create with the reader on and off', () => {
	const people = (count: number) =>
		Array.from({ length: count }, (_, i) =>
			person(i, {
				amount: [10, 25, 50, '25', 100][i % 5],
				company: i % 3 ? `Company ${i}` : null,
				deal: { id: `D-${i % 7}` },
				note: `Thanks, {{ person ${i} }}!`,
				'first name': `Ann ${i}`,
			}),
		);
	const mapped = createParameters({
		firstName: '={{ $json["first name"] }}',
		additionalRecipientFields: { company: '={{ $json.company }}', department: 'Sales' },
		emailSettings: { message: '={{ $json.note }}', senderName: 'Team' },
		options: { deduplicationKey: '={{ $json.deal.id }}' },
	});

	test('one order per item: identical orders, keys and output; the reader really answered', async () => {
		const input = [...people(24), people(24)[3]];
		const on = await createRun(true, mapped, input);
		const off = await createRun(false, mapped, input);
		expect(on.error).toBeUndefined();
		expect(on.orders).toHaveLength(24);
		expect(on.orders).toEqual(off.orders);
		expect(on.output).toEqual(off.output);
		// Off: n8n evaluates each mapped field once per item. On: none of them reaches the engine.
		expect(off.evaluations.get('={{ $json.email }}')).toBe(input.length);
		for (const field of [
			'={{ $json.email }}',
			'={{ $json["first name"] }}',
			'={{ $json.amount }}',
		]) {
			expect({ field, on: on.evaluations.get(field) ?? 0 }).toEqual({ field, on: 0 });
		}
	});

	test('bad items among good ones (Continue On Fail): same orders, same errors', async () => {
		const input = [
			...people(6),
			person(90, { email: 'not-an-email' }),
			person(91, { amount: 3 }),
			{ firstName: 'No email', amount: 10 },
			person(92, { email: { nested: 'object' } }),
			person(93, { amount: null }),
		];
		const settings = { onError: 'continueRegularOutput' as const };
		const on = await createRun(true, mapped, input, settings);
		const off = await createRun(false, mapped, input, settings);
		expect(on.orders).toHaveLength(6);
		expect(on.orders).toEqual(off.orders);
		expect(on.output).toEqual(off.output);
		expect(on.output.filter((json) => 'error' in (json as IDataObject))).toHaveLength(5);
	});

	test('a bad item without Continue On Fail: nothing ordered, the same error either way', async () => {
		const input = [...people(3), person(9, { email: 42 })];
		const on = await createRun(true, mapped, input);
		const off = await createRun(false, mapped, input);
		expect(on.orders).toEqual([]);
		expect(on.error).toBeDefined();
		expect(on.error).toEqual(off.error);
	});

	test('From List, Combine Items and a mapped Idempotency Key: identical orders and keys', async () => {
		const parameters = createParameters({
			recipientSource: 'list',
			recipients: {
				recipient: [
					{ email: '={{ $json.email }}', firstName: '={{ $json.firstName }}', amount: 25 },
					{ email: '={{ $json.contact.email }}', amount: 10, company: 'Fixed Co' },
				],
			},
			options: { combineItems: true, batchSize: 4, idempotencyKey: '={{ $json.batch }}' },
		});
		const input = Array.from({ length: 6 }, (_, i) =>
			person(i, { contact: { email: `contact${i}@example.com` }, batch: 'batch-A' }),
		);
		const on = await createRun(true, parameters, input);
		const off = await createRun(false, parameters, input);
		expect(on.error).toBeUndefined();
		expect(on.orders.length).toBeGreaterThan(1);
		expect(on.orders).toEqual(off.orders);
		expect(on.output).toEqual(off.output);
		expect(on.evaluations.get('={{ $json.contact.email }}') ?? 0).toBe(0);
	});
});
