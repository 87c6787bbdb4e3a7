import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { EventDeduper, MAX_REMEMBERED } from '../../nodes/Giftronaut/webhook/dedupe';

const HOUR = 60 * 60 * 1000;
const START = Date.parse('2026-04-15T00:00:00Z');

const roundTrip = (data: IDataObject): IDataObject =>
	JSON.parse(JSON.stringify(data)) as IDataObject;

describe('webhook de-duplication state', () => {
	test('100,000 events over 10 days: static data stays under 64 KiB and the newest ids are all known', () => {
		// Static data goes through JSON every 100 events, as n8n stores and reloads it.
		let stored: IDataObject = {};
		const trigger = `bytes-${randomUUID()}`;
		const ids: string[] = [];
		let duplicatesSeen = 0;
		for (let i = 0; i < 100_000; i++) {
			const now = START + Math.floor((i * 240 * HOUR) / 100_000);
			const staticData = i % 100 === 0 ? roundTrip(stored) : stored;
			const deduper = new EventDeduper(staticData, trigger, now);
			const id = randomUUID();
			if (deduper.has(id)) duplicatesSeen++;
			deduper.record(id);
			ids.push(id);
			stored = staticData;
		}
		const bytes = Buffer.byteLength(JSON.stringify(stored));
		expect(duplicatesSeen).toBe(0);
		expect(bytes).toBeLessThanOrEqual(64 * 1024);

		// A fresh process (another trigger key: nothing in memory) with only the saved data.
		const later = new EventDeduper(
			roundTrip(stored),
			`restart-${randomUUID()}`,
			START + 240 * HOUR,
		);
		expect(ids.slice(-MAX_REMEMBERED).filter((id) => !later.has(id))).toEqual([]);
		expect(later.has(randomUUID())).toBe(false);
	});

	test('ids are forgotten after 24 hours, also by the process memory', () => {
		const stored: IDataObject = {};
		const trigger = `age-${randomUUID()}`;
		const id = randomUUID();
		new EventDeduper(stored, trigger, START).record(id);
		expect(new EventDeduper(roundTrip(stored), trigger, START + 23 * HOUR).has(id)).toBe(true);
		expect(
			new EventDeduper(roundTrip(stored), `other-${randomUUID()}`, START + 23 * HOUR).has(id),
		).toBe(true);
		expect(new EventDeduper(roundTrip(stored), trigger, START + 25 * HOUR).has(id)).toBe(false);
	});

	test('a racing save that lands last and drops an id is repaired by the next call, even one that records nothing', () => {
		const trigger = `race-${randomUUID()}`;
		const loadedByBoth: IDataObject = {};
		const first = roundTrip(loadedByBoth);
		const second = roundTrip(loadedByBoth);
		new EventDeduper(first, trigger, START).record('evt-1');
		new EventDeduper(second, trigger, START + 1).record('evt-2');
		// n8n writes second, then first: the database now holds only evt-1.
		const next = roundTrip(first);
		new EventDeduper(next, trigger, START + 2).heal();
		const restarted = new EventDeduper(roundTrip(next), `restart-${randomUUID()}`, START + 3);
		expect(['evt-1', 'evt-2'].map((id) => restarted.has(id))).toEqual([true, true]);
	});
});
