'use strict';

// Preloaded into the n8n processes of the queue-mode run (NODE_OPTIONS=--require): appends one JSON
// line { pid, method, path } to $GIFTRONAUT_HTTPLOG for every HTTP request the process starts to
// $GIFTRONAUT_HTTPLOG_TARGET (the sandbox's host:port), so the suite can tell which n8n process
// (main or a worker) exchanged a token or sent an order. It only watches.
const dc = require('node:diagnostics_channel');
const fs = require('node:fs');

const file = process.env.GIFTRONAUT_HTTPLOG;
const target = process.env.GIFTRONAUT_HTTPLOG_TARGET;

if (file && target) {
	dc.subscribe('http.client.request.start', ({ request }) => {
		try {
			if (request.getHeader('host') !== target) return;
			const line = {
				pid: process.pid,
				method: request.method,
				path: request.path.split('?')[0],
				at: Date.now(),
			};
			fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
		} catch {
			// never break the process we observe
		}
	});
}
