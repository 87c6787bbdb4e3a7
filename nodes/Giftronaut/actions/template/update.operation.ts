import type { INodeProperties } from 'n8n-workflow';

import { updateById } from '../byId';
import { updateFieldsCollection } from '../../shared/descriptions';
import { updateDisplayOptions } from '../../shared/displayOptions';
import { API_PATHS } from '../../shared/paths';
import {
	checkTemplateFields,
	readTemplateId,
	TEMPLATE_FIELDS,
	templateFieldOptions,
	templateIdProperty,
} from './template';

export const option = {
	name: 'Update',
	description:
		'Change fields of an e-mail template; fields not given keep their value Sends no gift card: costs nothing.',
	action: 'Update a template',
};

const properties: INodeProperties[] = [
	templateIdProperty,
	updateFieldsCollection(templateFieldOptions(true)),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['template'], operation: ['update'] } },
	properties,
);

export const execute = updateById(
	API_PATHS.templates,
	readTemplateId,
	'template',
	TEMPLATE_FIELDS,
	checkTemplateFields,
);
