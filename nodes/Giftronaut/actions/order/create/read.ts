import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../helpers/perItem';
import { idempotencyKeyProblem } from './idempotency';
import { withItemFieldReads } from './itemFieldReader';
import { checkRecipient, readRecipientInputs, type Recipient } from './recipients';
import { isValidTimeZone, localToEpochMs, toLocalDateTime } from './schedule';
import { currentTimeZoneName } from '../../../helpers/timezones';
import { CARD_TYPES, isCardType, otherCardType, type CardType } from '../../../shared/cardTypes';
import type { Product } from '../../../shared/types';
import { description } from './description';
import {
	DEFAULT_BATCH_SIZE,
	DEFAULT_WAIT_TIMEOUT_SECONDS,
	MAX_RECIPIENTS_PER_ORDER,
} from './limits';
import type { OrderDraft, RunSettings, SendTiming, ValidItem } from './types';

export function readSettings(this: IExecuteFunctions): RunSettings {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const batchSize = Number(options.batchSize ?? DEFAULT_BATCH_SIZE);
	if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_RECIPIENTS_PER_ORDER) {
		throw inputError.call(
			this,
			undefined,
			`Batch Size ${String(options.batchSize)} must be a whole number from 1 to ${MAX_RECIPIENTS_PER_ORDER}`,
		);
	}
	// Saved before Wait for Completion became its own field, a workflow keeps both under Options.
	const waitForCompletion =
		this.getNodeParameter('waitForCompletion', 0, false) === true ||
		options.waitForCompletion === true;
	const rawWait =
		options.waitTimeout ?? this.getNodeParameter('waitTimeout', 0, DEFAULT_WAIT_TIMEOUT_SECONDS);
	const waitSeconds = Number(rawWait);
	if (!Number.isFinite(waitSeconds) || waitSeconds <= 0) {
		throw inputError.call(
			this,
			undefined,
			`Wait Timeout ${String(rawWait)} must be a positive number of seconds`,
		);
	}
	const timeoutMs = Number(options.timeout ?? 30000);
	if (!Number.isFinite(timeoutMs) || timeoutMs < 1000) {
		throw inputError.call(
			this,
			undefined,
			`Timeout ${String(options.timeout)} must be at least 1000 milliseconds`,
		);
	}
	const output = options.output ?? 'order';
	if (output !== 'order' && output !== 'recipients') {
		throw inputError.call(
			this,
			undefined,
			`Output "${String(output)}" must be "order" or "recipients"`,
		);
	}
	return {
		combineItems: options.combineItems === true,
		batchSize,
		waitForCompletion,
		waitTimeoutMs: waitSeconds * 1000,
		output,
		checkBalance: options.checkBalance === true || options.validateOnly === true,
		timeoutMs,
		validateOnly: options.validateOnly === true,
	};
}

function readSendTiming(this: IExecuteFunctions, itemIndex: number): SendTiming {
	const timing = this.getNodeParameter('sendTiming', itemIndex, 'immediate') as string;
	if (timing === 'immediate') return { type: 'IMMEDIATE' };
	if (timing !== 'scheduled') {
		throw inputError.call(
			this,
			itemIndex,
			`Send Timing "${timing}" must be "immediate" or "scheduled"`,
		);
	}
	const rawAt = this.getNodeParameter('scheduledAt', itemIndex, '') as unknown;
	// Empty (the default from node version 1.1 on): the workflow's time zone, as n8n's own nodes do.
	const chosenZone = String(this.getNodeParameter('timezone', itemIndex, '') ?? '').trim();
	const timezone = currentTimeZoneName(chosenZone || this.getTimezone());
	if (rawAt === '' || rawAt === undefined || rawAt === null) {
		throw inputError.call(
			this,
			itemIndex,
			'Scheduled At is required when Send Timing is Scheduled',
		);
	}
	const scheduledAt = toLocalDateTime(rawAt);
	if (!scheduledAt) {
		throw inputError.call(
			this,
			itemIndex,
			`Scheduled At ${JSON.stringify(String(rawAt))} is not a valid date and time: use e.g. 2026-03-01T09:00:00`,
		);
	}
	if (!isValidTimeZone(timezone)) {
		throw inputError.call(
			this,
			itemIndex,
			`Timezone ${JSON.stringify(timezone)} is not an IANA time zone: use e.g. America/New_York or Europe/Berlin`,
		);
	}
	if (localToEpochMs(scheduledAt, timezone) <= Date.now()) {
		throw inputError.call(
			this,
			itemIndex,
			`Scheduled At ${scheduledAt} in ${timezone} is in the past: choose a future time, or Send Timing Immediate`,
		);
	}
	return { type: 'SCHEDULED', scheduledAt, timezone };
}

