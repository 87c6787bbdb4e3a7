import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listTemplates } from '../actions/template/list';
import { currentTimeZoneName, oldTimeZoneNames } from '../helpers/timezones';

/** Email templates, the account's default first (value = templateId). */
export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templates = await listTemplates.call(this, { maxPages: 20 });
	return templates.map((template) => ({
		name: String(template.name ?? template.templateId),
		value: String(template.templateId),
		...(template.isDefault === true ? { description: 'Default template of the account' } : {}),
	}));
}

/** Used when the runtime cannot list its time zones (Intl.supportedValuesOf is Node 18+). */
const FALLBACK_TIMEZONES = [
	'Africa/Cairo',
	'Africa/Johannesburg',
	'Africa/Lagos',
	'Africa/Nairobi',
	'America/Anchorage',
	'America/Argentina/Buenos_Aires',
	'America/Bogota',
	'America/Chicago',
	'America/Denver',
	'America/Halifax',
	'America/Los_Angeles',
	'America/Mexico_City',
	'America/New_York',
	'America/Phoenix',
	'America/Santiago',
	'America/Sao_Paulo',
	'America/St_Johns',
	'America/Toronto',
	'America/Vancouver',
	'Asia/Bangkok',
	'Asia/Dhaka',
	'Asia/Dubai',
	'Asia/Hong_Kong',
	'Asia/Jakarta',
	'Asia/Jerusalem',
	'Asia/Karachi',
	'Asia/Kathmandu',
	'Asia/Kolkata',
	'Asia/Manila',
	'Asia/Riyadh',
	'Asia/Seoul',
	'Asia/Shanghai',
	'Asia/Singapore',
	'Asia/Taipei',
	'Asia/Tehran',
	'Asia/Tokyo',
	'Atlantic/Reykjavik',
	'Australia/Adelaide',
	'Australia/Brisbane',
	'Australia/Perth',
	'Australia/Sydney',
	'Europe/Amsterdam',
	'Europe/Athens',
	'Europe/Berlin',
	'Europe/Brussels',
	'Europe/Dublin',
	'Europe/Helsinki',
	'Europe/Istanbul',
	'Europe/Lisbon',
	'Europe/London',
	'Europe/Madrid',
	'Europe/Moscow',
	'Europe/Paris',
	'Europe/Rome',
	'Europe/Stockholm',
	'Europe/Warsaw',
	'Europe/Zurich',
	'Pacific/Auckland',
	'Pacific/Honolulu',
];

function supportedTimezones(): string[] {
	const supportedValuesOf = (Intl as { supportedValuesOf?: (key: string) => string[] })
		.supportedValuesOf;
	try {
		const zones = supportedValuesOf?.('timeZone');
		if (zones && zones.length > 0) return zones;
	} catch {
		// An old runtime without the time zone list: use the built-in one.
	}
	return FALLBACK_TIMEZONES;
}

/**
 * IANA time zones for scheduled sends, under their current names (Asia/Kolkata, not the runtime's
 * Asia/Calcutta): UTC first, then alphabetical. An old name is part of the option's label, so
 * searching for it finds the zone.
 */
export async function getTimezones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const current = [...supportedTimezones(), ...FALLBACK_TIMEZONES].map(currentTimeZoneName);
	const zones = [...new Set(current)].filter((zone) => zone !== 'UTC').sort();
	const oldNames = oldTimeZoneNames();
	const workflowZone = { name: `Workflow Time Zone (${this.getTimezone()})`, value: '' };
	const listed = ['UTC', ...zones].map((zone) => {
		const old = oldNames.get(zone);
		const label = zone.replace(/_/g, ' ');
		return {
			name: old
				? `${label} (formerly ${old.map((name) => name.replace(/_/g, ' ')).join(', ')})`
				: label,
			value: zone,
		};
	});
	return [workflowZone, ...listed];
}
