import { getById } from '../byId';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import { readTemplateId, templateIdProperty } from './template';

export const option = {
	name: 'Get',
	description:
		'Get one e-mail template with its colours, banner settings and default message. Read-only: costs nothing.',
	action: 'Get a template',
};

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['get'] } },
	[templateIdProperty],
);

export const execute = getById(API_PATHS.templates, readTemplateId);
