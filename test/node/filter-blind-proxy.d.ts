export interface FilterBlindProxy {
	/** e.g. http://127.0.0.1:41234 */
	readonly url: string;
	close(): Promise<void>;
}

/** Forwards to `target` without the catalog filter query parameters (currencyCode, brandName). */
export declare function startFilterBlindProxy(target: string): Promise<FilterBlindProxy>;
