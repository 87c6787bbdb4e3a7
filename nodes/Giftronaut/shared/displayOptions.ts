import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Shows every property only where `displayOptions` says, keeping a property's own conditions.
 * (n8n-nodes-base has the same helper; community packages cannot import it.)
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...displayOptions.show, ...property.displayOptions?.show },
			...(displayOptions.hide || property.displayOptions?.hide
				? { hide: { ...displayOptions.hide, ...property.displayOptions?.hide } }
				: {}),
		},
	}));
}
