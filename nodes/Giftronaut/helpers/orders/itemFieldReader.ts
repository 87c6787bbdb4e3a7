import type {
	IDataObject,
	IExecuteFunctions,
	IGetNodeParameterOptions,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Reads node parameters whose expressions only copy a field of the current item, such as
 * `={{ $json.email }}`, `={{ $json["first name"] }}` or `={{ $json.contact.email }}`, straight from
 * the item. n8n's engine builds a whole data proxy (with `$now`, `$today` and their time-zone work)
 * for every such evaluation, which made reading 4 mapped fields cost more than sending the order.
 *
 * The result is what `getNodeParameter` returns: the field's value as it is (text, number, boolean,
 * null), `undefined` for a missing field, resource locators and collections resolved inside. Anything
 * the reader is not sure about goes to `getNodeParameter` unchanged: any other expression, a value
 * that is not text/number/boolean/null, a missing field below the top level, an option other than
 * `extractValue`, a parameter n8n type-validates. test/node/item-field-reader.test.ts compares the
 * two ways on a corpus of expressions and items.
 */

const NOT_PLAIN = Symbol('not a plain field read');
type Path = Array<string | number>;

/** Property names n8n's expression sandbox refuses, and two more: always left to the engine. */
const GUARDED_NAMES = new Set([
	'__proto__',
	'prototype',
	'constructor',
	'getPrototypeOf',
	'mainModule',
	'binding',
	'_load',
	'prepareStackTrace',
	'__lookupGetter__',
	'__lookupSetter__',
	'__defineGetter__',
	'__defineSetter__',
	'caller',
	'callee',
]);

const SPACE = '[ \\t\\r\\n]*';
const SEGMENT = String.raw`\.([A-Za-z_$][\w$]*)|\[(?:"([^"\\{}\r\n\u2028\u2029]*)"|'([^'\\{}\r\n\u2028\u2029]*)'|(0|[1-9]\d{0,8}))\]`;
const PLAIN_REFERENCE = new RegExp(`^={{${SPACE}\\$json((?:${SEGMENT})+)${SPACE}}}$`);
const SEGMENTS = new RegExp(SEGMENT, 'g');

const pathCache = new Map<string, Path | null>();

/** `={{ $json.a["b c"][0] }}` → ['a', 'b c', 0]; null for anything else. */
export function plainFieldPath(expression: string): Path | null {
	const cached = pathCache.get(expression);
	if (cached !== undefined) return cached;
	let path: Path | null = null;
	const match = PLAIN_REFERENCE.exec(expression);
	// n8n refuses any ".constructor" in an expression's text, even inside a quoted key.
	if (match && !/\.\s*constructor/.test(expression)) {
		path = [];
		for (const [, name, double, single, index] of match[1].matchAll(SEGMENTS)) {
			const key = name ?? double ?? single;
			if (key !== undefined && GUARDED_NAMES.has(key)) {
				path = null;
				break;
			}
			path.push(key ?? Number(index));
		}
	}
	if (pathCache.size > 1000) pathCache.clear();
	pathCache.set(expression, path);
	return path;
}

const isPlainObject = (value: unknown): value is IDataObject => {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
};

/** The field's value if it is one n8n would hand over unchanged: text, number, boolean, null, missing. */
function readPlainField(json: unknown, path: Path): unknown {
	let current: unknown = json;
	for (let step = 0; step < path.length; step++) {
		if (!isPlainObject(current) && !Array.isArray(current)) return NOT_PLAIN;
		const key = path[step];
		if (!Object.prototype.hasOwnProperty.call(current, key)) {
			// A missing last field reads as undefined; an inherited name (toString) or a missing
			// parent is the engine's business.
			if (key in current || step < path.length - 1) return NOT_PLAIN;
			return undefined;
		}
		current = (current as IDataObject)[key];
	}
	if (current === null || current === undefined) return current;
	const type = typeof current;
	return type === 'string' || type === 'number' || type === 'boolean' ? current : NOT_PLAIN;
}

/** What `getNodeParameter` makes of a raw value: expressions resolved, objects and arrays copied. */
function resolveFromItem(raw: unknown, json: unknown): unknown {
	if (typeof raw === 'string') {
		if (raw.charAt(0) !== '=') return raw;
		const path = plainFieldPath(raw);
		return path ? readPlainField(json, path) : NOT_PLAIN;
	}
	if (raw === null || raw === undefined || typeof raw === 'number' || typeof raw === 'boolean') {
		return raw;
	}
	if (Array.isArray(raw)) {
		const result: unknown[] = [];
		for (const entry of raw) {
			const value = resolveFromItem(entry, json);
			if (value === NOT_PLAIN) return NOT_PLAIN;
			result.push(value);
		}
		return result;
	}
	if (!isPlainObject(raw)) return NOT_PLAIN;
	const result: IDataObject = {};
	for (const [key, entry] of Object.entries(raw)) {
		if (key === '__proto__') return NOT_PLAIN;
		const value = resolveFromItem(entry, json);
		if (value === NOT_PLAIN) return NOT_PLAIN;
		result[key] = value as IDataObject[string];
	}
	return result;
}

