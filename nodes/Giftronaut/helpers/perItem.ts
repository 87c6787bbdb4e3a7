import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Runs `work` once per input item. Every output item is paired to its input; with Continue On
 * Fail a failing item becomes an error item and the others go on.
 */
export async function forEachItem(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	work: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await work(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			if (this.continueOnFail()) {
				output.push(errorItem(error, itemIndex));
				continue;
			}
			throw asNodeError.call(this, error, itemIndex);
		}
	}
	return output;
}

export function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const description = (error as { description?: string }).description;
	return {
		json: { error: error.message, ...(description ? { description } : {}) },
		pairedItem: { item: itemIndex },
	};
}

/** n8n errors pass through (with the item index); anything else becomes a NodeOperationError. */
export function asNodeError(
	this: IExecuteFunctions,
	error: Error,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error.message, { itemIndex });
}

/**
 * A bad-input error naming the item as every message of the package does: "… (item 3)", 0-based
 * like n8n's item index. Without an index (a setting of the whole run) there is no suffix.
 */
export function inputError(
	this: IExecuteFunctions,
	itemIndex: number | undefined,
	message: string,
	description?: string,
): NodeOperationError {
	const suffix = itemIndex === undefined ? '' : ` (item ${itemIndex})`;
	return new NodeOperationError(this.getNode(), `${message}${suffix}`, { itemIndex, description });
}
