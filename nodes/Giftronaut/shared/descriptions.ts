import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CARD_TYPES } from './cardTypes';

/** A Filters collection: the filters a list offers, each added by the user. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}

/** An Options collection: settings a node or operation offers, each added by the user. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options,
	};
}

/** Additional Fields: the optional fields of a Create, each added by the user. */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** Update Fields: the fields an Update changes, each added by the user; the others keep their value. */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** Filters of Order → Get Many and of the polling trigger: the API's own values. */
export const cardTypeFilter: INodeProperties = {
	displayName: 'Card Type',
	name: 'cardType',
	type: 'options',
	options: [
		{ name: CARD_TYPES.branded.label, value: CARD_TYPES.branded.apiValue },
		{ name: CARD_TYPES.choice.label, value: CARD_TYPES.choice.apiValue },
	],
	default: 'BRANDED_CARD',
	description: 'Only orders of this card type',
};

export const orderTypeFilter: INodeProperties = {
	displayName: 'Order Type',
	name: 'orderType',
	type: 'options',
	options: [
		{ name: 'Campaign', value: 'CAMPAIGN' },
		{ name: 'Link', value: 'LINK' },
		{ name: 'One Time', value: 'ONE_TIME' },
		{ name: 'Reward', value: 'REWARD' },
		{ name: 'Smart', value: 'SMART' },
	],
	default: 'ONE_TIME',
	description: 'Only orders of this type',
};

/** The values of a filter's options, e.g. ['BRANDED_CARD', 'CHOICE_CARD']. */
export function valuesOf(filter: INodeProperties): string[] {
	return (filter.options ?? []).map((option) => String((option as { value: unknown }).value));
}

/** What the polling and the webhook trigger have in common (n8n's lint wants each node's icon written in it). */
export const triggerNodeBase = {
	group: ['trigger'],
	version: 1,
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'giftronautApi', required: true }],
} satisfies Partial<INodeTypeDescription>;

/** The triggers' Options → Include Full Order; `description` says what the order is added to. */
export function includeFullOrderOption(description: string): INodeProperties {
	return {
		displayName: 'Include Full Order',
		name: 'includeFullOrder',
		type: 'boolean',
		default: false,
		description,
	};
}
