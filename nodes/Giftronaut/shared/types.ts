import type { IDataObject } from 'n8n-workflow';

export type { CardType } from './cardTypes';

export interface Money {
	amount: number;
	currency: string;
}

export interface Product extends IDataObject {
	productId: string;
	brandName: string;
	currencyCode: string;
	faceValueType: 'FIXED' | 'RANGE' | string;
	denominations?: number[];
	minAmount?: number;
	maxAmount?: number;
}

export interface OrderSummary extends IDataObject {
	orderId: string;
	status: 'PENDING' | 'IN_PROGRESS' | 'COMPLETE' | 'CANCELED' | string;
	cardType?: string;
	orderType?: string;
	cardName?: string;
	createdAt?: string;
}