/**
 * Whether n8n validates a parameter's value against its description after resolving it
 * (`validateType`, resource mappers, typed fields in collections): such parameters take the engine.
 */
function isValidated(property: INodeProperties): boolean {
	if (property.validateType || property.type === 'resourceMapper') return true;
	const nested = (property.options ?? []) as Array<
		INodeProperties | { values?: INodeProperties[] }
	>;
	return nested.some((option) =>
		'values' in option && Array.isArray(option.values)
			? option.values.some(isValidated)
			: 'name' in option && 'type' in option && isValidated(option as INodeProperties),
	);
}

/** `extractValue: true` as n8n applies it, for the cases that need no regex; else NOT_PLAIN. */
function extractPlainValue(property: INodeProperties, value: unknown): unknown {
	if (property.type === 'filter') return NOT_PLAIN;
	if (property.type !== 'resourceLocator') return property.extractValue ? NOT_PLAIN : value;
	if (!isPlainObject(value) || !('mode' in value) || !('value' in value)) return value;
	const mode = property.modes?.find((entry) => entry.name === value.mode);
	return mode?.extractValue ? NOT_PLAIN : value.value;
}

type Options = IGetNodeParameterOptions | undefined;

const onlyExtractValue = (options: Options) =>
	!options || Object.keys(options).every((key) => key === 'extractValue');

let fastPathEnabled = true;

/** For tests that compare the reader with n8n's engine only; not a setting users see. */
export function setItemFieldFastPath(enabled: boolean): void {
	fastPathEnabled = enabled;
}

type Read = (name: string, itemIndex: number, fallback?: unknown, options?: Options) => unknown;

const views = new WeakMap<
	IExecuteFunctions,
	{ properties: INodeProperties[]; view: IExecuteFunctions }
>();

/**
 * A view of `context` whose `getNodeParameter` reads plain field references from the item (see
 * above) and hands every other read to the original. `properties` are the node properties n8n
 * would find for these parameters (the operation's own description): a parameter not among them,
 * or one n8n validates, always takes the engine. One view per run: the node's parameters and its
 * input items are looked up once.
 */
export function withItemFieldReads(
	context: IExecuteFunctions,
	properties: INodeProperties[],
): IExecuteFunctions {
	if (!fastPathEnabled) return context;
	const known = views.get(context);
	if (known?.properties === properties) return known.view;
	const engine = context.getNodeParameter.bind(context) as Read;
	let parameters: INodeParameters | undefined;
	let items: INodeExecutionData[] = [];
	const candidatesOf = new Map<string, INodeProperties[] | null>();
	const candidates = (name: string) => {
		let found = candidatesOf.get(name);
		if (found === undefined) {
			found = properties.filter((property) => property.name === name);
			if (found.length === 0 || found.some(isValidated)) found = null;
			candidatesOf.set(name, found);
		}
		return found;
	};

	const read: Read = (name, itemIndex, fallback, options) => {
		const path = name.split('.');
		const described = onlyExtractValue(options) && !/[[\]]/.test(name) && candidates(path[0]);
		if (!described) return engine(name, itemIndex, fallback, options);
		if (!parameters) {
			parameters = context.getNode().parameters;
			items = context.getInputData();
		}
		let raw: unknown = parameters;
		for (const key of path) raw = isPlainObject(raw) ? raw[key] : undefined;
		const item = items[itemIndex];
		// A parameter n8n stripped (not shown) or an item the engine would not find: its business.
		if (raw === undefined || !item) return engine(name, itemIndex, fallback, options);
		let value = resolveFromItem(raw, item.json);
		if (value !== NOT_PLAIN && options?.extractValue) {
			const extracted =
				path.length > 1
					? [NOT_PLAIN]
					: described.map((property) => extractPlainValue(property, value));
			value = extracted.every((entry) => entry === extracted[0]) ? extracted[0] : NOT_PLAIN;
		}
		return value === NOT_PLAIN ? engine(name, itemIndex, fallback, options) : value;
	};
	const view = Object.create(context) as IExecuteFunctions;
	view.getNodeParameter = read as IExecuteFunctions['getNodeParameter'];
	views.set(context, { properties, view });
	return view;
}
