/** The sandbox and the contract allow up to 1000 recipients per order. */
export const MAX_RECIPIENTS_PER_ORDER = 1000;
export const DEFAULT_BATCH_SIZE = 100;
export const DEFAULT_WAIT_TIMEOUT_SECONDS = 60;
