import type { IDataObject, IPollFunctions } from 'n8n-workflow';

/*
 * n8n 2.41 with N8N_POLLER_DURABLE_CURSORS_ENABLED keeps the node's static data as a "poll cursor"
 * and commits it only after a scheduled poll; the poll run while activating never commits it. The
 * state built at activation would be lost and the first scheduled poll would activate again,
 * missing every completion in between. So activation also leaves a copy of its state in the
 * workflow's global static data, which n8n saves after every activation, and a poll that finds no
 * state of its own takes that copy over (its own commit then makes it durable).
 */
const PREFIX = 'giftronautTriggerActivation:';

interface Handoff extends IDataObject {
	sig: string;
	state: IDataObject;
}

const keyOf = (context: IPollFunctions) => `${PREFIX}${context.getNode().id}`;

export function leaveHandoff(context: IPollFunctions, signature: string, state: IDataObject): void {
	const global = context.getWorkflowStaticData('global');
	global[keyOf(context)] = {
		sig: signature,
		state: JSON.parse(JSON.stringify(state)) as IDataObject,
	};
}

/** The activation state for this signature, if one was left and never taken over. */
export function takeHandoff(context: IPollFunctions, signature: string): IDataObject | undefined {
	const global = context.getWorkflowStaticData('global');
	const handoff = global[keyOf(context)] as Handoff | undefined;
	if (!handoff || typeof handoff !== 'object' || handoff.sig !== signature) return undefined;
	return handoff.state && typeof handoff.state === 'object' ? handoff.state : undefined;
}

/** The node's own state is in place: the copy is no longer needed. */
export function dropHandoff(context: IPollFunctions): void {
	const global = context.getWorkflowStaticData('global');
	if (keyOf(context) in global) delete global[keyOf(context)];
}
