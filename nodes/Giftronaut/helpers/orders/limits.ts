/** Recipients per order: undocumented, 1000 assumed (docs/api-contract.md#assumptions). */
export const MAX_RECIPIENTS_PER_ORDER = 1000;
export const DEFAULT_BATCH_SIZE = 100;
export const DEFAULT_WAIT_TIMEOUT_SECONDS = 60;
