import type { IncomingHttpHeaders, ServerResponse } from 'http';

export interface EndpointRequest {
	method: string;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
}

export interface Endpoint {
	readonly port: number;
	/** Listen again on the same port. */
	start(): Promise<void>;
	/** Stop listening: callers get "connection refused". */
	stop(): Promise<void>;
	close(): Promise<void>;
}

export declare function startEndpoint(
	handler: (request: EndpointRequest, res: ServerResponse) => Promise<void> | void,
): Promise<Endpoint>;

/** Forwards each POST to `target` with its JSON body re-serialized by JSON.stringify. */
export declare function startReserializingProxy(
	target: string,
): Promise<{ readonly url: string; close(): Promise<void> }>;
