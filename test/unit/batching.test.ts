import { positionBatches } from '../../nodes/Giftronaut/helpers/orders/batches';

// Combine Items cuts the input rows by position into batches of at most Batch Size recipients.

describe('positionBatches', () => {
	test('fills each batch up to the batch size, in input order', () => {
		expect(positionBatches([1, 1, 1, 1, 1], 2)).toEqual([[0, 1], [2, 3], [4]]);
	});

	test('never splits a row: a row that does not fit starts the next batch', () => {
		expect(positionBatches([3, 2, 2, 1], 4)).toEqual([[0], [1, 2], [3]]);
	});

	test('a row as large as the batch size is a batch of its own', () => {
		expect(positionBatches([1, 4, 1], 4)).toEqual([[0], [1], [2]]);
	});

	test('no rows, no batches', () => {
		expect(positionBatches([], 100)).toEqual([]);
	});

	test('every row is in exactly one batch and no batch is over the size', () => {
		const sizes = [5, 1, 7, 3, 3, 2, 9, 1, 1, 1, 4, 6];
		const batches = positionBatches(sizes, 10);
		expect(batches.flat()).toEqual(sizes.map((_, index) => index));
		for (const batch of batches) {
			expect(batch.reduce((sum, row) => sum + sizes[row], 0)).toBeLessThanOrEqual(10);
		}
	});

	test('the cut depends only on the sizes before a row: changing a later row keeps earlier batches', () => {
		const before = positionBatches([2, 2, 2, 2, 2, 2], 4);
		const after = positionBatches([2, 2, 2, 2, 1, 3], 4);
		expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
	});
});
