import { expectScopeError, runWithoutScope, useResourceHarness } from '../resources-fixtures';

const harness = useResourceHarness();
const del = { resource: 'recipient', operation: 'delete' };

describe('Recipient → Delete', () => {
	test('removes the recipient and outputs its ID with deleted: true', async () => {
		const h = harness();
		const ada = h.sandbox.createRecipient({ email: 'ada@example.com' });

		const r = await h.run({ parameters: { ...del, recipientId: ada.recipientId } });

		expect(r.json).toEqual([{ recipientId: ada.recipientId, deleted: true }]);
		expect(r.items[0].pairedItem).toEqual({ item: 0 });
		expect(h.sandbox.recipients()).toHaveLength(0);
	});

	test('a recipient with a scheduled order not sent yet: RECIPIENT_HAS_PENDING_ORDER, kept; Continue On Fail', async () => {
		const h = harness();
		const ada = h.sandbox.createRecipient({ email: 'ada@example.com' });
		const bob = h.sandbox.createRecipient({ email: 'bob@example.com' });
		const nextYear = new Date().getUTCFullYear() + 1;
		h.sandbox.createOrder({
			productId: 'GC-AMAZON-USD',
			recipients: [{ email: 'ada@example.com', amount: 25 }],
			sendTiming: {
				type: 'SCHEDULED',
				scheduledAt: `${nextYear}-06-01T09:00:00`,
				timezone: 'America/New_York',
			},
		});

		const r = await h.run({
			parameters: { ...del, recipientId: '={{ $json.id }}' },
			input: [{ id: ada.recipientId }, { id: bob.recipientId }],
			settings: { onError: 'continueRegularOutput' },
		});

		expect(r.json[0].error).toMatch(/HTTP 409 RECIPIENT_HAS_PENDING_ORDER/);
		expect(r.json[0].description).toMatch(/scheduled order that has not been sent yet/);
		expect(r.json[1]).toEqual({ recipientId: bob.recipientId, deleted: true });
		expect(r.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(h.sandbox.recipients().map((x) => x.email)).toEqual(['ada@example.com']);
	});

	test('without recipients.write: 403 naming the scope', async () => {
		const result = await runWithoutScope(
			harness(),
			{ ...del, recipientId: 'RC-AAAAAAAA' },
			'recipients.write',
		);
		expectScopeError(result, 'recipients.write');
	});
});