function readEmailSetting(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const settings = this.getNodeParameter('emailSettings', itemIndex, {}) as IDataObject;
	const names: Record<string, string> = {
		senderName: 'Sender Name',
		subject: 'Subject',
		message: 'Message',
		templateId: 'Template',
	};
	const emailSetting: IDataObject = {};
	for (const [field, displayName] of Object.entries(names)) {
		const value = settings[field];
		if (value === undefined || value === null || value === '') continue;
		if (typeof value !== 'string' && typeof value !== 'number') {
			throw inputError.call(this, itemIndex, `Email Settings → ${displayName} must be text`);
		}
		const text = String(value).trim();
		if (text) emailSetting[field] = text;
	}
	return Object.keys(emailSetting).length ? emailSetting : undefined;
}

function readOptionalText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	return text === '' ? undefined : text;
}

/** Reads and shape-checks one item's parameters; throws a NodeOperationError naming field and item. */
export function readDraft(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RunSettings,
): OrderDraft {
	// Fields mapped as {{ $json.email }} are read from the item, not through n8n's expression engine.
	return readDraftParameters.call(withItemFieldReads(this, description), itemIndex, settings);
}

function readDraftParameters(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RunSettings,
): OrderDraft {
	const cardType: unknown = this.getNodeParameter('cardType', itemIndex, 'branded');
	if (!isCardType(cardType)) {
		throw inputError.call(
			this,
			itemIndex,
			`Card Type "${String(cardType)}" must be "branded" or "choice"`,
		);
	}
	const productId = String(
		this.getNodeParameter('product', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!productId) {
		throw inputError.call(
			this,
			itemIndex,
			'Product is required: choose one from the list, or enter its ID such as GC-AMAZON-USD',
		);
	}
	const recipientInputs = readRecipientInputs.call(this, itemIndex);
	if (recipientInputs.length === 0) {
		throw inputError.call(this, itemIndex, 'Recipients is empty: add at least one recipient');
	}
	const maxRecipients = settings.combineItems ? settings.batchSize : MAX_RECIPIENTS_PER_ORDER;
	if (recipientInputs.length > maxRecipients) {
		throw inputError.call(
			this,
			itemIndex,
			`Recipients has ${recipientInputs.length} entries; one item may have at most ${maxRecipients}` +
				(settings.combineItems ? ' (the Batch Size)' : ''),
		);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const idempotencyKey =
		options.idempotencyKey === undefined ? undefined : String(options.idempotencyKey ?? '').trim();
	if (idempotencyKey !== undefined) {
		const problem = idempotencyKeyProblem(idempotencyKey);
		if (problem) {
			throw inputError.call(
				this,
				itemIndex,
				`Idempotency Key ${problem}`,
				'Remove the option to use the automatic key, or map a value that identifies this gift, e.g. a deal ID.',
			);
		}
	}
	return {
		itemIndex,
		cardType,
		productId,
		recipientInputs,
		emailSetting: readEmailSetting.call(this, itemIndex),
		sendTiming: readSendTiming.call(this, itemIndex),
		refundOption: this.getNodeParameter('refundOption', itemIndex, false) === true,
		deduplicationKey: readOptionalText(options.deduplicationKey),
		idempotencyKey,
	};
}

/** Checks a draft against its catalog (already loaded); throws a NodeOperationError on a problem. */
export function checkDraft(
	this: IExecuteFunctions,
	draft: OrderDraft,
	catalogs: Record<CardType, Product[] | undefined>,
): ValidItem {
	const { itemIndex, cardType, productId } = draft;
	const product = catalogs[cardType]?.find((entry) => entry.productId === productId);
	if (!product) {
		const otherType = otherCardType(cardType);
		const inOther = catalogs[otherType]?.some((entry) => entry.productId === productId);
		const hint = inOther
			? `: it is a ${CARD_TYPES[otherType].label}, so set Card Type to ${CARD_TYPES[otherType].label}`
			: ': pick one from the list, or check the ID with Catalog → Get Many';
		throw inputError.call(
			this,
			itemIndex,
			`Product "${productId}" is not in the ${CARD_TYPES[cardType].label} catalog${hint}`,
		);
	}
	const recipients: Recipient[] = [];
	for (const input of draft.recipientInputs) {
		const check = checkRecipient(input, product);
		if ('problem' in check) throw inputError.call(this, itemIndex, check.problem);
		recipients.push(check.recipient);
	}
	return { draft, product, recipients };
}
