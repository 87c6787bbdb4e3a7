'use strict';
// The figures, their goals and the table printed at the end of a run.
const GOALS = [
	{ key: 'tokenRequestsPer1000Items', goal: '1', ok: (v) => v === 1 },
	{ key: 'tokenRequestsAcross10Runs', goal: '1', ok: (v) => v === 1 },
	{ key: 'separateOrdersAt300PerMinFailures', goal: '0', ok: (v) => v === 0 },
	{ key: 'separateOrdersAt300PerMinRatio', goal: '≤ 1.10', ok: (v) => v <= 1.1 },
	{ key: 'rateLimited429Share', goal: '≤ 0.05', ok: (v) => v <= 0.05 },
	{ key: 'bulk1000RecipientsSeconds60PerMin', goal: '< 60', ok: (v) => v < 60 },
	{ key: 'bulk1000RecipientsFailures60PerMin', goal: '0', ok: (v) => v === 0 },
	{ key: 'requestsPerIdlePoll', goal: '≤ 2', ok: (v) => v <= 2 },
	{ key: 'staticDataBytesAfter100kOrders', goal: '≤ 65,536', ok: (v) => v <= 65536 },
	{ key: 'ratioVsRawHttp', goal: '≤ 1.10', ok: (v) => v <= 1.1 },
	{ key: 'ratioVsHttpRequestNode', goal: '≤ 1.00', ok: (v) => v <= 1.0 },
	// Where the node's time goes (no goal of their own): reading + checking 1,000 items before the
	// first order, and sending the 1,000 orders. Medians over the node runs of the timed pairs.
	{ key: 'readMsPer1000Items', goal: '(split)' },
	{ key: 'sendMsPer1000Items', goal: '(split)' },
	{ key: 'faultsInjected', goal: '≥ 1,000', ok: (v) => v >= 1000 },
	{ key: 'duplicateOrders', goal: '0', ok: (v) => v === 0 },
	{ key: 'lostOrders', goal: '0', ok: (v) => v === 0 },
	{ key: 'triggerOrders', goal: '≥ 1,000', ok: (v) => v >= 1000 },
	{ key: 'triggerDuplicates', goal: '0', ok: (v) => v === 0 },
	{ key: 'triggerMissed', goal: '0', ok: (v) => v === 0 },
	{ key: 'badInputsTried', goal: '≥ 30', ok: (v) => v >= 30 },
	{ key: 'badInputOrdersSent', goal: '0', ok: (v) => v === 0 },
	{ key: 'guardrailBreachAttempts', goal: '≥ 30', ok: (v) => v >= 30 },
	{ key: 'guardrailOrdersSent', goal: '0', ok: (v) => v === 0 },
	{ key: 'secretLeaks', goal: '0', ok: (v) => v === 0 },
];

const show = (v) =>
	v === undefined
		? '—'
		: v === null
			? 'n/a'
			: Number.isInteger(v)
				? v.toLocaleString('en-US')
				: v.toFixed(2);

function formatTable(results, previous) {
	const rows = [['key', 'value', 'goal', 'met', 'last run']];
	for (const g of GOALS) {
		const v = results[g.key];
		const met =
			v === undefined || !g.ok ? '' : v === null ? 'NOT MEASURED' : g.ok(v) ? 'yes' : 'NO';
		rows.push([g.key, show(v), g.goal, met, show(previous?.[g.key])]);
	}
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
	const line = (r) =>
		`| ${r.map((c, i) => (i === 1 || i === 4 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join(' | ')} |`;
	return [
		line(rows[0]),
		`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
		...rows.slice(1).map(line),
	].join('\n');
}

module.exports = { GOALS, formatTable };
