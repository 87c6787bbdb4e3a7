import type { IDataObject } from 'n8n-workflow';

export type CardType = 'branded' | 'choice';

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

export const CATALOG_PATHS: Record<CardType, string> = {
	branded: '/api/v1/catalog/branded-cards',
	choice: '/api/v1/catalog/choice-cards',
};

export const ORDER_PATHS: Record<CardType, string> = {
	branded: '/api/v1/orders/branded-cards',
	choice: '/api/v1/orders/choice-cards',
};
