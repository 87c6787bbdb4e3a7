import type { INode } from 'n8n-workflow';

import { MANUAL_TRIGGER_TYPE, SOURCE_TYPE, type Harness } from '../../harness';
import { readRepoFile } from '../../repo/files';
import { campaignHarness, campaignRecipients, withWelcomeCampaign } from './campaign-fixtures';

// examples/new-contact-welcome-campaign.json in the engine: the CRM webhook replaced by the items
// it would deliver, the two Giftronaut nodes as the example has them.

const example = JSON.parse(readRepoFile('examples/new-contact-welcome-campaign.json')) as {
	nodes: INode[];
};
const WEBHOOK = 'New contact (CRM webhook)';

let h: Harness;
beforeAll(async () => (h = await campaignHarness('recipients.read recipients.write')));
afterAll(async () => await h.close());
beforeEach(() => withWelcomeCampaign(h, 'CA-WELCOME1'));

function runExample(contacts: object[]) {
	const giftronautNodes = example.nodes
		.filter((node) => node.type === 'n8n-nodes-giftronaut.giftronaut')
		.map((node) => ({
			...node,
			credentials: { giftronautApi: { id: 'giftronaut-1', name: 'Sandbox' } },
		}));
	const [upsert, run] = giftronautNodes;
	const items = contacts.map((body) => ({ json: { body } }));
	return h.runWorkflow({
		nodes: [
			{
				id: 'trigger',
				name: 'Start',
				type: MANUAL_TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'hook',
				name: WEBHOOK,
				type: SOURCE_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: { items: JSON.stringify(items), wrapped: true },
			},
			...giftronautNodes,
		],
		connections: {
			Start: { main: [[{ node: WEBHOOK, type: 'main', index: 0 }]] },
			[WEBHOOK]: { main: [[{ node: upsert.name, type: 'main', index: 0 }]] },
			[upsert.name]: { main: [[{ node: run.name, type: 'main', index: 0 }]] },
		},
		startNode: 'Start',
		workflowId: 'wf-example-welcome',
	});
}

const ada = {
	contactId: 'C-42',
	email: 'ada@example.com',
	firstName: 'Ada',
	lastName: 'Lovelace',
	company: 'Acme',
};

test('a new contact is added to the address book and gets the welcome campaign once; a redelivery sends nothing', async () => {
	const first = await runExample([ada]);
	expect(first.errorOf('Add to address book')).toBeUndefined();
	expect(first.errorOf('Run welcome campaign')).toBeUndefined();
	const [order] = first.outputOf('Run welcome campaign').map((item) => item.json);
	expect(order).toMatchObject({
		campaignId: 'CA-WELCOME1',
		orderType: 'CAMPAIGN',
		replayed: false,
	});
	expect(campaignRecipients(h.sandbox)).toEqual(['ada@example.com']);
	expect(h.sandbox.orders()[0].recipients[0]).toMatchObject({
		firstName: 'Ada',
		lastName: 'Lovelace',
		amount: 25,
	});

	// The CRM delivers the same event again (a retry): one gift, the run replays it.
	const again = await runExample([ada]);
	expect(again.errorOf('Run welcome campaign')).toBeUndefined();
	expect(again.outputOf('Run welcome campaign')[0].json).toMatchObject({
		orderId: order.orderId,
		replayed: true,
	});
	expect(h.sandbox.orders()).toHaveLength(1);

	// The same contact with a changed name within 24 hours: the address book is updated, the gift
	// is not sent again; Giftronaut's 409 is explained (the name is not part of the key).
	const renamed = await runExample([{ ...ada, firstName: 'Augusta Ada' }]);
	expect(renamed.outputOf('Add to address book')[0].json).toMatchObject({
		firstName: 'Augusta Ada',
	});
	expect(renamed.errorOf('Run welcome campaign')?.description).toContain(
		'a changed subject, sender, message, name or timing cannot change an order already placed',
	);
	expect(h.sandbox.orders()).toHaveLength(1);

	// Another contact gets its own gift.
	await runExample([{ ...ada, contactId: 'C-43', email: 'grace@example.com', firstName: 'Grace' }]);
	expect(campaignRecipients(h.sandbox)).toEqual(['ada@example.com', 'grace@example.com']);
});
