import { DirectoryLoader } from 'n8n-core';
import { commonPollingParameters } from 'n8n-core/dist/nodes-loader/constants';
import {
	NodeHelpers,
	type IDataObject,
	type INodeType,
	type INodeTypes,
	type IVersionedNodeType,
} from 'n8n-workflow';

import {
	AUTH_REQUEST_TYPE,
	HarnessAuthRequest,
	HarnessManualTrigger,
	HarnessSource,
	MANUAL_TRIGGER_TYPE,
	SOURCE_TYPE,
} from './test-nodes';

export const GIFTRONAUT_NODE_TYPE = 'n8n-nodes-giftronaut.giftronaut';
export const GIFTRONAUT_TRIGGER_TYPE = 'n8n-nodes-giftronaut.giftronautTrigger';

type AnyNodeType = INodeType | IVersionedNodeType;
/** Returns the node type instance (or a promise of it). Called once, on first use. */
export type NodeTypeLoader = () => AnyNodeType | Promise<AnyNodeType>;

// Non-literal module paths: TypeScript does not resolve them, so the harness compiles and runs
// while the node files do not exist yet. ts-jest turns `import(x)` into `require(x)`.
const GIFTRONAUT_NODE_MODULE = '../../nodes/Giftronaut/Giftronaut.node';
const GIFTRONAUT_TRIGGER_MODULE = '../../nodes/Giftronaut/GiftronautTrigger.node';

async function loadClass(modulePath: string, className: string): Promise<AnyNodeType> {
	const mod = (await import(modulePath)) as Record<string, new () => AnyNodeType>;
	const NodeClass = mod[className];
	if (typeof NodeClass !== 'function') {
		throw new Error(`${modulePath} does not export a class named ${className}`);
	}
	return new NodeClass();
}

/** The node types every harness knows. Override or extend with `createHarness({ nodeTypes })`. */
export function defaultNodeTypeLoaders(): Record<string, NodeTypeLoader> {
	return {
		[MANUAL_TRIGGER_TYPE]: () => new HarnessManualTrigger(),
		[SOURCE_TYPE]: () => new HarnessSource(),
		[AUTH_REQUEST_TYPE]: () => new HarnessAuthRequest(),
		[GIFTRONAUT_NODE_TYPE]: async () => await loadClass(GIFTRONAUT_NODE_MODULE, 'Giftronaut'),
		[GIFTRONAUT_TRIGGER_TYPE]: async () =>
			await loadClass(GIFTRONAUT_TRIGGER_MODULE, 'GiftronautTrigger'),
	};
}

/** What n8n's DirectoryLoader does to every node it loads (pollTimes for polling nodes, declarative options). */
function applySpecialNodeParameters(nodeType: INodeType): void {
	const { properties, polling } = nodeType.description;
	if (polling && !properties.some((p) => p.name === 'pollTimes')) {
		properties.unshift(...commonPollingParameters);
	}
	DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
}

/**
 * `INodeTypes` for the engine. Types are loaded lazily (`await load([...])` before building a
 * Workflow, because Workflow/WorkflowExecute look them up synchronously).
 */
export class HarnessNodeTypes implements INodeTypes {
	private readonly loaders: Record<string, NodeTypeLoader>;

	private readonly loaded = new Map<string, AnyNodeType>();

	constructor(loaders: Record<string, NodeTypeLoader> = {}) {
		this.loaders = { ...defaultNodeTypeLoaders(), ...loaders };
	}

	/** Register (or replace) a node type: an instance or a loader. */
	register(type: string, nodeType: AnyNodeType | NodeTypeLoader): void {
		this.loaded.delete(type);
		this.loaders[type] = typeof nodeType === 'function' ? nodeType : () => nodeType;
	}

	async load(types: string[]): Promise<void> {
		for (const type of types) {
			if (this.loaded.has(type)) continue;
			const loader = this.loaders[type];
			if (!loader) {
				throw new Error(
					`Unknown node type "${type}". Known: ${Object.keys(this.loaders).join(', ')} (register more with createHarness({ nodeTypes }))`,
				);
			}
			const nodeType = await loader();
			const versions =
				'nodeVersions' in nodeType ? Object.values(nodeType.nodeVersions) : [nodeType as INodeType];
			versions.forEach(applySpecialNodeParameters);
			this.loaded.set(type, nodeType);
		}
	}

	private get(type: string): AnyNodeType {
		const nodeType = this.loaded.get(type);
		if (!nodeType) throw new Error(`Node type "${type}" is not loaded (call load() first)`);
		return nodeType;
	}

	getByName(type: string): AnyNodeType {
		return this.get(type);
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.get(type), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries(
			[...this.loaded.keys()].map((type) => [type, { className: type, sourcePath: '' }]),
		);
	}
}
