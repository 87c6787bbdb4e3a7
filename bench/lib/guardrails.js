'use strict';
// Spending limits: every attempt of test/guardrails/attempts.ts (tool variant with $fromAI values, and
// workflow runs) against the credential's limits; none may get an order through.
const path = require('node:path');

const { BUILD } = require('./setup');

async function runGuardrails(h, { log, onEvidence }) {
	const { BREACH_ATTEMPTS, guardrailKit, runAttempt } = require(
		path.join(BUILD, 'test', 'guardrails', 'attempts.js'),
	);
	const kit = guardrailKit(h);
	let sent = 0;
	const notRefused = [];
	for (const attempt of BREACH_ATTEMPTS) {
		const outcome = await runAttempt(kit, attempt);
		sent += outcome.ordersSent;
		if (outcome.orderPosts || !attempt.refusal.test(outcome.text)) notRefused.push(attempt.name);
		onEvidence?.({ items: [], outputs: [], error: outcome.text });
	}
	h.updateCredential({
		maxPerOrderUsd: '',
		maxPerRunUsd: '',
		dailyLimitUsd: '',
		allowedProducts: '',
	});
	h.sandbox.reset();
	log(
		`guardrails: ${BREACH_ATTEMPTS.length} attempts, ${sent} orders sent, ${notRefused.length} not refused as expected`,
	);
	return {
		guardrailBreachAttempts: BREACH_ATTEMPTS.length,
		guardrailOrdersSent: sent,
		detail: { notRefused },
	};
}

module.exports = { runGuardrails };
