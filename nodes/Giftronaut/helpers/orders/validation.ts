import type { Product } from '../../shared/types';

const EMAIL =
	/^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const MAX_EMAIL_LENGTH = 254;
const DECIMAL = /^\d+(?:\.\d+)?$/;
export const MAX_TEXT_LENGTH = 100;

export function isEmail(value: string): boolean {
	return value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);
}

/** "10, 25, 50 or 100" */
export function joinChoices(values: Array<number | string>): string {
	if (values.length <= 1) return values.join('');
	return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

export type AmountReading = { amount: number } | { problem: string };

/** A positive number with at most 2 decimals; strings such as "25" or "12.50" are accepted. */
export function readAmount(raw: unknown): AmountReading {
	let amount: number;
	if (typeof raw === 'number') {
		amount = raw;
	} else if (typeof raw === 'string' && DECIMAL.test(raw.trim())) {
		amount = Number(raw.trim());
	} else if (raw === undefined || raw === null || raw === '') {
		return { problem: 'is required' };
	} else {
		return {
			problem: `${JSON.stringify(raw)} is not a number: write it like 25 or 12.50, without a currency sign or thousands separator`,
		};
	}
	if (!Number.isFinite(amount)) return { problem: `${String(raw)} is not a number` };
	if (amount <= 0) return { problem: `${amount} must be greater than 0` };
	if (Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6) {
		return { problem: `${amount} has more than 2 decimal places` };
	}
	return { amount: Math.round(amount * 100) / 100 };
}

/** Why the product does not accept the amount, or undefined when it does. */
export function amountProblem(product: Product, amount: number): string | undefined {
	const name = `${product.brandName} (${product.productId})`;
	if (product.faceValueType === 'FIXED' && Array.isArray(product.denominations)) {
		if (product.denominations.some((value) => Math.abs(value - amount) < 1e-9)) return undefined;
		return `${amount} is not a denomination of ${name}: choose ${joinChoices(product.denominations)}`;
	}
	const min = Number(product.minAmount);
	const max = Number(product.maxAmount);
	if (Number.isFinite(min) && amount < min) {
		return `${amount} is below the minimum of ${name}: choose ${min} to ${max} ${product.currencyCode}`;
	}
	if (Number.isFinite(max) && amount > max) {
		return `${amount} is above the maximum of ${name}: choose ${min} to ${max} ${product.currencyCode}`;
	}
	return undefined;
}
