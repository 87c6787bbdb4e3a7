import { deleteById } from '../byId';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { readTemplateId, templateIdProperty } from './template';

export const option = {
	name: 'Delete',
	description:
		'Delete an e-mail template; refused for the default template and for one a campaign still uses Sends no gift card: costs nothing.',
	action: 'Delete a template',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['delete'] } },
	[templateIdProperty],
);

export const execute = deleteById(API_PATHS.templates, 'templateId', readTemplateId);
