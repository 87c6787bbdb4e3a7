'use strict';

const { validationError } = require('./util');

const TYPES = ['CHARGE', 'USE', 'REFUND', 'REWARD', 'TRANSFER'];
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The ledger (docs/api-contract.md#ledger), derived from the order store: the opening balance
 * (CHARGE at reset), one USE per order and one REFUND per canceled order; newest first.
 */
function createLedger({ clock, orders }) {
	let opening = { cents: 0, at: 0 };

	function reset(balanceUsd) {
		opening = { cents: Math.round(balanceUsd * 100), at: clock.now() };
	}

	function entries() {
		const events = [
			{ type: 'CHARGE', cents: opening.cents, at: opening.at, description: 'Funds added' },
		];
		for (const o of orders.all()) {
			events.push({
				type: 'USE',
				cents: -o.chargeCents,
				at: o.createdMs,
				orderId: o.orderId,
				description: `Order ${o.orderId}`,
			});
			if (orders.summary(o).status === 'CANCELED') {
				events.push({
					type: 'REFUND',
					cents: o.chargeCents,
					at: o.createdMs,
					orderId: o.orderId,
					description: `Refund of canceled order ${o.orderId}`,
				});
			}
		}
		let balance = 0;
		const out = events.map((e, i) => {
			balance += e.cents;
			return {
				id: `LE-${String(i + 1).padStart(6, '0')}`,
				type: e.type,
				amount: { amount: e.cents / 100, currency: 'USD' },
				balanceAfter: { amount: balance / 100, currency: 'USD' },
				...(e.orderId ? { orderId: e.orderId } : {}),
				createdAt: new Date(e.at).toISOString(),
				description: e.description,
			};
		});
		return out.reverse();
	}

	function list(q) {
		for (const name of ['startDate', 'endDate']) {
			if (q[name] !== undefined && q[name] !== '' && !DATE_RE.test(q[name]))
				throw validationError(
					`${name} ${JSON.stringify(q[name])} must be a date formatted YYYY-MM-DD`,
				);
		}
		if (q.type !== undefined && q.type !== '' && !TYPES.includes(q.type))
			throw validationError(`type ${JSON.stringify(q.type)} must be one of ${TYPES.join(', ')}`);
		const matching = entries().filter((e) => {
			const day = e.createdAt.slice(0, 10);
			return (
				(!q.startDate || day >= q.startDate) &&
				(!q.endDate || day <= q.endDate) &&
				(!q.type || e.type === q.type)
			);
		});
		return orders.listOf(matching, q);
	}

	return { reset, list, entries };
}

module.exports = { createLedger };
