import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { readRecipientInputs } from './recipients';
import { inputError } from '../perItem';
import type { Plan, RunSettings, ValidItem } from './types';

/**
 * Cuts all input rows, valid or not, into consecutive batches of at most `batchSize` recipients
 * (a row is never split). Cutting by position, not over the valid rows only, keeps every batch, and
 * so its key, the same when a bad row is fixed and the run repeated.
 */
export function positionBatches(sizes: number[], batchSize: number): number[][] {
	const result: number[][] = [];
	let current: number[] = [];
	let size = 0;
	sizes.forEach((rowSize, itemIndex) => {
		if (current.length && size + rowSize > batchSize) {
			result.push(current);
			current = [];
			size = 0;
		}
		current.push(itemIndex);
		size += rowSize;
	});
	if (current.length) result.push(current);
	return result;
}

/** Recipients per input row; a row too broken to read counts as one. */
function rowSizes(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	validByIndex: Map<number, ValidItem>,
	batchSize: number,
): number[] {
	return items.map((_, itemIndex) => {
		const valid = validByIndex.get(itemIndex);
		if (valid) return valid.recipients.length;
		try {
			// Counting needs no amount (a Campaign → Run has none).
			const count = readRecipientInputs.call(context, itemIndex, false).length;
			return Math.min(Math.max(count, 1), batchSize);
		} catch {
			return 1;
		}
	});
}

function listItems(indexes: number[]): string {
	const shown = indexes.slice(0, 5).join(', ');
	const more = indexes.length > 5 ? ` and ${indexes.length - 5} more` : '';
	return `${indexes.length === 1 ? 'item' : 'items'} ${shown}${more}`;
}

export interface Part {
	members: ValidItem[];
	/** 0-based batch number of the part, for a user key shared by several batches. */
	batch?: number;
}

/**
 * Combine Items: the parts to order, batch by batch. A batch holding a row that failed its checks
 * is held back whole (its rows get an error saying so), so it is sent, complete and once, when
 * the row is fixed; the batches already sent come back as replays.
 */
export function combinedParts(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	unique: ValidItem[],
	groupOf: (item: ValidItem) => string,
	validByIndex: Map<number, ValidItem>,
	failedRows: Set<number>,
	settings: RunSettings,
	failures: Plan['failures'],
): { parts: Part[]; batchCount: number } {
	const uniqueRows = new Set(unique.map((item) => item.draft.itemIndex));
	const batches = positionBatches(
		rowSizes(context, items, validByIndex, settings.batchSize),
		settings.batchSize,
	);
	const parts: Part[] = [];
	batches.forEach((rows, batch) => {
		const bad = rows.filter((row) => failedRows.has(row));
		if (bad.length) {
			const range = `items ${rows[0]} to ${rows[rows.length - 1]}`;
			for (const row of rows) {
				if (failedRows.has(row) || !validByIndex.has(row)) continue;
				const error = inputError.call(
					context,
					row,
					`Held back: ${listItems(bad)} in the same batch (${range}) failed, so this batch was not sent`,
					`Fix ${listItems(bad)} and run again with the same input: this batch is then sent once, complete, and the batches already sent come back as replays. Sending the batch without ${bad.length === 1 ? 'it' : 'them'} now would send its rows a second time later.`,
				);
				failures.push({ itemIndex: row, error });
			}
			return;
		}
		const groups = new Map<string, ValidItem[]>();
		for (const row of rows) {
			if (!uniqueRows.has(row)) continue;
			const item = validByIndex.get(row) as ValidItem;
			const group = groupOf(item);
			const list = groups.get(group) ?? [];
			list.push(item);
			groups.set(group, list);
		}
		for (const members of groups.values()) parts.push({ members, batch });
	});
	return { parts, batchCount: batches.length };
}
