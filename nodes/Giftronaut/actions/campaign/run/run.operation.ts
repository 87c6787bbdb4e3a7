import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeOrders, type OrderKind } from '../../../helpers/orders/pipeline';
import { checkRunDraft, loadCampaigns, readRunDraft, type Campaigns } from './read';
import { campaignShape } from './shape';

export { description } from './description';

export const option = {
	name: 'Run',
	description:
		"Send a campaign's gift card to the input items' recipients; identical runs are not sent twice",
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
