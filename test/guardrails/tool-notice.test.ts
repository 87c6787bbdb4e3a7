// Issue 13: n8n's automatic tool description is only "<action> in Giftronaut", so the tool variant of
// each operation that spends says so and offers a description to paste; the plain node shows nothing.
import { NodeHelpers, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { Giftronaut } from '../../nodes/Giftronaut/Giftronaut.node';

const description = new Giftronaut().description;
const asTool = { ...description, name: `${description.name}Tool` } as INodeTypeDescription;
const notices = description.properties.filter((p) => p.name === 'toolDescriptionNotice');
const shownFor = (
	notice: INodeProperties,
	type: INodeTypeDescription,
	resource: string,
	operation: string,
) => NodeHelpers.displayParameter({ resource, operation }, notice, null, type);

test.each([
	['order', 'create'],
	['campaign', 'run'],
])(
	'%s → %s: the notice shows on the tool node only, with a description that names cost and repeats',
	(resource, operation) => {
		const mine = notices.filter((n) => shownFor(n, asTool, resource, operation));
		expect(mine).toHaveLength(1);
		expect(mine[0].displayName).toMatch(/charges .* prepaid Giftronaut balance/);
		expect(mine[0].displayName).toContain('within 24 hours returns the first order');
		expect(notices.filter((n) => shownFor(n, description, resource, operation))).toHaveLength(0);
	},
);

test('no other operation shows it, tool or not', () => {
	for (const [resource, operation] of [
		['order', 'get'],
		['balance', 'get'],
		['recipient', 'create'],
	])
		expect(notices.filter((n) => shownFor(n, asTool, resource, operation))).toHaveLength(0);
});
