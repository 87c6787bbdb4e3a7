import type { INodeProperties } from 'n8n-workflow';

/**
 * Shown only on the node's AI-agent tool variant. n8n's "Set Automatically" tool description is
 * the action's name and "in Giftronaut", so the model would not learn that a call spends money or
 * that a repeat is not sent again; the notice gives the user a description to paste.
 */
export function toolDescriptionNotice(suggestion: string): INodeProperties {
	return {
		displayName: `As an AI agent tool: n8n's automatic Tool Description is only this action's name. Choose Set Manually and tell the model what a call does and costs, e.g. "${suggestion}" With Validate Only on, say that it only checks and sends nothing.`,
		name: 'toolDescriptionNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { '@tool': [true] } },
	};
}

export const SPENDS_AND_REPEATS =
	'Spending limits set in the credential are enforced; a refusal names the limit. Calling it again with the same values within 24 hours returns the first order instead of sending again.';
