import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';

const harness = useResourceHarness();
const ledger = { resource: 'balance', operation: 'getLedger' };
const DAY = 24 * 3600 * 1000;

function order(h: ReturnType<typeof harness>, email: string, amount: number) {
	return h.sandbox.createOrder({ productId: 'GC-AMAZON-USD', recipients: [{ email, amount }] })
		.order;
}

describe('Balance → Get Ledger', () => {
	test('lists entries newest first with amounts and balance after; Type filters', async () => {
		const h = harness();
		h.sandbox.reset({ balance: 1000 });
		const first = order(h, 'a@example.com', 100);
		const second = order(h, 'b@example.com', 50);

		const all = await h.run({ parameters: { ...ledger, returnAll: true } });
		const uses = await h.run({
			parameters: { ...ledger, returnAll: true, filters: { type: 'USE' } },
		});

		expect(all.error).toBeUndefined();
		expect(
			all.json.map((e) => [
				e.type,
				e.orderId,
				(e.amount as { amount: number }).amount,
				(e.balanceAfter as { amount: number }).amount,
			]),
		).toEqual([
			['USE', second.orderId, -50, 850],
			['USE', first.orderId, -100, 900],
			['CHARGE', undefined, 1000, 1000],
		]);
		expect(uses.json.map((e) => e.orderId)).toEqual([second.orderId, first.orderId]);
		expect(all.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('Start Date and End Date select whole days; Limit stops early', async () => {
		const h = harness();
		const early = order(h, 'a@example.com', 10);
		h.sandbox.advanceClock(3 * DAY);
		const late = order(h, 'b@example.com', 10);
		const lateDay = late.createdAt.slice(0, 10);
		const earlyDay = early.createdAt.slice(0, 10);

		const fromLate = await h.run({
			parameters: { ...ledger, returnAll: true, filters: { startDate: lateDay } },
		});
		const untilEarly = await h.run({
			parameters: { ...ledger, returnAll: true, filters: { endDate: earlyDay, type: 'USE' } },
		});
		const one = await h.run({ parameters: { ...ledger, returnAll: false, limit: 1 } });

		expect(fromLate.json.map((e) => e.orderId)).toEqual([late.orderId]);
		expect(untilEarly.json.map((e) => e.orderId)).toEqual([early.orderId]);
		expect(one.json).toHaveLength(1);
	});

	test('End Date before Start Date fails before any request, naming the item', async () => {
		const h = harness();
		const r = await h.run({
			parameters: {
				...ledger,
				returnAll: true,
				filters: { startDate: '2026-05-02', endDate: '2026-05-01' },
			},
		});

		expect(r.error?.message).toBe('End Date 2026-05-01 is before Start Date 2026-05-02 (item 0)');
		expect(h.sandbox.requests().filter((q) => q.path === '/api/v1/balance/ledger')).toHaveLength(0);
	});

	test('without balance.read: 403 naming the scope', async () => {
		const result = await runWithoutScope(harness(), { ...ledger, returnAll: true }, 'balance.read');
		expectScopeError(result, 'balance.read');
	});
});
