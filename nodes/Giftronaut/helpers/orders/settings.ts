import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../perItem';
import { currentTimeZoneName } from '../timezones';
import { idempotencyKeyProblem } from './idempotency';
import {
	DEFAULT_BATCH_SIZE,
	DEFAULT_WAIT_TIMEOUT_SECONDS,
	MAX_RECIPIENTS_PER_ORDER,
} from './limits';
import { readRecipientInputs, type RecipientInput } from './recipients';
import { isValidTimeZone, localToEpochMs, toLocalDateTime } from './schedule';
import type { RunSettings, SendTiming } from './types';

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

export function readSendTiming(this: IExecuteFunctions, itemIndex: number): SendTiming {
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

/** Email Settings of one item, trimmed; only the fields the operation has are read. */
export function readEmailSetting(
	this: IExecuteFunctions,
	itemIndex: number,
): IDataObject | undefined {
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

/** Options → Deduplication Key and Idempotency Key of one item, the latter checked. */
export function readKeyOptions(
	this: IExecuteFunctions,
	itemIndex: number,
): { deduplicationKey?: string; idempotencyKey?: string } {
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
	return { deduplicationKey: readOptionalText(options.deduplicationKey), idempotencyKey };
}

/** One item's recipients as entered: at least one, at most an order's (or the Batch Size). */
export function readItemRecipients(
	this: IExecuteFunctions,
	itemIndex: number,
	settings: RunSettings,
	withAmount = true,
): RecipientInput[] {
	const recipientInputs = readRecipientInputs.call(this, itemIndex, withAmount);
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
	return recipientInputs;
}
