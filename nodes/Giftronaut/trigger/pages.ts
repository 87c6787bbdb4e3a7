import { MAX_PAGE_SIZE } from '../transport';

const PAGE = MAX_PAGE_SIZE;

export const lastPageOf = (total: number) => Math.max(1, Math.ceil(total / PAGE));

/** Orders on a page before its order is believed: a few listed at random can look sorted by chance. */
const ORDER_EVIDENCE = 10;

/**
 * What a page's creation times say about the list's order: true when newest first, false when
 * oldest first or in no order, undefined when it does not tell (too few orders, or all alike).
 */
export function listsNewestFirst(createdMs: number[]): boolean | undefined {
	if (createdMs.length < ORDER_EVIDENCE) return undefined;
	let falls = false;
	let rises = false;
	for (let i = 1; i < createdMs.length; i++) {
		if (createdMs[i] < createdMs[i - 1]) falls = true;
		else if (createdMs[i] > createdMs[i - 1]) rises = true;
	}
	return falls || rises ? falls && !rises : undefined;
}

/**
 * Which page to read next. The list order is undocumented, so new orders may sit at the front
 * (newest first), at the back (oldest first) or anywhere: read page 1 and the last page first,
 * then work inwards from both ends, favouring the end whose last page brought something new.
 */
export class PagePlan {
	readonly visited = new Set<number>();

	private lastPage: number | undefined;

	private front: number;

	private back: number;

	private frontYield = 1;

	private backYield = 1;

	private frontTurn = true;

	private lastSide: 'front' | 'back' = 'front';

	constructor(resume?: [number, number] | null) {
		this.front = resume?.[0] ?? 1;
		this.back = resume?.[1] ?? Number.MAX_SAFE_INTEGER;
	}

	visit(page: number): void {
		this.visited.add(page);
	}

	get knowsEnd(): boolean {
		return this.lastPage !== undefined;
	}

	get maxVisited(): number {
		return Math.max(0, ...this.visited);
	}

	setTotal(total: number | undefined): void {
		this.lastPage = total === undefined ? undefined : lastPageOf(total);
		if (this.lastPage !== undefined) this.back = Math.min(Math.max(this.back, 1), this.lastPage);
	}

	/** How many new orders the page last returned by next() brought. */
	recordYield(fresh: number): void {
		if (this.lastSide === 'front') this.frontYield = fresh;
		else this.backYield = fresh;
	}

	next(): number | undefined {
		const last = this.lastPage;
		if (last === undefined) return undefined;
		if (!this.visited.has(1)) return this.take(1, 'front');
		if (!this.visited.has(last)) return this.take(last, 'back');
		const preferFront =
			this.frontYield === this.backYield ? this.frontTurn : this.frontYield > this.backYield;
		this.frontTurn = !this.frontTurn;
		for (const side of preferFront ? (['front', 'back'] as const) : (['back', 'front'] as const)) {
			if (side === 'front') {
				while (this.front <= last && this.visited.has(this.front)) this.front++;
				if (this.front <= last) return this.take(this.front, 'front');
			} else {
				while (this.back >= 1 && this.visited.has(this.back)) this.back--;
				if (this.back >= 1) return this.take(this.back, 'back');
			}
		}
		for (let page = 1; page <= last; page++)
			if (!this.visited.has(page)) return this.take(page, 'front');
		return undefined;
	}

	private take(page: number, side: 'front' | 'back'): number {
		this.lastSide = side;
		return page;
	}

	resumePoint(): [number, number] {
		return [this.front, this.back];
	}
}
