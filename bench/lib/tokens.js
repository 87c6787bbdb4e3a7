'use strict';
// Token requests: one 1,000-item run with a fresh credential, then 10 runs sharing one credential.
const W = require('./workflows');

async function runTokens(h, { log }) {
	h.sandbox.reset();
	const one = h.addCredential({}, { id: 'bench-tokens-1000' });
	const r = await h.run({
		parameters: W.createParameters(),
		input: W.people(1000, 'tok1000'),
		credentialId: one,
		workflowId: 'bench-tokens',
	});
	if (r.error) throw new Error(`tokens: 1,000-item run failed: ${r.error.message}`);
	const tokenRequestsPer1000Items = h.sandbox.stats().tokenRequests;
	const catalogGetsPer1000Items = h.sandbox
		.requests()
		.filter((e) => e.method === 'GET' && e.path.startsWith('/api/v1/catalog/')).length;
	log(
		`tokens: 1,000-item run → ${tokenRequestsPer1000Items} token request(s), ${catalogGetsPer1000Items} catalog GET(s)`,
	);

	h.sandbox.reset();
	const shared = h.addCredential({}, { id: 'bench-tokens-10' });
	for (let run = 0; run < 10; run++) {
		const res = await h.run({
			parameters: W.createParameters(),
			input: W.people(50, `tok10-${run}`),
			credentialId: shared,
			workflowId: `bench-tokens-${run % 3}`,
		});
		if (res.error) throw new Error(`tokens: run ${run + 1} of 10 failed: ${res.error.message}`);
	}
	const tokenRequestsAcross10Runs = h.sandbox.stats().tokenRequests;
	log(`tokens: 10 runs, one credential → ${tokenRequestsAcross10Runs} token request(s)`);
	return {
		tokenRequestsPer1000Items,
		tokenRequestsAcross10Runs,
		detail: { catalogGetsPer1000Items },
	};
}

module.exports = { runTokens };
