export interface EndpointRequest {
	method: string;
	headers: Record<string, string | string[] | undefined>;
	rawBody: Buffer;
}

/** The part of Node's ServerResponse the receiver uses. */
export interface EndpointResponse {
	readonly headersSent: boolean;
	writeHead(status: number, headers?: Record<string, string>): unknown;
	setHeader(name: string, value: string): unknown;
	end(body?: string): unknown;
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
	handler: (request: EndpointRequest, res: EndpointResponse) => Promise<void> | void,
): Promise<Endpoint>;

/** Forwards each POST to `target` with its JSON body re-serialized by JSON.stringify. */
export declare function startReserializingProxy(
	target: string,
): Promise<{ readonly url: string; close(): Promise<void> }>;
