'use strict';

const { SandboxError, validationError, randomToken } = require('./util');

const KNOWN_SCOPES = [
	'catalog.read',
	'orders.read',
	'orders.write',
	'balance.read',
	'balance.write',
	'templates.read',
	'templates.write',
	'campaigns.read',
	'campaigns.write',
	'recipients.read',
	'recipients.write',
];
const DEMO_CLIENT_ID = 'demo-client-id';
const DEMO_CLIENT_SECRET = 'demo-client-secret';

const invalidClient = () =>
	new SandboxError(
		401,
		'INVALID_CLIENT',
		'Client authentication failed: unknown client_id or wrong client_secret',
	);

const invalidToken = (message) =>
	new SandboxError(401, 'INVALID_TOKEN', message, {
		'WWW-Authenticate': 'Bearer error="invalid_token"',
	});

function normalizeClient(c) {
	if (
		!c ||
		typeof c.clientId !== 'string' ||
		!c.clientId ||
		typeof c.clientSecret !== 'string' ||
		!c.clientSecret
	) {
		throw validationError('a client needs a non-empty clientId and clientSecret');
	}
	const scopes = c.scopes === undefined ? KNOWN_SCOPES.slice() : c.scopes;
	if (!Array.isArray(scopes) || scopes.some((s) => !KNOWN_SCOPES.includes(s))) {
		throw validationError(`scopes must be an array of known scopes (${KNOWN_SCOPES.join(' ')})`);
	}
	return { clientId: c.clientId, clientSecret: c.clientSecret, scopes: scopes.slice() };
}

/** Clients, token issuance and bearer-token checks. Token expiry uses the virtual clock. */
function createAuth(clock) {
	const clients = new Map();
	const tokens = new Map(); // token -> { clientId, scopes:Set, expiresAt, revoked }
	const issued = []; // every token string ever issued by this sandbox (kept across resets)

	function addClient(c) {
		const client = normalizeClient(c);
		clients.set(client.clientId, client);
		return { clientId: client.clientId, scopes: client.scopes.slice() };
	}

	function reset(extraClients) {
		clients.clear();
		tokens.clear();
		addClient({ clientId: DEMO_CLIENT_ID, clientSecret: DEMO_CLIENT_SECRET, scopes: KNOWN_SCOPES });
		for (const c of extraClients || []) addClient(c);
	}

	/** params: { grant_type, client_id, client_secret, scope } (already decoded). */
	function issueToken(params, lifetimeSeconds) {
		const grant = params.grant_type;
		if (grant !== 'client_credentials') {
			throw new SandboxError(
				400,
				'UNSUPPORTED_GRANT_TYPE',
				grant === undefined || grant === ''
					? 'grant_type is required; this server supports grant_type=client_credentials'
					: `grant_type "${String(grant)}" is not supported; use grant_type=client_credentials`,
			);
		}
		const client = typeof params.client_id === 'string' ? clients.get(params.client_id) : undefined;
		if (
			!client ||
			typeof params.client_secret !== 'string' ||
			params.client_secret !== client.clientSecret
		) {
			throw invalidClient();
		}
		const raw = params.scope === undefined || params.scope === null ? '' : String(params.scope);
		const requested = [...new Set(raw.split(/[\s+]+/).filter(Boolean))];
		const unknown = requested.filter((s) => !KNOWN_SCOPES.includes(s));
		if (unknown.length) {
			throw new SandboxError(
				400,
				'INVALID_SCOPE',
				`Unknown scope${unknown.length > 1 ? 's' : ''}: ${unknown.map((s) => `"${s}"`).join(', ')}. Known scopes: ${KNOWN_SCOPES.join(' ')}`,
			);
		}
		const granted = requested.length
			? requested.filter((s) => client.scopes.includes(s))
			: client.scopes.slice();
		const token = 'sbx_' + randomToken(32);
		tokens.set(token, {
			clientId: client.clientId,
			scopes: new Set(granted),
			expiresAt: clock.now() + lifetimeSeconds * 1000,
			revoked: false,
		});
		issued.push(token);
		return {
			clientId: client.clientId,
			response: {
				access_token: token,
				token_type: 'Bearer',
				expires_in: lifetimeSeconds,
				scope: granted.join(' '),
			},
		};
	}

	function bearerOf(header) {
		if (typeof header !== 'string') return undefined;
		const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
		return m ? m[1] : undefined;
	}

	/** Returns the token record or throws 401 INVALID_TOKEN. */
	function authenticate(header) {
		const token = bearerOf(header);
		if (!token)
			throw invalidToken(
				'Missing bearer token: send "Authorization: Bearer <access_token>" (get one from POST /oauth2/token)',
			);
		const rec = tokens.get(token);
		if (!rec) throw invalidToken('The access token is not valid');
		if (rec.revoked || clock.now() >= rec.expiresAt) {
			throw invalidToken('The access token has expired; request a new one from POST /oauth2/token');
		}
		return rec;
	}

	/** Used by the expire-token fault: invalidates the presented token (if any) and returns its client. */
	function revoke(header) {
		const rec = tokens.get(bearerOf(header));
		if (rec) rec.revoked = true;
		return rec;
	}

	function expireAll() {
		for (const rec of tokens.values()) rec.revoked = true;
	}

	reset([]);
	return {
		addClient,
		reset,
		issueToken,
		authenticate,
		revoke,
		expireAll,
		issuedTokens: () => issued.slice(),
	};
}

module.exports = { createAuth, KNOWN_SCOPES, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET };
