import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Values an expression can read that differ between two attempts of the same event: a Retry On
 * Fail try, n8n's "retry execution", a re-run. Found in the raw (unevaluated) parameters.
 */
const VOLATILE: Array<[RegExp, string]> = [
	[/\$now\b/, '$now'],
	[/\$today\b/, '$today'],
	[/\$execution\w*/, '$execution'],
	[/\brunIndex\b/, '$runIndex'],
	[/\$mode\b/, '$mode'],
	[/\bDateTime\s*\.\s*(?:now|local|utc)\s*\(\s*\)/, 'DateTime.now()'],
	[/\bDate\s*\.\s*now\b|\bnew\s+Date\s*\(\s*\)|(?<![\w.$])Date\s*\(\s*\)/, 'Date'],
	[/\bMath\s*\.\s*random\b/, 'Math.random'],
	[/\$random\w*/, '$randomString'],
	[/\.randomItem\s*\(/, 'randomItem()'],
	[/\brandomUUID\b|\$uuid\b/, 'randomUUID'],
];

const TOP_LEVEL: Record<string, string> = {
	campaignId: 'Campaign',
	cardType: 'Card Type',
	product: 'Product',
	email: 'Email',
	firstName: 'First Name',
	lastName: 'Last Name',
	amount: 'Amount',
	refundOption: 'Expiry and Refund',
	sendTiming: 'Send Timing',
	scheduledAt: 'Scheduled At',
	timezone: 'Timezone',
};
const ADDITIONAL: Record<string, string> = { company: 'Company', department: 'Department' };
const LIST_FIELDS: Record<string, string> = {
	email: 'Email',
	firstName: 'First Name',
	lastName: 'Last Name',
	amount: 'Amount',
	company: 'Company',
	department: 'Department',
};
const EMAIL_SETTINGS: Record<string, string> = {
	message: 'Message',
	senderName: 'Sender Name',
	subject: 'Subject',
	templateId: 'Template',
};
/** Options that shape the orders or their keys (the others only steer the run). */
const KEY_OPTIONS: Record<string, string> = {
	deduplicationKey: 'Deduplication Key',
	batchSize: 'Batch Size',
	combineItems: 'Combine Items Into One Order',
};

/** The volatile names an expression value reads, looking only inside its {{ … }} parts. */
function volatileNames(value: unknown): string[] {
	if (value && typeof value === 'object' && '__rl' in value) {
		return volatileNames((value as IDataObject).value);
	}
	if (typeof value !== 'string' || !value.startsWith('=')) return [];
	const code = [...value.matchAll(/\{\{([\s\S]*?)\}\}/g)].map((match) => match[1]).join('\n');
	return VOLATILE.filter(([pattern]) => pattern.test(code)).map(([, name]) => name);
}

interface Finding {
	field: string;
	names: string[];
}

function scan(fields: Array<[string, unknown]>): Finding[] {
	const findings: Finding[] = [];
	for (const [field, value] of fields) {
		const names = volatileNames(value);
		if (names.length) findings.push({ field, names });
	}
	return findings;
}

function entries(
	value: unknown,
	labels: Record<string, string>,
	prefix: string,
): Array<[string, unknown]> {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
	return Object.entries(labels).map(([name, label]) => [
		`${prefix}${label}`,
		(value as IDataObject)[name],
	]);
}

/** Every parameter whose value reaches the order body or its key, with the name the user sees. */
function bodyFields(parameters: IDataObject): Array<[string, unknown]> {
	const fields: Array<[string, unknown]> = [];
	const fromList = parameters.recipientSource === 'list';
	const immediate = (parameters.sendTiming ?? 'immediate') === 'immediate';
	for (const [name, label] of Object.entries(TOP_LEVEL)) {
		if (fromList && ['email', 'firstName', 'lastName', 'amount'].includes(name)) continue;
		if (immediate && (name === 'scheduledAt' || name === 'timezone')) continue;
		fields.push([label, parameters[name]]);
	}
	if (fromList) {
		const list = (parameters.recipients as IDataObject | undefined)?.recipient;
		(Array.isArray(list) ? list : []).forEach((entry, index) => {
			fields.push(
				...entries(entry as IDataObject, LIST_FIELDS, `Recipients → Recipient ${index + 1} → `),
			);
		});
	} else {
		fields.push(
			...entries(
				parameters.additionalRecipientFields as IDataObject,
				ADDITIONAL,
				'Additional Recipient Fields → ',
			),
		);
	}
	fields.push(
		...entries(parameters.emailSettings as IDataObject, EMAIL_SETTINGS, 'Email Settings → '),
	);
	fields.push(...entries(parameters.options as IDataObject, KEY_OPTIONS, 'Options → '));
	return fields;
}

function describe(findings: Finding[]): string {
	return findings.map(({ field, names }) => `${field} reads ${names.join(', ')}`).join('; ');
}

/**
 * Refuses, before anything is sent, parameters whose value would differ on a retry. With the
 * user's own Idempotency Key only that key is checked: the user decided what one order is.
 */
export function refuseVolatileFields(this: IExecuteFunctions): NodeOperationError | undefined {
	const parameters = this.getNode().parameters as IDataObject;
	const options = (parameters.options ?? {}) as IDataObject;
	const ownKey = options.idempotencyKey;
	if (ownKey !== undefined && ownKey !== '') {
		const inKey = scan([['Options → Idempotency Key', ownKey]]);
		if (!inKey.length) return undefined;
		return new NodeOperationError(
			this.getNode(),
			`${describe(inKey)}, which is different on every attempt: a retry would get a new key and send a second order`,
			{
				description:
					'Map an ID of the event instead, e.g. deal-{{ $json.dealId }}, or compute the value in an earlier node (e.g. Edit Fields) so it is stored with the item.',
			},
		);
	}
	const findings = scan(bodyFields(parameters));
	if (!findings.length) return undefined;
	return new NodeOperationError(
		this.getNode(),
		`${describe(findings)}, which is different on every attempt, so a retry would not be the same order. Nothing was sent`,
		{
			description:
				'Fix it one of three ways: compute the value in an earlier node (e.g. Edit Fields), so it is stored with the item and a retry sees the same value; or take the expression out of the field; or set Options → Idempotency Key to an ID of this event (e.g. deal-{{ $json.dealId }}), which then alone decides what counts as one order.',
		},
	);
}
