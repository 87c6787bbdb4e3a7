import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
	LoadOptionsContext,
	PollContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import {
	Workflow,
	createRunExecutionData,
	type ExecutionError,
	type ExecutionStatus,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentialsDecrypted,
	type IConnections,
	type IDataObject,
	type IExecuteData,
	type ILoadOptionsFunctions,
	type INode,
	type INodeCredentialTestResult,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeParameters,
	type INodePropertyOptions,
	type INodeType,
	type IPollFunctions,
	type IRun,
	type ITaskData,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
	type IWorkflowSettings,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { GiftronautApi } from '../../credentials/GiftronautApi.credentials';
import { forgetGovernors } from '../../nodes/Giftronaut/transport/rateLimit';
import { forgetSharedTokens } from '../../nodes/Giftronaut/transport/tokenExchange';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';
import { CredentialStore, HarnessCredentialsHelper, type PreAuthEvent } from './credentials-helper';
import {
	GIFTRONAUT_NODE_TYPE,
	GIFTRONAUT_TRIGGER_TYPE,
	HarnessNodeTypes,
	type NodeTypeLoader,
} from './node-types';
import { MANUAL_TRIGGER_TYPE, SOURCE_TYPE } from './test-nodes';

export const CREDENTIAL_TYPE = 'giftronautApi';
export const DEFAULT_CREDENTIAL_ID = 'giftronaut-1';
export const DEFAULT_WORKFLOW_ID = 'wf-1';

/** Fields of the Giftronaut API credential as stored (all optional here; defaults come from the type). */
export interface GiftronautCredentialData extends ICredentialDataDecryptedObject {
	clientId: string;
	clientSecret: string;
	scopes: string;
	baseUrl: string;
	accessToken: string;
}

export interface HarnessOptions {
	/** Options for the sandbox this harness starts (port 0). Default: sandbox defaults (no rate limit). */
	sandbox?: SandboxOptions;
	/** Use an already running sandbox instead (h.close() then leaves it running). */
	useSandbox?: Sandbox;
	/**
	 * Overrides for the stored credential `giftronaut-1` (default: the sandbox URL and its demo client,
	 * scopes left to the type's default, no token). `false` stores no credential.
	 */
	credential?: Partial<GiftronautCredentialData> | false;
	/** Extra or replacement node types (instances or lazy loaders), keyed by full type name. */
	nodeTypes?: Record<string, INodeType | IVersionedNodeType | NodeTypeLoader>;
	/** Extra credential types by name (giftronautApi is always there). */
	credentialTypes?: Record<string, ICredentialType>;
}

/** Node settings as n8n stores them on the node (the "Settings" tab). */
export interface NodeSettings {
	retryOnFail?: boolean;
	/** n8n clamps to 2..5 (default 3). */
	maxTries?: number;
	/** ms; n8n clamps to 0..5000 and treats 0 as "unset" → 1000. Use 1 for a fast retry. */
	waitBetweenTries?: number;
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** Legacy flag, same as onError: 'continueRegularOutput'. */
	continueOnFail?: boolean;
	alwaysOutputData?: boolean;
	executeOnce?: boolean;
	disabled?: boolean;
}

export interface RunOptions {
	/** Parameters of the node under test. */
	parameters?: INodeParameters;
	/** Input items as plain JSON objects (one item each). Default: one empty item. */
	input?: IDataObject[];
	/** Input items as full n8n items ({ json, binary? }); wins over `input`. */
	inputItems?: INodeExecutionData[];
	settings?: NodeSettings;
	/** Default: the Giftronaut node (n8n-nodes-giftronaut.giftronaut). */
	nodeType?: string;
	typeVersion?: number;
	/** Default 'Giftronaut'. */
	nodeName?: string;
	/** Default: derived from workflowId + nodeName, so re-running "the same workflow" keeps it. */
	nodeId?: string;
	/** Default 'wf-1'. */
	workflowId?: string;
	workflowName?: string;
	/** Credential id on the node (default 'giftronaut-1'); null = the node has no credential set. */
	credentialId?: string | null;
	/** Default 'manual' (as "Execute workflow" in the editor); 'trigger' / 'webhook' for production runs. */
	mode?: WorkflowExecuteMode;
	executionId?: string;
	workflowSettings?: IWorkflowSettings;
	staticData?: IDataObject;
}

/**
 * A node error as the engine records it: a plain copy of the thrown NodeApiError/NodeOperationError
 * (`{ ...error, message, stack }`), so `instanceof` does not work but the fields do.
 */
export type NodeRunError = ExecutionError & {
	httpCode?: string | null;
	description?: string | null;
	context?: IDataObject;
};

export interface RunResult {
	run: IRun;
	status: ExecutionStatus;
	/** main[0] of the node under test (last run), [] when it produced nothing. */
	items: INodeExecutionData[];
	/** items.map(i => i.json) */
	json: IDataObject[];
	/** All outputs of the node under test (main[0], main[1] = error output with continueErrorOutput). */
	outputs: INodeExecutionData[][];
	/** The node's error (also set when continueOnFail/onError turned it into output). */
	error?: NodeRunError;
	/** The execution's error (run.data.resultData.error), set when the workflow failed. */
	workflowError?: ExecutionError;
	/** Task data of every run of the node under test. */
	nodeRuns: ITaskData[];
	nodeExecutionOrder: string[];
	executionId: string;
	/** Output of any node in the workflow (main[outputIndex] of its last run). */
	outputOf(nodeName: string, outputIndex?: number): INodeExecutionData[];
}

export interface WorkflowDefinition {
	nodes: INode[];
	connections: IConnections;
	/** Name of the node to start from (default: the manual trigger or the first node). */
	startNode?: string;
	workflowId?: string;
	workflowName?: string;
	mode?: WorkflowExecuteMode;
	executionId?: string;
	settings?: IWorkflowSettings;
	staticData?: IDataObject;
}

export interface WorkflowRunResult {
	run: IRun;
	status: ExecutionStatus;
	workflowError?: ExecutionError;
	nodeExecutionOrder: string[];
	executionId: string;
	outputOf(nodeName: string, outputIndex?: number): INodeExecutionData[];
	errorOf(nodeName: string): NodeRunError | undefined;
	runsOf(nodeName: string): ITaskData[];
}

export interface NodeContextOptions {
	nodeType?: string;
	typeVersion?: number;
	nodeName?: string;
	workflowId?: string;
	credentialId?: string | null;
	/** Parameter path for loadOptions/listSearch, e.g. 'parameters.templateId' (`&x` paths resolve against it). */
	path?: string;
}

export interface PollOptions {
	/** 'trigger' = scheduled poll of an active workflow (default), 'manual' = "Fetch Test Event". */
	mode?: 'trigger' | 'manual';
	/** Workflow static data before the poll (the whole object, as n8n stores it: { 'node:<name>': {...} }). */
	staticData?: IDataObject;
	workflowId?: string;
	nodeName?: string;
	nodeId?: string;
	typeVersion?: number;
	credentialId?: string | null;
	/** Default 'activate' for trigger mode, 'manual' for manual mode. */
	activation?: WorkflowActivateMode;
	/**
	 * This poll is the one n8n runs while activating the workflow: errors are thrown to the
	 * activation and the static data is saved even when nothing was emitted. Default false.
	 */
	activationPoll?: boolean;
	/** Like n8n 2.41's `getPollBudgetMs()` (absent in 2.8, where the node uses its own default). */
	pollBudgetMs?: number;
}

export interface PollResult {
	/** What poll() returned. */
	response: INodeExecutionData[][] | null;
	/** response?.[0] ?? [] */
	items: INodeExecutionData[];
	/** True when n8n would start an execution (trigger mode and a non-null response). */
	emitted: boolean;
	/** Workflow static data in memory after the poll (what the next poll of the running workflow sees). */
	staticData: IDataObject;
	/** This node's part of it (staticData['node:<name>']). */
	nodeStaticData: IDataObject;
	/**
	 * What n8n 2.8 would have written to the database: after an emit or an activation poll in trigger
	 * mode; never in manual mode (otherwise the input static data is kept). Feed it to the next poll to
	 * simulate an n8n restart.
	 */
	savedStaticData: IDataObject;
	/** Error passed to __emitError (trigger mode, not an activation poll); the poll did not throw. */
	emitError?: Error;
}

/** A long-lived poller: one Workflow object across polls, like an active workflow in n8n. */
export interface Poller {
	poll(): Promise<PollResult>;
	/** Static data in memory. */
	readonly staticData: IDataObject;
	/** Static data as last saved to the "database". */
	readonly savedStaticData: IDataObject;
	/** Simulate an n8n restart: drop the in-memory workflow, reload from savedStaticData. */
	restart(): void;
	/** Change the node parameters (the user edited and re-saved the workflow). */
	setParameters(parameters: INodeParameters): void;
}

export interface Harness {
	readonly sandbox: Sandbox;
	readonly credentialsHelper: HarnessCredentialsHelper;
	readonly credentialStore: CredentialStore;
	readonly nodeTypes: HarnessNodeTypes;
	/** How often a credential type's own preAuthentication ran (token requests attempted) since creation/resetCounters(). */
	readonly preAuthCalls: number;
	/** Every preAuthentication call n8n-core made (also the skipped ones). */
	readonly preAuthEvents: PreAuthEvent[];
	/** The stored data of a credential (default giftronaut-1), after defaults are applied: what a node would read. */
	credential(id?: string): ICredentialDataDecryptedObject;
	/** Store (or replace) a credential. Returns its id. */
	addCredential(
		data: Partial<GiftronautCredentialData>,
		options?: { id?: string; name?: string; type?: string },
	): string;
	/** Edit fields of a stored credential (as the user would in the credential modal). */
	updateCredential(data: Partial<GiftronautCredentialData>, id?: string): void;
	run(options?: RunOptions): Promise<RunResult>;
	runWorkflow(definition: WorkflowDefinition): Promise<WorkflowRunResult>;
	loadOptions(
		method: string,
		currentNodeParameters?: INodeParameters,
		options?: NodeContextOptions,
	): Promise<INodePropertyOptions[]>;
	listSearch(
		method: string,
		currentNodeParameters?: INodeParameters,
		filter?: string,
		paginationToken?: string,
		options?: NodeContextOptions,
	): Promise<INodeListSearchResult>;
	poll(parameters?: INodeParameters, options?: PollOptions): Promise<PollResult>;
	poller(
		parameters?: INodeParameters,
		options?: Omit<PollOptions, 'staticData' | 'activationPoll'> & { staticData?: IDataObject },
	): Poller;
	/** The credential type's `test` request through n8n-core's RoutingNode, like the "Test" button. */
	testCredential(
		id?: string,
		formData?: Partial<GiftronautCredentialData>,
	): Promise<INodeCredentialTestResult>;
	/** Clear preAuthEvents / preAuthCalls (the credential store keeps its data). */
	resetCounters(): void;
	close(): Promise<void>;
}

const clone = <T>(value: T): T =>
	value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);

