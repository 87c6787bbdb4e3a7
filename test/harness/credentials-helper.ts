import { getAdditionalKeys } from 'n8n-core';
import {
	ICredentials,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	isExpression,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type ICredentialsEncrypted,
	type ICredentialsExpressionResolveValues,
	type IExecuteData,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypes,
	type IRequestOptionsSimplified,
	type IWorkflowDataProxyAdditionalKeys,
	type IWorkflowExecuteAdditionalData,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

/** One stored credential, as n8n keeps it in its database (decrypted here). */
export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** What happened on one `preAuthentication` call of the helper (never contains secrets or tokens). */
export interface PreAuthEvent {
	credentialType: string;
	nodeName: string;
	/** `credentialsExpired` as passed by n8n-core (true = retry after a 401). */
	credentialsExpired: boolean;
	/** Why the credential type's own preAuthentication ran, or `skipped` when it did not. */
	reason: 'empty' | 'expired' | 'test' | 'skipped' | 'no-expirable-property';
	/** `stored`: keys persisted; `discarded`: result lacked the expirable key; `not-persisted`: node had no credentials; `error`: it threw. */
	outcome?: 'stored' | 'discarded' | 'not-persisted' | 'error';
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * In-memory stand-in for n8n's credentials table: data by id, persisted across executions and
 * harness runs (like the DB). Reads and writes go through a JSON round trip, as a real save does.
 */
export class CredentialStore {
	private readonly rows = new Map<string, StoredCredential>();

	/** Number of writes by `update()` (i.e. by the credentials helper persisting a token). */
	updates = 0;

	set(credential: StoredCredential): void {
		this.rows.set(credential.id, clone(credential));
	}

	has(id: string): boolean {
		return this.rows.has(id);
	}

	/** A copy of the stored row, or undefined. */
	get(id: string): StoredCredential | undefined {
		const row = this.rows.get(id);
		return row ? clone(row) : undefined;
	}

	/** A copy of the stored data; throws when the id is unknown. */
	data(id: string): ICredentialDataDecryptedObject {
		const row = this.rows.get(id);
		if (!row) throw new Error(`Credential with ID "${id}" does not exist.`);
		return clone(row.data);
	}

	/** Replace the stored data (what n8n's `updateCredentials` does). */
	update(id: string, data: ICredentialDataDecryptedObject): void {
		const row = this.rows.get(id);
		if (!row) throw new Error(`Credential with ID "${id}" does not exist.`);
		row.data = clone(data);
		this.updates++;
	}

	/** Merge keys into the stored data (a test editing the credential in the UI). */
	patch(id: string, data: ICredentialDataDecryptedObject): void {
		const row = this.rows.get(id);
		if (!row) throw new Error(`Credential with ID "${id}" does not exist.`);
		row.data = clone({ ...row.data, ...data });
	}

	delete(id: string): void {
		this.rows.delete(id);
	}

	ids(): string[] {
		return [...this.rows.keys()];
	}
}

/** `ICredentials` over plain stored data (n8n's `Credentials` class would encrypt with the instance key). */
class StoredCredentials extends ICredentials {
	constructor(
		details: INodeCredentialsDetails,
		type: string,
		private plain: ICredentialDataDecryptedObject,
	) {
		super(details, type);
	}

	getData(): ICredentialDataDecryptedObject {
		return clone(this.plain);
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: JSON.stringify(this.plain) };
	}

	setData(data: ICredentialDataDecryptedObject): void {
		this.plain = clone(data);
	}
}

class CredentialNotFoundError extends Error {
	constructor(id: string | null, type: string) {
		super(`Credential with ID "${id ?? ''}" does not exist for type "${type}".`);
		this.name = 'CredentialNotFoundError';
	}
}

const mockNode: INode = {
	id: 'mock',
	name: '',
	typeVersion: 1,
	type: 'mock',
	position: [0, 0],
	parameters: {},
};

const mockNodeTypes: INodeTypes = {
	getByName: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getKnownTypes: () => ({}),
};

/**
 * `ICredentialsHelper` that behaves like n8n's CLI `CredentialsHelper` (packages/cli/src/credentials-helper.ts):
 * defaults applied on read, expressions in credential fields resolved, the exact preAuthentication rule
 * (first hidden `expirable` property; run only when it is '' or `credentialsExpired` or a credential test;
 * results without the expirable key are ignored; otherwise persisted to the store), and generic/function
 * `authenticate`. Differences: no encryption, overwrites, external secrets or dynamic credentials.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	/** Every preAuthentication call n8n-core made, in order. */
	readonly preAuthEvents: PreAuthEvent[] = [];

	constructor(
		readonly store: CredentialStore,
		private readonly credentialTypes: Record<string, ICredentialType>,
	) {
		super();
	}

	/** How many times a credential type's own `preAuthentication` actually ran (token requests attempted). */
	get preAuthCalls(): number {
		return this.preAuthEvents.filter(
			(e) => e.reason === 'empty' || e.reason === 'expired' || e.reason === 'test',
		).length;
	}

	getCredentialType(name: string): ICredentialType {
		const type = this.credentialTypes[name];
		if (!type)
			throw new Error(
				`Unknown credential type "${name}" (known: ${Object.keys(this.credentialTypes).join(', ')})`,
			);
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.credentialTypes[name]?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions;
		const credentialType = this.getCredentialType(typeName);
		const { authenticate } = credentialType;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (typeof authenticate === 'object' && authenticate.type === 'generic') {
			if (requestOptions.headers === undefined) requestOptions.headers = {};
			const target = requestOptions as unknown as Record<
				string,
				Record<string, unknown> | undefined
			>;
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
					const valueResolved = this.resolveValue(
						value,
						{ $credentials: credentials },
						workflow,
						node,
					);
					if (!target[outerKey]) target[outerKey] = {};
					(target[outerKey] as Record<string, unknown>)[keyResolved] = valueResolved;
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.getCredentialType(typeName);
		const event: PreAuthEvent = {
			credentialType: typeName,
			nodeName: node?.name ?? '',
			credentialsExpired,
			reason: 'skipped',
		};
		this.preAuthEvents.push(event);

		const expirableProperty = credentialType.properties.find(
			(property) => property.type === 'hidden' && property?.typeOptions?.expirable === true,
		);
		if (expirableProperty?.name === undefined) {
			event.reason = 'no-expirable-property';
			return undefined;
		}

		const isTestingCredentials =
			node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (typeof credentialType.preAuthentication !== 'function') return undefined;

		const empty = credentials[expirableProperty.name] === '';
		if (!(empty || credentialsExpired || isTestingCredentials)) return undefined;
		event.reason = credentialsExpired ? 'expired' : empty ? 'empty' : 'test';

		// n8n restricts `this` to { helpers: { httpRequest } } (restrictToCredentialDomains).
		const restricted: IHttpRequestHelper = {
			helpers: { httpRequest: async (options) => await helpers.helpers.httpRequest(options) },
		};
		event.outcome = 'error'; // until it returns
		const output = (await credentialType.preAuthentication.call(
			restricted,
			credentials,
		)) as ICredentialDataDecryptedObject;

		if (output[expirableProperty.name] === undefined) {
			event.outcome = 'discarded';
			return undefined;
		}
		if (!node.credentials) {
			event.outcome = 'not-persisted';
			return undefined;
		}
		const nodeCredentials = node.credentials[credentialType.name];
		const storedData = (await this.getCredentials(nodeCredentials, credentialType.name)).getData();
		const dataToPersist: ICredentialDataDecryptedObject = { ...storedData };
		for (const [key, value] of Object.entries(output)) {
			if (key === expirableProperty.name || !isExpression(storedData[key]))
				dataToPersist[key] = value;
		}
		await this.updateCredentials(nodeCredentials, credentialType.name, dataToPersist);
		event.outcome = 'stored';
		return Object.assign(credentials, output);
	}

	private resolveValue(
		parameterValue: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const returnValue = workflow.expression.getSimpleParameterValue(
			node,
			parameterValue,
			'internal',
			additionalKeys,
			undefined,
			'',
		);
		if (!returnValue) return '';
		return returnValue.toString();
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		const row = this.getRow(nodeCredentials, type);
		return new StoredCredentials({ id: row.id, name: row.name }, row.type, row.data);
	}

	private getRow(
		nodeCredentials: INodeCredentialsDetails | undefined,
		type: string,
	): StoredCredential {
		const id = nodeCredentials?.id ?? null;
		const row = id === null ? undefined : this.store.get(id);
		if (!row || row.type !== type) throw new CredentialNotFoundError(id, type);
		return row;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const { data } = this.getRow(nodeCredentials, type);
		if (raw === true) return data;
		return this.applyDefaultsAndResolve(
			additionalData,
			data,
			type,
			mode,
			executeData,
			expressionResolveValues,
		);
	}

	/** Defaults from the credential type + expression resolution, as the CLI's `applyDefaultsAndOverwrites`. */
	applyDefaultsAndResolve(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): ICredentialDataDecryptedObject {
		const properties = this.getCredentialsProperties(type);
		let decryptedData = NodeHelpers.getNodeParameters(
			properties,
			clone(decryptedDataOriginal) as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (decryptedDataOriginal.oauthTokenData !== undefined) {
			decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		}
		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { secretsEnabled: true });
		if (expressionResolveValues) {
			let failure: Error | undefined;
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as INodeParameters,
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (e) {
				failure = e as Error;
			}
			if (failure) {
				failure.message += ' [Error resolving credentials]';
				throw failure;
			}
		} else {
			const workflow = new Workflow({
				nodes: [mockNode],
				connections: {},
				active: false,
				nodeTypes: mockNodeTypes,
			});
			decryptedData = workflow.expression.getComplexParameterValue(
				mockNode,
				decryptedData as INodeParameters,
				mode,
				additionalKeys,
				undefined,
				undefined,
				decryptedData,
			) as ICredentialDataDecryptedObject;
		}
		return decryptedData;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const row = this.getRow(nodeCredentials, type);
		this.store.update(row.id, data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const row = this.getRow(nodeCredentials, type);
		this.store.update(row.id, { ...row.data, oauthTokenData: data.oauthTokenData });
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.getCredentialType(type);
		if (credentialType.extends === undefined) return credentialType.properties;
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}
}
