import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeOrders, type OrderKind } from '../../../helpers/orders/pipeline';
import { checkRunDraft, loadCampaigns, readRunDraft, type Campaigns } from './read';
import { campaignShape } from './shape';

export { description } from './description';

export const option = {
	name: 'Run',
	description:
		"Send gift cards with a saved campaign: each recipient gets the campaign's card at its USD amount, charged to the prepaid Giftronaut balance (real money in Production). Identical calls are not sent twice: a repeat within 24 hours returns the first order. Spending limits in the credential are enforced before sending; Options → Validate Only checks without ordering.",
	action: 'Run a campaign',
};

/** Campaign → Run: the campaign gives product and amount, the items give the recipients. */
const campaignRuns: OrderKind<Campaigns> = {
	shape: campaignShape,
	read: readRunDraft,
	load: loadCampaigns,
	check: checkRunDraft,
};

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await executeOrders.call(this, items, campaignRuns);
}
