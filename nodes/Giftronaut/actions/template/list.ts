import type { IDataObject } from 'n8n-workflow';

import { API_PATHS } from '../../shared/paths';
import { MAX_PAGE_SIZE, walkPages, type GiftronautContext } from '../../transport';

export interface Template extends IDataObject {
	templateId: string;
	name?: string;
	isDefault?: boolean;
}

/**
 * E-mail templates, the account's default first: Template → Get Many and the template dropdowns.
 * The API lists the default first; the flag is honoured as well in case it does not.
 */
export async function listTemplates(
	this: GiftronautContext,
	options: { limit?: number; itemIndex?: number; maxPages?: number } = {},
): Promise<Template[]> {
	const walkTemplates = walkPages<Template>;
	const { items } = await walkTemplates.call(this, {
		path: API_PATHS.templates,
		idOf: (template) => String(template.templateId),
		limit: options.limit,
		pageSize: options.limit === undefined ? MAX_PAGE_SIZE : Math.min(options.limit, MAX_PAGE_SIZE),
		maxPages: options.maxPages,
		itemIndex: options.itemIndex,
	});
	return [
		...items.filter((template) => template.isDefault === true),
		...items.filter((template) => template.isDefault !== true),
	];
}
