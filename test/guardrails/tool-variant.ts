import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { Giftronaut } from '../../nodes/Giftronaut/Giftronaut.node';

export const GIFTRONAUT_TOOL_TYPE = 'n8n-nodes-giftronaut.giftronautTool';

/**
 * The node as n8n offers it to an AI Agent: n8n's loader copies every `usableAsTool` node under its
 * name + "Tool" and adds a Description field (n8n-workflow's convertNodeToAiTool). The agent's call
 * reaches execute() as one input item holding the tool arguments, which `$fromAI('key')` reads
 * (workflow-data-proxy's handleFromAi). Unlike n8n, the copy keeps its main output, so the harness's
 * ordinary workflow run can feed it that item and read what the agent would get back.
 */
export function giftronautTool(): INodeType {
	const node = new Giftronaut();
	const description: INodeTypeDescription = {
		...node.description,
		name: `${node.description.name}Tool`,
		displayName: `${node.description.displayName} Tool`,
		properties: [
			{
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				default: node.description.description,
			},
			...node.description.properties,
		],
	};
	return Object.assign(Object.create(Object.getPrototypeOf(node) as object) as INodeType, node, {
		description,
	});
}

/** Order → Create with every value the agent chooses filled by `$fromAI`, as n8n's "let the model decide" writes it. */
export function toolParameters(extra: Record<string, unknown> = {}) {
	return {
		resource: 'order',
		operation: 'create',
		cardType: "={{ $fromAI('cardType', 'branded or choice', 'string') }}",
		product: {
			__rl: true,
			mode: 'id',
			value: "={{ $fromAI('productId', 'Giftronaut product id, e.g. GC-AMAZON-USD', 'string') }}",
		},
		recipientSource: 'fields',
		email: "={{ $fromAI('email', 'Recipient e-mail', 'string') }}",
		firstName: "={{ $fromAI('firstName', 'Recipient first name', 'string') }}",
		lastName: "={{ $fromAI('lastName', 'Recipient last name', 'string') }}",
		amount: {
			__rl: true,
			mode: 'value',
			value: "={{ $fromAI('amount', 'Card value in the product currency', 'number') }}",
		},
		...extra,
	};
}
