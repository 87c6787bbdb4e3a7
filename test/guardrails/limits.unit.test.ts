import {
	checkDaily,
	checkEachOrder,
	checkRunTotal,
	readSpendingLimits,
	type GuardedOrder,
} from '../../nodes/Giftronaut/shared/spendingLimits/limits';

const order = (totalCents: number, extra: Partial<GuardedOrder> = {}): GuardedOrder => ({
	itemIndexes: [0],
	label: 'the order of item 0',
	productId: 'GC-AMAZON-USD',
	currency: 'USD',
	totalCents,
	...extra,
});

describe('readSpendingLimits', () => {
	test('empty fields are no limit; amounts become cents; products split on commas, spaces and semicolons', () => {
		expect(
			readSpendingLimits({ maxPerOrderUsd: '', maxPerRunUsd: ' ', allowedProducts: '' }),
		).toEqual({
			maxPerOrderCents: undefined,
			maxPerRunCents: undefined,
			dailyLimitCents: undefined,
			allowedProducts: undefined,
		});
		const limits = readSpendingLimits({
			maxPerOrderUsd: '99.995',
			dailyLimitUsd: 0,
			allowedProducts: 'A, B;C\nD',
		});
		expect(limits.maxPerOrderCents).toBe(10000);
		expect(limits.dailyLimitCents).toBe(0);
		expect([...(limits.allowedProducts ?? [])]).toEqual(['A', 'B', 'C', 'D']);
	});

	test.each(['abc', '-1', '1,000', 'Infinity'])('"%s" is refused, naming the field', (value) => {
		expect(() => readSpendingLimits({ maxPerRunUsd: value })).toThrow(
			/Maximum per Run in the Giftronaut credential/,
		);
	});
});

describe('the checks', () => {
	test('per order: at the limit passes, one cent over is refused', () => {
		const limits = { maxPerOrderCents: 10000 };
		expect(checkEachOrder(limits, [order(10000)])).toEqual([]);
		expect(checkEachOrder(limits, [order(10001)])[0].message).toMatch(
			/totals 100.01 USD, above the limit of 100.00 USD/,
		);
	});

	test('a zero limit refuses every order', () => {
		expect(checkEachOrder({ maxPerOrderCents: 0 }, [order(1)])).toHaveLength(1);
		expect(checkDaily({ dailyLimitCents: 0 }, [order(1)], 0, '2026-12-02')).toBeDefined();
	});

	test('a product list alone does not refuse other currencies', () => {
		expect(
			checkEachOrder({ allowedProducts: new Set(['GC-IKEA-EUR']) }, [
				order(5000, { productId: 'GC-IKEA-EUR', currency: 'EUR' }),
			]),
		).toEqual([]);
	});

	test('per run and daily refuse every item of the run', () => {
		const orders = [order(6000, { itemIndexes: [0, 1] }), order(4001, { itemIndexes: [2] })];
		expect(checkRunTotal({ maxPerRunCents: 10000 }, orders)?.itemIndexes).toEqual([0, 1, 2]);
		expect(checkRunTotal({ maxPerRunCents: 10001 }, orders)).toBeUndefined();
		expect(checkDaily({ dailyLimitCents: 20000 }, orders, 9999, '2026-12-02')).toBeUndefined();
		expect(
			checkDaily({ dailyLimitCents: 20000 }, orders, 10000, '2026-12-02')?.itemIndexes,
		).toEqual([0, 1, 2]);
	});
});
