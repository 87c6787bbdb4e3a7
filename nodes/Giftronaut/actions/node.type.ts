import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { updateDisplayOptions } from '../shared/displayOptions';

/** What every `<operation>.operation.ts` exports. */
export interface Operation {
	/** Its entry in the resource's Operation dropdown; the value is its key in the operation map. */
	option: Omit<INodePropertyOptions, 'value'> & { action: string };
	/** Its properties, wrapped once with `updateDisplayOptions` (shared/displayOptions.ts). */
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/** A resource's operations, keyed by operation name (the value users store in workflows). */
export type OperationMap = Record<string, Operation>;

/**
 * The Operation dropdown and every operation's properties, in the order of the operation map
 * (keep it alphabetical by option name, as n8n lists options). The default is named, not taken
 * from the map's first entry, so adding an operation never changes what a new node starts with.
 */
export function resourceDescription<Operations extends OperationMap>(
	resource: string,
	operations: Operations,
	defaultOperation: keyof Operations & string,
): INodeProperties[] {
	const options = Object.entries(operations).map(([value, operation]) => ({
		...operation.option,
		value,
	}));
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options,
		default: defaultOperation,
	};
	return [
		...updateDisplayOptions({ show: { resource: [resource] } }, [selector]),
		...Object.values(operations).flatMap((operation) => operation.description),
	];
}
