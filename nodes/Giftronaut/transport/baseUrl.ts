export const DEFAULT_BASE_URL = 'https://api.giftronaut.com';

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The credential's Base URL as the node uses it, or an explanation of why it is refused. https
 * only (the client secret goes to `{base}/oauth2/token`); plain http only to this machine
 * (loopback), for a local test server. A trailing `/api/v1` is dropped: the vendor's pages show
 * the base URL both with and without it, and the node adds `/api/v1/...` itself.
 */
export function readBaseUrl(raw: unknown): { url: string } | { problem: string } {
	const text = String(raw ?? '').trim() || DEFAULT_BASE_URL;
	let parsed: URL;
	try {
		parsed = new URL(text);
	} catch {
		return {
			problem: `Base URL ${JSON.stringify(text)} is not a web address: use ${DEFAULT_BASE_URL}`,
		};
	}
	const loopback = LOOPBACK_HOST.test(parsed.hostname);
	if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
		return {
			problem:
				`Base URL ${JSON.stringify(text)} must start with https://: over ${parsed.protocol.replace(':', '')} the ` +
				'Client Secret and the access token would travel unencrypted, so nothing was sent. Plain http:// is ' +
				`accepted only for this machine (localhost, 127.0.0.1, [::1]). The usual value is ${DEFAULT_BASE_URL}.`,
		};
	}
	if (parsed.search || parsed.hash || parsed.username || parsed.password) {
		return {
			problem: `Base URL ${JSON.stringify(text)} must be a plain address without a query, a #fragment or a user name: use e.g. ${DEFAULT_BASE_URL}`,
		};
	}
	const path = parsed.pathname
		.replace(/\/+$/, '')
		.replace(/\/api\/v1$/i, '')
		.replace(/\/+$/, '');
	return { url: `${parsed.protocol}//${parsed.host}${path}` };
}
