'use strict';

/**
 * Deterministic catalog (branded + choice cards) and email templates.
 * Generated once at load time from a fixed brand list and a seeded PRNG, so every
 * sandbox instance serves exactly the same products in the same order.
 */

const COUNTRIES = {
	USD: ['US'],
	EUR: ['DE', 'FR', 'ES', 'IT', 'NL', 'IE'],
	GBP: ['GB'],
	CAD: ['CA'],
};
const ALL = ['USD', 'EUR', 'GBP', 'CAD'];

// [brand name, currencies]
const BRANDS = [
	['Amazon', ALL],
	['Starbucks', ['USD', 'CAD', 'GBP']],
	['Apple', ALL],
	['Target', ['USD']],
	['Walmart', ['USD', 'CAD']],
	['Best Buy', ['USD', 'CAD']],
	['Home Depot', ['USD', 'CAD']],
	["Lowe's", ['USD']],
	['Sephora', ['USD', 'EUR', 'CAD']],
	['Nike', ALL],
	['Adidas', ['USD', 'EUR', 'GBP']],
	['IKEA', ALL],
	['Uber', ALL],
	['Uber Eats', ['USD', 'GBP', 'CAD']],
	['DoorDash', ['USD', 'CAD']],
	['Airbnb', ALL],
	['Netflix', ALL],
	['Spotify', ALL],
	['Google Play', ALL],
	['Xbox', ALL],
	['PlayStation', ALL],
	['Nintendo eShop', ['USD', 'EUR', 'GBP']],
	['Steam', ALL],
	['Hotels.com', ALL],
	["Macy's", ['USD']],
	['Nordstrom', ['USD', 'CAD']],
	['Gap', ['USD', 'CAD']],
	['Old Navy', ['USD']],
	['H&M', ALL],
	['Zara', ['EUR', 'GBP', 'USD']],
	['Marks & Spencer', ['GBP']],
	['Tesco', ['GBP']],
	["Sainsbury's", ['GBP']],
	['John Lewis', ['GBP']],
	['Boots', ['GBP']],
	['Argos', ['GBP']],
	['Deliveroo', ['GBP', 'EUR']],
	['Zalando', ['EUR']],
	['MediaMarkt', ['EUR']],
	['Decathlon', ['EUR', 'GBP', 'CAD']],
	['Fnac', ['EUR']],
	['Carrefour', ['EUR']],
	['Tim Hortons', ['CAD', 'USD']],
	['Canadian Tire', ['CAD']],
	['Indigo', ['CAD']],
	["Hudson's Bay", ['CAD']],
	['Chipotle', ['USD']],
	["Dunkin'", ['USD']],
	['Panera Bread', ['USD']],
	["Domino's", ['USD', 'GBP', 'CAD']],
	['Whole Foods Market', ['USD']],
	['CVS Pharmacy', ['USD']],
	['Lululemon', ['USD', 'CAD', 'GBP', 'EUR']],
	['REI', ['USD']],
	['Barnes & Noble', ['USD']],
	['Cineplex', ['CAD']],
	['AMC Theatres', ['USD']],
	['Delta Air Lines', ['USD']],
	['Southwest Airlines', ['USD']],
	['Booking.com', ALL],
	['Etsy', ['USD', 'EUR', 'GBP', 'CAD']],
	['eBay', ALL],
	['Zappos', ['USD']],
	['Wayfair', ['USD', 'CAD', 'GBP']],
	['Ulta Beauty', ['USD']],
	['The Body Shop', ['GBP', 'EUR', 'CAD']],
	['Lush', ['GBP', 'USD', 'CAD']],
	['Pret A Manger', ['GBP']],
	['Costco', ['USD', 'CAD']],
	["Kohl's", ['USD']],
	["Dick's Sporting Goods", ['USD']],
	['Chewy', ['USD']],
	['Instacart', ['USD', 'CAD']],
	['Lyft', ['USD', 'CAD']],
	['Grubhub', ['USD']],
	['Sony Store', ['USD', 'EUR', 'GBP']],
];

// Products whose shape is pinned (quickstart samples and a few decimal examples).
const PINNED = {
	'GC-AMAZON-USD': { faceValueType: 'FIXED', denominations: [10, 25, 50, 100] },
	'GC-STARBUCKS-USD': { faceValueType: 'RANGE', minAmount: 5, maxAmount: 500 },
	'GC-IKEA-EUR': { faceValueType: 'FIXED', denominations: [12.5, 25, 50, 100, 250] },
	'GC-TESCO-GBP': { faceValueType: 'FIXED', denominations: [7.5, 15, 30, 60] },
	'GC-CHIPOTLE-USD': { faceValueType: 'FIXED', denominations: [12.5, 25, 37.5, 50] },
	'GC-BOOTS-GBP': { faceValueType: 'RANGE', minAmount: 2.5, maxAmount: 250 },
};

