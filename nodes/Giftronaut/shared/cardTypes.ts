/**
 * Giftronaut's two kinds of gift card under one name each. `CardType` ('branded' | 'choice') is
 * the node's own value: Order → Create's Card Type stores it in workflows, and it keys the catalog
 * and order paths. The API's order list and the filters say `BRANDED_CARD` / `CHOICE_CARD`; the
 * catalog has one list operation per kind. None of these stored values may change.
 */
export type CardType = 'branded' | 'choice';

export const CARD_TYPES = {
	branded: {
		label: 'Branded Card',
		apiValue: 'BRANDED_CARD',
		plural: 'branded cards',
		description: 'A gift card of one brand, e.g. Amazon or Starbucks',
	},
	choice: {
		label: 'Choice Card',
		apiValue: 'CHOICE_CARD',
		plural: 'choice cards',
		description: 'The recipient picks the brand when redeeming',
	},
} as const satisfies Record<
	CardType,
	{ label: string; apiValue: string; plural: string; description: string }
>;

export function isCardType(value: unknown): value is CardType {
	return value === 'branded' || value === 'choice';
}

/** The other catalog: where a product of the wrong card type is looked for, to say so. */
export function otherCardType(cardType: CardType): CardType {
	return cardType === 'branded' ? 'choice' : 'branded';
}
