/**
 * Serialize anything for a "does this secret leak?" check: unlike JSON.stringify it includes the
 * non-enumerable parts of errors (name, message, stack, cause, description, context, ...), nested
 * errors, Maps, Sets and class instances. Cycles are cut.
 */
export function serializeForLeakCheck(value: unknown): string {
	const seen = new WeakSet<object>();
	const walk = (v: unknown): unknown => {
		if (v === null || typeof v !== 'object') {
			return typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint'
				? String(v)
				: v;
		}
		if (seen.has(v)) return '[cycle]';
		seen.add(v);
		if (Array.isArray(v)) return v.map(walk);
		if (v instanceof Map) return [...v.entries()].map(walk);
		if (v instanceof Set) return [...v.values()].map(walk);
		if (v instanceof Date) return v.toISOString();
		const out: Record<string, unknown> = {};
		const keys = new Set<string>(Object.getOwnPropertyNames(v));
		if (v instanceof Error) ['name', 'message', 'stack', 'cause'].forEach((k) => keys.add(k));
		for (const key of keys) {
			try {
				out[key] = walk((v as Record<string, unknown>)[key]);
			} catch (error) {
				out[key] = `[unreadable: ${(error as Error).message}]`;
			}
		}
		return out;
	};
	return JSON.stringify(walk(value));
}

/**
 * Names of the secrets (given as { name: value }) whose value occurs in the serialized value.
 * Returns names, never values, so a failing assertion does not print the secret.
 */
export function findLeaks(value: unknown, secrets: Record<string, string | undefined>): string[] {
	const text = serializeForLeakCheck(value);
	return Object.entries(secrets)
		.filter(
			([, secret]) => typeof secret === 'string' && secret.length > 0 && text.includes(secret),
		)
		.map(([name]) => name);
}
