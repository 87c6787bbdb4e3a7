import { amountProblem, readAmount } from '../../nodes/Giftronaut/helpers/orders/validation';
import type { Product } from '../../nodes/Giftronaut/shared/types';

describe('readAmount', () => {
	test.each([
		[25, 25],
		['25', 25],
		[' 12.50 ', 12.5],
		['0.01', 0.01],
		// Floating-point noise from an expression (0.1 + 0.2) is not a third decimal.
		[0.1 + 0.2, 0.3],
	])('%j reads as %j', (raw, amount) => {
		expect(readAmount(raw)).toEqual({ amount });
	});

	test.each([
		[undefined, 'is required'],
		[null, 'is required'],
		['', 'is required'],
		[0, '0 must be greater than 0'],
		[-5, '-5 must be greater than 0'],
		[12.345, '12.345 has more than 2 decimal places'],
		['12.345', '12.345 has more than 2 decimal places'],
		[Number.NaN, 'NaN is not a number'],
		[Number.POSITIVE_INFINITY, 'Infinity is not a number'],
	])('%j: %s', (raw, problem) => {
		expect(readAmount(raw)).toEqual({ problem });
	});

	test.each(['$25', '1,000', '25 USD', '12.', 'twenty'])(
		'%j is refused with how to write it',
		(raw) => {
			expect(readAmount(raw)).toEqual({
				problem: `${JSON.stringify(raw)} is not a number: write it like 25 or 12.50, without a currency sign or thousands separator`,
			});
		},
	);
});

describe('amountProblem', () => {
	const fixed: Product = {
		productId: 'GC-AMAZON-USD',
		brandName: 'Amazon',
		currencyCode: 'USD',
		faceValueType: 'FIXED',
		denominations: [10, 25, 50],
	};
	const range: Product = {
		productId: 'CHOICE-GLOBAL-USD',
		brandName: 'Global Choice',
		currencyCode: 'USD',
		faceValueType: 'RANGE',
		minAmount: 5,
		maxAmount: 500,
	};

	test('a fixed product takes only its denominations', () => {
		expect(amountProblem(fixed, 25)).toBeUndefined();
		expect(amountProblem(fixed, 30)).toBe(
			'30 is not a denomination of Amazon (GC-AMAZON-USD): choose 10, 25 or 50',
		);
	});

	test('a range product takes its bounds and anything between', () => {
		for (const amount of [5, 123.45, 500]) expect(amountProblem(range, amount)).toBeUndefined();
		expect(amountProblem(range, 4.99)).toBe(
			'4.99 is below the minimum of Global Choice (CHOICE-GLOBAL-USD): choose 5 to 500 USD',
		);
		expect(amountProblem(range, 500.01)).toBe(
			'500.01 is above the maximum of Global Choice (CHOICE-GLOBAL-USD): choose 5 to 500 USD',
		);
	});
});