function slug(name) {
	return name.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

// Small deterministic PRNG seeded from a string.
function seeded(str) {
	let h = 2166136261;
	for (let i = 0; i < str.length; i++) h = Math.imul(h ^ str.charCodeAt(i), 16777619);
	return function next() {
		h = (h + 0x6d2b79f5) | 0;
		let t = Math.imul(h ^ (h >>> 15), 1 | h);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const POOL = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 250, 500];

function generatedShape(productId) {
	const rnd = seeded(productId);
	if (rnd() < 0.4) {
		const min = [1, 5, 10, 15, 20, 25][Math.floor(rnd() * 6)];
		const max = [100, 200, 250, 500, 1000, 2000][Math.floor(rnd() * 6)];
		return { faceValueType: 'RANGE', minAmount: min, maxAmount: max };
	}
	const count = 3 + Math.floor(rnd() * 4); // 3..6
	const picked = new Set();
	while (picked.size < count) picked.add(POOL[Math.floor(rnd() * POOL.length)]);
	return { faceValueType: 'FIXED', denominations: [...picked].sort((a, b) => a - b) };
}

function buildBranded() {
	const list = [];
	const push = (brandName, currencyCode) => {
		const productId = `GC-${slug(brandName)}-${currencyCode}`;
		if (list.some((p) => p.productId === productId)) return;
		const shape = PINNED[productId] || generatedShape(productId);
		list.push({
			productId,
			brandName,
			currencyCode,
			...shape,
			countries: COUNTRIES[currencyCode].slice(),
		});
	};
	push('Amazon', 'USD');
	push('Starbucks', 'USD');
	for (const [name, curs] of BRANDS) for (const c of curs) push(name, c);
	return list;
}

const CHOICE = [
	{
		productId: 'CHOICE-GLOBAL-USD',
		brandName: 'Global Choice Card',
		currencyCode: 'USD',
		faceValueType: 'RANGE',
		minAmount: 1,
		maxAmount: 2000,
	},
	{
		productId: 'CHOICE-GLOBAL-EUR',
		brandName: 'Global Choice Card',
		currencyCode: 'EUR',
		faceValueType: 'RANGE',
		minAmount: 1,
		maxAmount: 2000,
	},
	{
		productId: 'CHOICE-GLOBAL-GBP',
		brandName: 'Global Choice Card',
		currencyCode: 'GBP',
		faceValueType: 'RANGE',
		minAmount: 1,
		maxAmount: 1500,
	},
	{
		productId: 'CHOICE-GLOBAL-CAD',
		brandName: 'Global Choice Card',
		currencyCode: 'CAD',
		faceValueType: 'RANGE',
		minAmount: 1,
		maxAmount: 2500,
	},
	{
		productId: 'CHOICE-THANKYOU-USD',
		brandName: 'Thank You Choice Card',
		currencyCode: 'USD',
		faceValueType: 'FIXED',
		denominations: [10, 25, 50, 100],
	},
	{
		productId: 'CHOICE-BIRTHDAY-USD',
		brandName: 'Birthday Choice Card',
		currencyCode: 'USD',
		faceValueType: 'FIXED',
		denominations: [15, 25, 50, 75, 100],
	},
	{
		productId: 'CHOICE-HOLIDAY-USD',
		brandName: 'Holiday Choice Card',
		currencyCode: 'USD',
		faceValueType: 'RANGE',
		minAmount: 10,
		maxAmount: 1000,
	},
	{
		productId: 'CHOICE-HOLIDAY-EUR',
		brandName: 'Holiday Choice Card',
		currencyCode: 'EUR',
		faceValueType: 'RANGE',
		minAmount: 10,
		maxAmount: 1000,
	},
	{
		productId: 'CHOICE-WELLNESS-USD',
		brandName: 'Wellness Choice Card',
		currencyCode: 'USD',
		faceValueType: 'RANGE',
		minAmount: 10,
		maxAmount: 500,
	},
	{
		productId: 'CHOICE-DINING-USD',
		brandName: 'Dining Choice Card',
		currencyCode: 'USD',
		faceValueType: 'FIXED',
		denominations: [12.5, 25, 50, 100],
	},
	{
		productId: 'CHOICE-TRAVEL-USD',
		brandName: 'Travel Choice Card',
		currencyCode: 'USD',
		faceValueType: 'RANGE',
		minAmount: 25,
		maxAmount: 2000,
	},
	{
		productId: 'CHOICE-ANNIVERSARY-GBP',
		brandName: 'Work Anniversary Choice Card',
		currencyCode: 'GBP',
		faceValueType: 'FIXED',
		denominations: [20, 50, 100, 250],
	},
].map((p) => ({
	...p,
	countries: p.productId.includes('GLOBAL')
		? ['US', 'CA', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'IE', 'AU', 'JP', 'KR', 'MX', 'BR', 'IN']
		: COUNTRIES[p.currencyCode].slice(),
}));

const BRANDED = buildBranded();

const TEMPLATES = [
	{ templateId: '1', name: 'Giftronaut Default', senderName: 'Giftronaut', isDefault: true },
	{ templateId: '12', name: 'Holiday Cheer', senderName: 'Giftronaut', isDefault: false },
	{ templateId: '15', name: 'Thank You', senderName: 'Giftronaut', isDefault: false },
	{ templateId: '21', name: 'Work Anniversary', senderName: 'People Team', isDefault: false },
	{ templateId: '34', name: 'Welcome Aboard', senderName: 'People Team', isDefault: false },
];

const brandedById = new Map(BRANDED.map((p) => [p.productId, p]));
const choiceById = new Map(CHOICE.map((p) => [p.productId, p]));
const templateById = new Map(TEMPLATES.map((t) => [t.templateId, t]));

/** Deep copy so callers can never mutate the catalog. */
const copy = (o) => JSON.parse(JSON.stringify(o));

module.exports = {
	BRANDED,
	CHOICE,
	TEMPLATES,
	branded: (id) => brandedById.get(id),
	choice: (id) => choiceById.get(id),
	template: (id) => templateById.get(id),
	copy,
};
