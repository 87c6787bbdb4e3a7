import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Harness, PollResult, Poller } from '../harness';
import type { Order, OrderBody, Sandbox } from '../sandbox';

export const NODE_KEY = 'node:Giftronaut Trigger';
const HOUR = 60 * 60 * 1000;

let emailSeq = 0;

export function brandedBody(extra: Partial<OrderBody> = {}): OrderBody {
	emailSeq++;
	return {
		productId: 'GC-AMAZON-USD',
		recipients: [{ email: `person${emailSeq}@example.com`, amount: 10 }],
		...extra,
	};
}

export function choiceBody(): OrderBody {
	emailSeq++;
	return {
		productId: 'CHOICE-GLOBAL-USD',
		recipients: [{ email: `person${emailSeq}@example.com`, amount: 15 }],
	};
}

/** A body scheduled `inMs` after the sandbox's virtual now (UTC wall clock). */
export function scheduledBody(sandbox: Sandbox, inMs: number): OrderBody {
	const at = new Date(sandbox.now() + inMs).toISOString().slice(0, 19);
	return brandedBody({ sendTiming: { type: 'SCHEDULED', scheduledAt: at, timezone: 'UTC' } });
}

export function create(sandbox: Sandbox, body: OrderBody = brandedBody()): Order {
	return sandbox.createOrder(body).order;
}

export function apiRequests(sandbox: Sandbox): number {
	return sandbox.requests().filter((entry) => entry.path.startsWith('/api/v1/')).length;
}

/**
 * An active trigger. By default its static data goes through the "database" (a JSON copy of what
 * n8n 2.8 saves: only after an emit) before every poll, as if n8n restarted each time. With
 * `{ restarts: false }` it is one running workflow, static data kept in memory between polls.
 */
export class TriggerDriver {
	saved: IDataObject = {};

	readonly emitted: IDataObject[] = [];

	private readonly poller?: Poller;

	constructor(
		private readonly h: Harness,
		private readonly parameters: INodeParameters = {},
		private readonly options: { restarts?: boolean; pollBudgetMs?: number } = {},
	) {
		if (options.restarts === false)
			this.poller = h.poller(parameters, { pollBudgetMs: options.pollBudgetMs });
	}

	/**
	 * Activates a second or more after the orders created so far, as the orders of a real account
	 * are: an order stamped in the very second activation begins, and not on its first page, may
	 * be emitted (README, "How the trigger finds each order once"). `sameSecond` keeps the clock.
	 */
	async activate({ sameSecond = false }: { sameSecond?: boolean } = {}): Promise<PollResult> {
		if (!sameSecond) this.h.sandbox.advanceClock(1000);
		const result = this.poller
			? await this.poller.poll()
			: await this.h.poll(this.parameters, {
					staticData: {},
					activationPoll: true,
					pollBudgetMs: this.options.pollBudgetMs,
				});
		this.saved = JSON.parse(JSON.stringify(result.savedStaticData)) as IDataObject;
		return result;
	}

	async poll(): Promise<PollResult> {
		const result = this.poller
			? await this.poller.poll()
			: await this.h.poll(this.parameters, {
					staticData: this.saved,
					pollBudgetMs: this.options.pollBudgetMs,
				});
		if (result.emitError) throw result.emitError;
		this.saved = JSON.parse(
			JSON.stringify(this.poller ? result.staticData : result.savedStaticData),
		) as IDataObject;
		this.emitted.push(...result.items.map((item) => item.json));
		return result;
	}

	/** Requests of one poll to the Giftronaut API (token requests excluded). */
	async pollCounting(): Promise<{ result: PollResult; requests: number }> {
		this.h.sandbox.clearRequests();
		const result = await this.poll();
		return { result, requests: apiRequests(this.h.sandbox) };
	}

	get nodeState(): IDataObject {
		return (this.saved[NODE_KEY] as IDataObject) ?? {};
	}

	emittedIds(): string[] {
		return this.emitted.map((order) => String(order.orderId));
	}
}

export { HOUR };
