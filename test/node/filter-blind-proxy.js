'use strict';

// A test stand-in for a Giftronaut server that does not know the catalog filter parameters:
// forwards every request to `target` with `currencyCode` and `brandName` removed from the query.
// Plain JS like the sandbox: the lint rules for .ts files ban Node's http module.
const http = require('node:http');

async function startFilterBlindProxy(target) {
	const server = http.createServer((req, res) => {
		const url = new URL(req.url || '/', target);
		url.searchParams.delete('currencyCode');
		url.searchParams.delete('brandName');
		const upstream = http.request(
			url,
			{ method: req.method, headers: { ...req.headers, host: url.host } },
			(answer) => {
				res.writeHead(answer.statusCode || 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

module.exports = { startFilterBlindProxy };
