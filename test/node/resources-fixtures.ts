import type { INodeParameters } from 'n8n-workflow';

import { createHarness, type Harness } from '../harness';

/** Every scope the new resources need besides the credential's defaults (docs/api-contract.md#scopes). */
export const ALL_SCOPES =
	'catalog.read orders.read orders.write balance.read templates.read templates.write campaigns.read campaigns.write recipients.read recipients.write';

/**
 * One harness per test file whose credential asks for every scope; each test starts from a reset
 * sandbox and a fresh token.
 */
export function useResourceHarness(): () => Harness {
	let h: Harness;
	beforeAll(async () => {
		h = await createHarness({ credential: { scopes: ALL_SCOPES } });
	});
	afterAll(async () => {
		await h.close();
	});
	beforeEach(() => {
		h.sandbox.reset();
		h.addCredential({ scopes: ALL_SCOPES });
	});
	return () => h;
}

/** A credential whose client is granted every scope but `missing`; returns its id. */
export function credentialWithout(h: Harness, missing: string): string {
	const scopes = ALL_SCOPES.split(' ').filter((scope) => scope !== missing);
	const clientId = `without-${missing}`;
	h.sandbox.addClient({ clientId, clientSecret: 'secret-without', scopes });
	return h.addCredential(
		{ clientId, clientSecret: 'secret-without', scopes: ALL_SCOPES },
		{ id: clientId },
	);
}

/** Runs `parameters` with a credential lacking `scope`, failing and with Continue On Fail. */
export async function runWithoutScope(h: Harness, parameters: INodeParameters, scope: string) {
	const credentialId = credentialWithout(h, scope);
	const failed = await h.run({ parameters, credentialId });
	const continued = await h.run({
		parameters,
		credentialId,
		settings: { onError: 'continueRegularOutput' },
	});
	return { failed, continued };
}

/** What a 403 for `scope` must tell the user, as both an error and a Continue On Fail item. */
export function expectScopeError(
	result: Awaited<ReturnType<typeof runWithoutScope>>,
	scope: string,
): void {
	const { failed, continued } = result;
	expect(failed.error?.message).toMatch(/^Giftronaut API error \(HTTP 403 INSUFFICIENT_SCOPE\)/);
	expect(failed.error?.description).toContain(`needs the scope "${scope}"`);
	expect(failed.error?.description).toContain(
		'Scopes (Advanced) field of the Giftronaut API credential',
	);
	expect(failed.error?.context?.itemIndex).toBe(0);
	expect(continued.items).toHaveLength(1);
	expect(continued.items[0].pairedItem).toEqual({ item: 0 });
	expect(continued.json[0].error).toMatch(/HTTP 403 INSUFFICIENT_SCOPE/);
	expect(JSON.stringify(continued.json)).not.toContain('secret-without');
}
