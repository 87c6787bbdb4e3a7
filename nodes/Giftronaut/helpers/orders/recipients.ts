import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Product } from '../../shared/types';
import { amountProblem, isEmail, MAX_TEXT_LENGTH, readAmount } from './validation';

export interface Recipient extends IDataObject {
	email: string;
	firstName?: string;
	lastName?: string;
	company?: string;
	department?: string;
	amount: number;
}

/** One recipient as the user entered it, before any check; `label` names it in messages. */
export interface RecipientInput {
	label: string;
	values: IDataObject;
}

const TEXT_FIELDS: Array<[keyof Recipient & string, string]> = [
	['firstName', 'First Name'],
	['lastName', 'Last Name'],
	['company', 'Company'],
	['department', 'Department'],
];

/** The recipients of one item as entered; `withAmount` false where the amount is not the item's. */
export function readRecipientInputs(
	this: IExecuteFunctions,
	itemIndex: number,
	withAmount = true,
): RecipientInput[] {
	const source = this.getNodeParameter('recipientSource', itemIndex, 'fields') as string;
	if (source === 'list') {
		const list = this.getNodeParameter('recipients', itemIndex, {}) as {
			recipient?: IDataObject[];
		};
		const entries = list.recipient ?? [];
		return entries.map((values, index) => ({
			label: `Recipient ${index + 1} of ${entries.length}: `,
			values,
		}));
	}
	const extra = this.getNodeParameter('additionalRecipientFields', itemIndex, {}) as IDataObject;
	return [
		{
			label: '',
			values: {
				email: this.getNodeParameter('email', itemIndex, ''),
				firstName: this.getNodeParameter('firstName', itemIndex, ''),
				lastName: this.getNodeParameter('lastName', itemIndex, ''),
				company: extra.company,
				department: extra.department,
				amount: withAmount
					? this.getNodeParameter('amount', itemIndex, '', { extractValue: true })
					: undefined,
			},
		},
	];
}

function readText(value: unknown): { text?: string; problem?: string } {
	if (value === undefined || value === null) return {};
	if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
	if (typeof value !== 'string') return { problem: `must be text, got ${typeof value}` };
	const text = value.trim();
	if (text.length > MAX_TEXT_LENGTH) {
		return {
			problem: `is ${text.length} characters long; Giftronaut accepts at most ${MAX_TEXT_LENGTH}`,
		};
	}
	return text ? { text } : {};
}

export type RecipientCheck = { recipient: Recipient } | { problem: string };

/** Checks who the recipient is (email, names, company, department), not the amount. */
export function checkPerson(input: RecipientInput): RecipientCheck {
	const { label, values } = input;
	if (values.email !== undefined && values.email !== null && typeof values.email !== 'string') {
		return { problem: `${label}Email must be text, got ${typeof values.email}` };
	}
	const email = (values.email ?? '').trim();
	if (!email) {
		const hint = label ? '' : ': map it from the input item, e.g. {{ $json.email }}';
		return { problem: `${label}Email is required${hint}` };
	}
	if (!isEmail(email)) return { problem: `${label}Email "${email}" is not a valid email address` };
	const recipient: Recipient = { email, amount: 0 };
	for (const [field, displayName] of TEXT_FIELDS) {
		const { text, problem } = readText(values[field]);
		if (problem) return { problem: `${label}${displayName} ${problem}` };
		if (text !== undefined) recipient[field] = text;
	}
	return { recipient };
}

/** Checks one recipient against the product; a problem names the field, e.g. "Email …". */
export function checkRecipient(input: RecipientInput, product: Product): RecipientCheck {
	const person = checkPerson(input);
	if ('problem' in person) return person;
	const { label, values } = input;
	const { recipient } = person;
	const reading = readAmount(values.amount);
	if ('problem' in reading) return { problem: `${label}Amount ${reading.problem}` };
	const outOfRange = amountProblem(product, reading.amount);
	if (outOfRange) return { problem: `${label}Amount ${outOfRange}` };
	recipient.amount = reading.amount;
	return { recipient };
}
