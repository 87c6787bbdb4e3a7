import type { ICredentialsDecrypted, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readBaseUrl } from './baseUrl';
import { governorFor, type RateGovernor } from './rateLimit';
import type { FullResponse, GiftronautContext } from './types';

export const CREDENTIAL_TYPE = 'giftronautApi';
export const DEFAULT_RATE_LIMIT_PATIENCE_MINUTES = 10;

/**
 * What one node run shares across its requests: the base URL and the decrypted credential, read
 * once (n8n would otherwise read and decrypt it on every request), and a gate that lets a token
 * exchange or refresh run alone, so parallel requests cost one token request, not one each.
 */
export class RunSession {
	private gate: Promise<unknown> = Promise.resolve();

	/** Wall time this run has spent paused by the rate limit (overlapping waits count once). */
	rateLimitWaitedMs = 0;

	private waitCoveredUntil = 0;

	constructor(
		readonly baseUrl: string,
		readonly credentials: ICredentialsDecrypted,
		readonly governor: RateGovernor,
		readonly patienceMs: number,
	) {}

	countWait(startedAt: number, endedAt: number): void {
		this.rateLimitWaitedMs += Math.max(0, endedAt - Math.max(startedAt, this.waitCoveredUntil));
		this.waitCoveredUntil = Math.max(this.waitCoveredUntil, endedAt);
	}

	get token(): unknown {
		return this.credentials.data?.accessToken;
	}

	forgetToken(): void {
		if (this.credentials.data) this.credentials.data.accessToken = '';
	}

	async waitForGate(): Promise<void> {
		let current: Promise<unknown>;
		do {
			current = this.gate;
			await current.catch(() => undefined);
		} while (current !== this.gate);
	}

	/** Runs `work` after every earlier exclusive task; other requests wait for it to finish. */
	async alone<T>(work: () => Promise<T>): Promise<T> {
		const run = this.gate.catch(() => undefined).then(work);
		this.gate = run;
		return await run;
	}
}

const sessions = new WeakMap<object, Promise<RunSession>>();

/** A dropdown should not keep the editor waiting for minutes. */
const DROPDOWN_RATE_LIMIT_PATIENCE_MS = 30_000;

/**
 * How long a run may wait for the rate limit in total: Order → Create's Rate-Limit Patience
 * (minutes), the default for other operations and polls, a short wait for dropdowns.
 */
function patienceMs(context: GiftronautContext): number {
	if (!('getInputData' in context)) {
		return '__emit' in context
			? DEFAULT_RATE_LIMIT_PATIENCE_MINUTES * 60_000
			: DROPDOWN_RATE_LIMIT_PATIENCE_MS;
	}
	let minutes: unknown = DEFAULT_RATE_LIMIT_PATIENCE_MINUTES;
	try {
		minutes = context.getNodeParameter(
			'options.rateLimitPatience',
			0,
			DEFAULT_RATE_LIMIT_PATIENCE_MINUTES,
		);
	} catch {
		// Not an operation with the option, or no item to read it for: keep the default.
	}
	const value = Number(minutes);
	return (
		(Number.isFinite(value) && value >= 0 ? value : DEFAULT_RATE_LIMIT_PATIENCE_MINUTES) * 60_000
	);
}

async function openSession(this: GiftronautContext): Promise<RunSession> {
	const data = await this.getCredentials(CREDENTIAL_TYPE);
	const reference = this.getNode().credentials?.[CREDENTIAL_TYPE];
	const base = readBaseUrl(data.baseUrl);
	if ('problem' in base) {
		throw new NodeOperationError(this.getNode(), base.problem, {
			description: 'Fix the Base URL field of the Giftronaut API credential.',
		});
	}
	const account = `${base.url}\n${String(data.clientId ?? '').trim()}`;
	return new RunSession(
		base.url,
		{ id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data },
		governorFor(account),
		patienceMs(this),
	);
}

export function sessionOf(this: GiftronautContext): Promise<RunSession> {
	let session = sessions.get(this);
	if (!session) {
		session = openSession.call(this);
		// A failed read must not stick for the rest of the run.
		session.catch(() => sessions.delete(this));
		sessions.set(this, session);
	}
	return session;
}

/**
 * Error statuses are read from the response itself, because the error n8n throws keeps neither
 * the Retry-After nor the X-Request-Id header. A 401 is the exception: n8n mints a new token and
 * repeats the request only when a 401 is thrown, so that request is made again the throwing way.
 * n8n's token handling updates `session.credentials.data` in place, so all requests see the result.
 */
export async function send<T>(
	this: GiftronautContext,
	session: RunSession,
	options: IHttpRequestOptions,
): Promise<FullResponse<T>> {
	const credentialOptions = { credentialsDecrypted: session.credentials };
	const request = async (ignoreHttpStatusErrors: boolean) =>
		(await this.helpers.httpRequestWithAuthentication.call(
			this,
			CREDENTIAL_TYPE,
			{ ...options, ignoreHttpStatusErrors },
			credentialOptions,
		)) as FullResponse<T>;
	await session.waitForGate();
	if (!session.token) {
		// n8n exchanges the client credentials when the token is empty: one request does it alone.
		return await session.alone(async () => await request(true).then(refreshOn401(request)));
	}
	const tokenUsed = session.token;
	const response = await request(true);
	if (response.statusCode !== 401) return response;
	return await session.alone(async () =>
		session.token !== tokenUsed ? await request(true) : await request(false),
	);
}

/** After a 401 on a request made alone, repeat it the way that makes n8n refresh the token. */
function refreshOn401<T>(request: (ignore: boolean) => Promise<FullResponse<T>>) {
	return async (response: FullResponse<T>) =>
		response.statusCode === 401 ? await request(false) : response;
}
