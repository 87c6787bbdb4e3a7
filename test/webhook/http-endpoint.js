'use strict';

// Plain JS like the sandbox: the lint rules for .ts files ban Node's http module.
// An HTTP endpoint on 127.0.0.1 that can go down and come back on the same port, and a proxy
// that re-serializes JSON bodies (what a body-rewriting proxy or gateway does).
const http = require('node:http');

/**
 * handler({ method, headers, rawBody }, res) must answer through res.writeHead/res.end.
 * Returns { port, stop(), start(), close() }.
 */
async function startEndpoint(handler) {
	let server;
	let port = 0;
	const endpoint = {
		get port() {
			return port;
		},
		async start() {
			server = http.createServer((req, res) => {
				const chunks = [];
				req.on('data', (c) => chunks.push(c));
				req.on('end', () => {
					Promise.resolve(
						handler(
							{ method: req.method, headers: req.headers, rawBody: Buffer.concat(chunks) },
							res,
						),
					).catch(() => {
						if (!res.headersSent) {
							res.writeHead(500);
							res.end();
						}
					});
				});
			});
			await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
			port = server.address().port;
		},
		async stop() {
			const closing = server;
			server = undefined;
			if (!closing) return;
			await new Promise((resolve) => {
				closing.close(() => resolve());
				closing.closeAllConnections();
			});
		},
	};
	endpoint.close = endpoint.stop;
	await endpoint.start();
	return endpoint;
}

/** Forwards every POST to `target` with its JSON body parsed and written again (JSON.stringify). */
async function startReserializingProxy(target) {
	const endpoint = await startEndpoint(
		({ headers, rawBody }, res) =>
			new Promise((resolve) => {
				const body = JSON.stringify(JSON.parse(rawBody.toString('utf8')));
				const forward = http.request(
					target,
					{ method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
					(answer) => {
						res.writeHead(answer.statusCode || 502, answer.headers);
						answer.pipe(res);
						answer.on('end', resolve);
					},
				);
				forward.on('error', () => {
					res.destroy();
					resolve();
				});
				forward.end(body);
			}),
	);
	return {
		get url() {
			return `http://127.0.0.1:${endpoint.port}/`;
		},
		close: endpoint.close,
	};
}

module.exports = { startEndpoint, startReserializingProxy };
