import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../helpers/perItem';
import { readRequiredText } from '../../helpers/parameters';
import { templateDropdown } from '../../shared/email.description';

/** Fields of a template the API accepts; PUT needs all required ones (docs/api-contract.md#templates). */
export const TEMPLATE_FIELDS = [
	'name',
	'senderName',
	'message',
	'imageAlignment',
	'imageSize',
	'borderColor',
	'buttonColor',
	'buttonFontColor',
] as const;

const COLOR_FIELDS: Record<string, string> = {
	borderColor: 'Border Color',
	buttonColor: 'Button Color',
	buttonFontColor: 'Button Font Color',
};

const HEX_COLOR = /^#[0-9A-Fa-f]{6}$/;
const MAX_NAME_LENGTH = 100;

export const templateIdProperty: INodeProperties = {
	...templateDropdown,
	required: true,
	description: `The e-mail template. ${templateDropdown.description}.`,
};

export const nameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	description: 'Internal name of the template, at most 100 characters',
};

export const senderNameProperty: INodeProperties = {
	displayName: 'Sender Name',
	name: 'senderName',
	type: 'string',
	required: true,
	default: '',
	description: 'Sender name shown on e-mails that use this template',
};

const color = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'color',
	default: '',
	placeholder: '#303033',
	description: `${description}, as a hex colour #RRGGBB`,
});

/** Optional fields, for Additional Fields (create) and Update Fields (with Name and Sender Name). */
export function templateFieldOptions(withRequired: boolean): INodeProperties[] {
	return [
		color('Border Color', 'borderColor', 'Colour of the border'),
		color('Button Color', 'buttonColor', 'Background colour of the redeem button'),
		color('Button Font Color', 'buttonFontColor', 'Text colour of the redeem button'),
		{
			displayName: 'Image Alignment',
			name: 'imageAlignment',
			type: 'options',
			options: [
				{ name: 'Center', value: 'center' },
				{ name: 'Left', value: 'left' },
				{ name: 'Right', value: 'right' },
			],
			default: 'center',
			description: 'Alignment of the banner image',
		},
		{
			displayName: 'Image Size',
			name: 'imageSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 100 },
			default: 40,
			description: 'Height of the banner image, as a percentage from 1 to 100',
		},
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Default gift message of e-mails that use this template',
		},
		...(withRequired
			? [
					{ ...nameProperty, required: false },
					{ ...senderNameProperty, required: false },
				]
			: []),
	];
}

/**
 * Checks the fields before anything is sent: colours `#RRGGBB`, image size 1–100, name length;
 * empty text fields are left out. Errors name the field and the item.
 */
export function checkTemplateFields(
	this: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): IDataObject {
	const checked: IDataObject = {};
	for (const [field, value] of Object.entries(fields)) {
		if (value === '') continue;
		const label = COLOR_FIELDS[field];
		if (label && !HEX_COLOR.test(String(value))) {
			throw inputError.call(
				this,
				itemIndex,
				`${label} "${String(value)}" is not a hex colour #RRGGBB`,
				`Enter ${label} as # and six hex digits, e.g. #303033, or remove the field.`,
			);
		}
		checked[field] = value;
	}
	const size = checked.imageSize;
	if (
		size !== undefined &&
		(!Number.isInteger(size) || (size as number) < 1 || (size as number) > 100)
	) {
		throw inputError.call(
			this,
			itemIndex,
			`Image Size ${String(size)} is not a whole number from 1 to 100`,
			'Image Size is the banner height as a percentage, e.g. 40.',
		);
	}
	if (typeof checked.name === 'string' && checked.name.length > MAX_NAME_LENGTH) {
		throw inputError.call(
			this,
			itemIndex,
			`Name is ${checked.name.length} characters long; at most ${MAX_NAME_LENGTH} are allowed`,
			'Shorten the template name.',
		);
	}
	return checked;
}

export function readTemplateId(this: IExecuteFunctions, itemIndex: number): string {
	return readRequiredText.call(
		this,
		'templateId',
		'Template',
		itemIndex,
		'Choose a template from the list, or map its ID from a previous node.',
	);
}