/** Remove n8n's change marker so static data compares and serializes like the DB copy. */
function plainStaticData(staticData: IDataObject | undefined): IDataObject {
	return JSON.parse(
		JSON.stringify(staticData ?? {}, (key, value: unknown) =>
			key === '__dataChanged' ? undefined : value,
		),
	) as IDataObject;
}

/** Stable pseudo-UUID from a string, so ids derived from names don't change between runs. */
export function stableId(seed: string): string {
	let h1 = 0x811c9dc5;
	let h2 = 0x12345678;
	for (let i = 0; i < seed.length; i++) {
		h1 = Math.imul(h1 ^ seed.charCodeAt(i), 16777619) >>> 0;
		h2 = Math.imul(h2 ^ seed.charCodeAt(i), 2246822519) >>> 0;
	}
	const hex = (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).repeat(2);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

let executionCounter = 0;

/**
 * Start a sandbox (unless `useSandbox`), store the Giftronaut credential `giftronaut-1` pointing at
 * it, and return the harness. Create one per test file (beforeAll) and close it in afterAll.
 */
export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
	const ownSandbox = !options.useSandbox;
	const sandbox =
		options.useSandbox ?? (await startSandbox({ port: 0, ...(options.sandbox ?? {}) }));

	const store = new CredentialStore();
	const credentialsHelper = new HarnessCredentialsHelper(store, {
		[CREDENTIAL_TYPE]: new GiftronautApi(),
		...(options.credentialTypes ?? {}),
	});
	const nodeTypes = new HarnessNodeTypes();
	for (const [type, nodeType] of Object.entries(options.nodeTypes ?? {}))
		nodeTypes.register(type, nodeType);

	const addCredential: Harness['addCredential'] = (data, opts = {}) => {
		const id = opts.id ?? DEFAULT_CREDENTIAL_ID;
		// A fresh credential, as in a fresh n8n process: no token or rate-limit state kept from before.
		forgetSharedTokens();
		forgetGovernors();
		store.set({
			id,
			name: opts.name ?? `Giftronaut account (${id})`,
			type: opts.type ?? CREDENTIAL_TYPE,
			data: {
				baseUrl: sandbox.url,
				clientId: sandbox.clientId,
				clientSecret: sandbox.clientSecret,
				...data,
			} as ICredentialDataDecryptedObject,
		});
		return id;
	};
	if (options.credential !== false) addCredential(options.credential ?? {});

	function nodeCredentials(
		credentialId: string | null | undefined,
		type = CREDENTIAL_TYPE,
	): INode['credentials'] {
		if (credentialId === null) return undefined;
		const id = credentialId ?? DEFAULT_CREDENTIAL_ID;
		return { [type]: { id, name: store.get(id)?.name ?? id } };
	}

	function additionalDataFor(
		hooks: ExecutionLifecycleHooks | undefined,
		executionId: string,
		currentNodeParameters?: INodeParameters,
	): IWorkflowExecuteAdditionalData {
		const unsupported = (what: string) => async () => {
			throw new Error(`${what} is not supported by the test harness`);
		};
		return {
			credentialsHelper,
			hooks,
			executionId,
			currentNodeExecutionIndex: 0,
			currentNodeParameters,
			restApiUrl: 'http://localhost:5678/rest',
			instanceBaseUrl: 'http://localhost:5678/',
			formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
			webhookBaseUrl: 'http://localhost:5678/webhook',
			webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
			webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
			userId: 'harness-user',
			variables: {},
			externalSecretsProxy: new ExternalSecretsProxy(),
			executeWorkflow: unsupported('executeWorkflow'),
			getRunExecutionData: async () => undefined,
			logAiEvent: () => undefined,
			startRunnerTask: unsupported('startRunnerTask'),
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	async function buildWorkflow(def: {
		nodes: INode[];
		connections: IConnections;
		workflowId?: string;
		workflowName?: string;
		settings?: IWorkflowSettings;
		staticData?: IDataObject;
		active?: boolean;
	}): Promise<Workflow> {
		await nodeTypes.load([...new Set(def.nodes.map((n) => n.type))]);
		return new Workflow({
			id: def.workflowId ?? DEFAULT_WORKFLOW_ID,
			name: def.workflowName ?? 'Harness workflow',
			nodes: def.nodes,
			connections: def.connections,
			active: def.active ?? false,
			nodeTypes,
			staticData: clone(def.staticData) ?? {},
			settings: { executionOrder: 'v1', ...(def.settings ?? {}) },
		});
	}

	function latestVersion(type: string): number {
		const nodeType = nodeTypes.getByName(type);
		if ('nodeVersions' in nodeType) return nodeType.currentVersion;
		const { version } = nodeType.description;
		return Array.isArray(version) ? version[version.length - 1] : version;
	}

	const runWorkflow: Harness['runWorkflow'] = async (def) => {
		const workflow = await buildWorkflow(def);
		const mode = def.mode ?? 'manual';
		const executionId = def.executionId ?? `harness-${++executionCounter}`;
		const workflowData: IWorkflowBase = {
			id: workflow.id,
			name: workflow.name ?? '',
			active: false,
			isArchived: false,
			activeVersionId: null,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes: def.nodes,
			connections: def.connections,
			settings: workflow.settings,
			staticData: workflow.staticData,
		};
		const hooks = new ExecutionLifecycleHooks(mode, executionId, workflowData);
		const nodeExecutionOrder: string[] = [];
		hooks.addHandler('nodeExecuteAfter', (nodeName) => {
			nodeExecutionOrder.push(nodeName);
		});
		const additionalData = additionalDataFor(hooks, executionId);
		const startNode =
			(def.startNode ? workflow.getNode(def.startNode) : null) ??
			def.nodes.find((n) => n.type === MANUAL_TRIGGER_TYPE) ??
			def.nodes[0];
		const workflowExecute = new WorkflowExecute(additionalData, mode);
		const issues = workflowExecute.checkReadyForExecution(workflow, { startNode: startNode.name });
		if (issues !== null) {
			// n8n refuses to run (WorkflowHasIssuesError); say which node and parameter.
			throw new Error(
				`The workflow has issues and n8n would not run it: ${JSON.stringify(issues)}`,
			);
		}
		const run = await workflowExecute.run({ workflow, startNode });
		const runData = run.data.resultData.runData;
		const runsOf = (nodeName: string) => runData[nodeName] ?? [];
		return {
			run,
			status: run.status,
			workflowError: run.data.resultData.error,
			nodeExecutionOrder,
			executionId,
			runsOf,
			outputOf: (nodeName, outputIndex = 0) =>
				runsOf(nodeName).at(-1)?.data?.main?.[outputIndex] ?? [],
			errorOf: (nodeName) => runsOf(nodeName).at(-1)?.error,
		};
	};

	const run: Harness['run'] = async (opts = {}) => {
		const nodeType = opts.nodeType ?? GIFTRONAUT_NODE_TYPE;
		await nodeTypes.load([nodeType, MANUAL_TRIGGER_TYPE, SOURCE_TYPE]);
		const workflowId = opts.workflowId ?? DEFAULT_WORKFLOW_ID;
		const nodeName = opts.nodeName ?? 'Giftronaut';
		const inputItems: INodeExecutionData[] =
			opts.inputItems ?? (opts.input ?? [{}]).map((json) => ({ json }));
		const settings = opts.settings ?? {};
		const trigger: INode = {
			id: stableId(`${workflowId}/Manual Trigger`),
			name: 'Manual Trigger',
			type: MANUAL_TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		};
		const source: INode = {
			id: stableId(`${workflowId}/Input`),
			name: 'Input',
			type: SOURCE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: { items: JSON.stringify(inputItems), wrapped: true },
		};
		const target: INode = {
			id: opts.nodeId ?? stableId(`${workflowId}/${nodeName}`),
			name: nodeName,
			type: nodeType,
			typeVersion: opts.typeVersion ?? latestVersion(nodeType),
			position: [400, 0],
			parameters: opts.parameters ?? {},
			credentials: nodeCredentials(opts.credentialId),
		};
		for (const [key, value] of Object.entries(settings)) {
			if (value !== undefined) (target as unknown as IDataObject)[key] = value;
		}
		const result = await runWorkflow({
			nodes: [trigger, source, target],
			connections: {
				[trigger.name]: { main: [[{ node: source.name, type: 'main', index: 0 }]] },
				[source.name]: { main: [[{ node: target.name, type: 'main', index: 0 }]] },
			},
			startNode: trigger.name,
			workflowId,
			workflowName: opts.workflowName,
			mode: opts.mode,
			executionId: opts.executionId,
			settings: opts.workflowSettings,
			staticData: opts.staticData,
		});
		const nodeRuns = result.runsOf(nodeName);
		const last = nodeRuns.at(-1);
		const outputs = (last?.data?.main ?? []).map((output) => output ?? []);
		const items = outputs[0] ?? [];
		return {
			run: result.run,
			status: result.status,
			items,
			json: items.map((item) => item.json),
			outputs,
			error: last?.error,
			workflowError: result.workflowError,
			nodeRuns,
			nodeExecutionOrder: result.nodeExecutionOrder,
			executionId: result.executionId,
			outputOf: result.outputOf,
		};
	};

	async function nodeContext(
		currentNodeParameters: INodeParameters,
		opts: NodeContextOptions,
	): Promise<{ context: LoadOptionsContext; nodeType: INodeType }> {
		const type = opts.nodeType ?? GIFTRONAUT_NODE_TYPE;
		await nodeTypes.load([type]);
		const workflowId = opts.workflowId ?? DEFAULT_WORKFLOW_ID;
		const nodeName = opts.nodeName ?? 'Giftronaut';
		const typeVersion = opts.typeVersion ?? latestVersion(type);
		// Like n8n's DynamicNodeParametersService: a temporary one-node workflow with the current parameters.
		const node: INode = {
			id: stableId(`${workflowId}/${nodeName}`),
			name: nodeName,
			type,
			typeVersion,
			position: [0, 0],
			parameters: currentNodeParameters,
			credentials: nodeCredentials(opts.credentialId),
		};
		const workflow = await buildWorkflow({ nodes: [node], connections: {}, workflowId });
		const additionalData = additionalDataFor(
			undefined,
			`harness-${++executionCounter}`,
			currentNodeParameters,
		);
		const context = new LoadOptionsContext(
			workflow,
			node,
			additionalData,
			opts.path ?? 'parameters',
		);
		return { context, nodeType: nodeTypes.getByNameAndVersion(type, typeVersion) };
	}

	const loadOptions: Harness['loadOptions'] = async (
		method,
		currentNodeParameters = {},
		opts = {},
	) => {
		const { context, nodeType } = await nodeContext(currentNodeParameters, opts);
		const fn = nodeType.methods?.loadOptions?.[method];
		if (typeof fn !== 'function')
			throw new Error(`Node type has no loadOptions method "${method}"`);
		return await fn.call(context as ILoadOptionsFunctions);
	};

	const listSearch: Harness['listSearch'] = async (
		method,
		currentNodeParameters = {},
		filter,
		paginationToken,
		opts = {},
	) => {
		const { context, nodeType } = await nodeContext(currentNodeParameters, opts);
		const fn = nodeType.methods?.listSearch?.[method];
		if (typeof fn !== 'function') throw new Error(`Node type has no listSearch method "${method}"`);
		return await fn.call(context as ILoadOptionsFunctions, filter, paginationToken);
	};

	function triggerNode(parameters: INodeParameters, opts: PollOptions, workflowId: string): INode {
		const nodeName = opts.nodeName ?? 'Giftronaut Trigger';
		return {
			id: opts.nodeId ?? stableId(`${workflowId}/${nodeName}`),
			name: nodeName,
			type: GIFTRONAUT_TRIGGER_TYPE,
			typeVersion: opts.typeVersion ?? latestVersion(GIFTRONAUT_TRIGGER_TYPE),
			position: [0, 0],
			parameters,
			credentials: nodeCredentials(opts.credentialId),
		};
	}

	async function pollOnce(
		workflow: Workflow,
		node: INode,
		opts: PollOptions,
		savedBefore: IDataObject,
	): Promise<PollResult> {
		const mode = opts.mode ?? 'trigger';
		const activation = opts.activation ?? (mode === 'manual' ? 'manual' : 'activate');
		const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		if (typeof nodeType.poll !== 'function') throw new Error(`${node.type} has no poll()`);
		let emitted = false;
		let emitError: Error | undefined;
		const additionalData = additionalDataFor(undefined, `harness-${++executionCounter}`);
		const context = new PollContext(
			workflow,
			node,
			additionalData,
			mode,
			activation,
			() => {
				emitted = true;
			},
			(error: Error) => {
				emitError = error;
			},
		);
		if (opts.pollBudgetMs !== undefined) {
			const budget = opts.pollBudgetMs;
			Object.assign(context, { getPollBudgetMs: () => budget });
		}
		let response: INodeExecutionData[][] | null = null;
		let failure: Error | undefined;
		try {
			response = await nodeType.poll.call(context as IPollFunctions);
		} catch (error) {
			failure = error as Error;
		}
		if (failure) {
			// Like n8n: manual polls and the activation poll throw; scheduled polls report via __emitError.
			if (mode === 'manual' || opts.activationPoll) throw failure;
			context.__emitError(failure);
		}
		if (mode === 'trigger' && response !== null && !emitError) context.__emit(response);
		const staticData = plainStaticData(workflow.staticData);
		const saved = mode === 'trigger' && (emitted || opts.activationPoll) ? staticData : savedBefore;
		return {
			response,
			items: response?.[0] ?? [],
			emitted,
			staticData,
			nodeStaticData: (staticData[`node:${node.name}`] as IDataObject) ?? {},
			savedStaticData: clone(saved),
			emitError,
		};
	}

	const poll: Harness['poll'] = async (parameters = {}, opts = {}) => {
		await nodeTypes.load([GIFTRONAUT_TRIGGER_TYPE]);
		const workflowId = opts.workflowId ?? DEFAULT_WORKFLOW_ID;
		const node = triggerNode(parameters, opts, workflowId);
		const staticData = plainStaticData(opts.staticData);
		const workflow = await buildWorkflow({
			nodes: [node],
			connections: {},
			workflowId,
			staticData,
			active: (opts.mode ?? 'trigger') === 'trigger',
		});
		return await pollOnce(workflow, node, opts, staticData);
	};

	const poller: Harness['poller'] = (parameters = {}, opts = {}) => {
		const workflowId = opts.workflowId ?? DEFAULT_WORKFLOW_ID;
		let params = parameters;
		let saved = plainStaticData(opts.staticData);
		let workflow: Workflow | undefined;
		let node: INode | undefined;
		let first = true;
		return {
			async poll() {
				if (!workflow || !node) {
					await nodeTypes.load([GIFTRONAUT_TRIGGER_TYPE]);
					node = triggerNode(params, opts, workflowId);
					workflow = await buildWorkflow({
						nodes: [node],
						connections: {},
						workflowId,
						staticData: saved,
						active: true,
					});
				}
				const result = await pollOnce(workflow, node, { ...opts, activationPoll: first }, saved);
				first = false;
				saved = result.savedStaticData;
				return result;
			},
			get staticData() {
				return plainStaticData(workflow?.staticData ?? saved);
			},
			get savedStaticData() {
				return clone(saved);
			},
			restart() {
				workflow = undefined;
				node = undefined;
				first = true;
			},
			setParameters(next: INodeParameters) {
				params = next;
				workflow = undefined;
				node = undefined;
				first = true;
			},
		};
	};

	const testCredential: Harness['testCredential'] = async (
		id = DEFAULT_CREDENTIAL_ID,
		formData,
	) => {
		// Mirrors n8n's CredentialsTester: the credential type's `test.request` as the routing of a
		// mock noOp node's `temp` property, run by RoutingNode (so preAuthentication is forced).
		const row = store.get(id);
		if (!row) throw new Error(`No stored credential "${id}"`);
		const credentialType = credentialsHelper.getCredentialType(row.type);
		if (!credentialType.test)
			return { status: 'Error', message: 'No testing function found for this credential.' };
		const additionalData = additionalDataFor(undefined, `harness-${++executionCounter}`);
		const credentialsDecrypted: ICredentialsDecrypted = {
			id: row.id,
			name: row.name,
			type: row.type,
			data: credentialsHelper.applyDefaultsAndResolve(
				additionalData,
				{ ...row.data, ...(formData ?? {}) } as ICredentialDataDecryptedObject,
				row.type,
				'internal',
			),
		};
		const mockType: INodeType = {
			description: {
				displayName: 'No Operation, do nothing',
				name: 'n8n-nodes-base.noOp',
				group: ['organization'],
				version: 1,
				description: 'No Operation',
				defaults: { name: 'No Operation, do nothing' },
				inputs: ['main'],
				outputs: ['main'],
				credentials: [{ name: row.type, required: true }],
				properties: [
					{
						displayName: 'Temp',
						name: 'temp',
						type: 'string',
						routing: { request: credentialType.test.request },
						default: '',
					},
				],
			},
		} as INodeType;
		const testTypes = new HarnessNodeTypes({ 'n8n-nodes-base.noOp': () => mockType });
		await testTypes.load(['n8n-nodes-base.noOp']);
		const node: INode = {
			id: 'temp',
			parameters: {},
			name: 'Temp-Node',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [0, 0],
			credentials: { [row.type]: { id: row.id, name: row.name } },
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: testTypes,
		});
		const runExecutionData = createRunExecutionData({ resultData: { runData: {} } });
		const executeData: IExecuteData = { node, data: {}, source: null };
		const context = new ExecuteContext(
			workflow,
			node,
			additionalData,
			'internal',
			runExecutionData,
			0,
			[],
			{ main: [[{ json: {} }]] },
			executeData,
			[],
		);
		const routingNode = new RoutingNode(context, mockType, credentialsDecrypted);
		try {
			await routingNode.runNode();
		} catch (error) {
			const cause = (
				error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }
			).cause;
			if (cause?.response) {
				const { status, statusText } = cause.response;
				for (const rule of credentialType.test.rules ?? []) {
					if (rule.type === 'responseCode' && rule.properties.value === status) {
						return { status: 'Error', message: rule.properties.message };
					}
				}
				if (status < 199 || status > 299) {
					return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
				}
			} else if (cause?.code) {
				return { status: 'Error', message: cause.code };
			}
			return { status: 'Error', message: String((error as Error).message) };
		}
		return { status: 'OK', message: 'Connection successful!' };
	};

	return {
		sandbox,
		credentialsHelper,
		credentialStore: store,
		nodeTypes,
		get preAuthCalls() {
			return credentialsHelper.preAuthCalls;
		},
		get preAuthEvents() {
			return credentialsHelper.preAuthEvents;
		},
		credential: (id = DEFAULT_CREDENTIAL_ID) => {
			const row = store.get(id);
			if (!row) throw new Error(`No stored credential "${id}"`);
			return credentialsHelper.applyDefaultsAndResolve(
				additionalDataFor(undefined, 'harness-read'),
				row.data,
				row.type,
				'internal',
			);
		},
		addCredential,
		updateCredential: (data, id = DEFAULT_CREDENTIAL_ID) => {
			// Emptying the stored token means "no token yet": this process keeps none either.
			if (data.accessToken === '') forgetSharedTokens();
			store.patch(id, data as ICredentialDataDecryptedObject);
		},
		run,
		runWorkflow,
		loadOptions,
		listSearch,
		poll,
		poller,
		testCredential,
		resetCounters: () => {
			credentialsHelper.preAuthEvents.length = 0;
		},
		close: async () => {
			if (ownSandbox) await sandbox.close();
		},
	};
}
