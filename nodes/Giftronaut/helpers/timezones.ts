/**
 * Old time zone names and the current IANA name each now stands for. Node's Intl lists (and
 * reports) several zones under names IANA has since renamed; Giftronaut is sent the current one.
 * Only renames and respellings of the same place are listed (not cities merged into another
 * zone), so a name never changes its meaning.
 */
const CURRENT_NAME_OF: Record<string, string> = {
	'Africa/Asmera': 'Africa/Asmara',
	'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
	'America/Catamarca': 'America/Argentina/Catamarca',
	'America/Cordoba': 'America/Argentina/Cordoba',
	'America/Fort_Wayne': 'America/Indiana/Indianapolis',
	'America/Godthab': 'America/Nuuk',
	'America/Indianapolis': 'America/Indiana/Indianapolis',
	'America/Jujuy': 'America/Argentina/Jujuy',
	'America/Knox_IN': 'America/Indiana/Knox',
	'America/Louisville': 'America/Kentucky/Louisville',
	'America/Mendoza': 'America/Argentina/Mendoza',
	'Asia/Calcutta': 'Asia/Kolkata',
	'Asia/Dacca': 'Asia/Dhaka',
	'Asia/Istanbul': 'Europe/Istanbul',
	'Asia/Katmandu': 'Asia/Kathmandu',
	'Asia/Macao': 'Asia/Macau',
	'Asia/Rangoon': 'Asia/Yangon',
	'Asia/Saigon': 'Asia/Ho_Chi_Minh',
	'Asia/Thimbu': 'Asia/Thimphu',
	'Asia/Ujung_Pandang': 'Asia/Makassar',
	'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
	'Atlantic/Faeroe': 'Atlantic/Faroe',
	'Europe/Kiev': 'Europe/Kyiv',
	'Pacific/Enderbury': 'Pacific/Kanton',
	'Pacific/Ponape': 'Pacific/Pohnpei',
	'Pacific/Samoa': 'Pacific/Pago_Pago',
	'Pacific/Truk': 'Pacific/Chuuk',
};

const BY_LOWER_CASE = new Map(
	Object.entries(CURRENT_NAME_OF).map(([old, current]) => [old.toLowerCase(), current]),
);

/** The current IANA name for `name` (unchanged when it is not an old one). */
export function currentTimeZoneName(name: string): string {
	return BY_LOWER_CASE.get(name.trim().toLowerCase()) ?? name.trim();
}

/** Old names per current name, for the dropdown's search. */
export function oldTimeZoneNames(): Map<string, string[]> {
	const result = new Map<string, string[]>();
	for (const [old, current] of Object.entries(CURRENT_NAME_OF)) {
		result.set(current, [...(result.get(current) ?? []), old]);
	}
	return result;
}
