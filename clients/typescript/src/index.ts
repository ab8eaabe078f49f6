// The SDK: the generated client (src/generated, never edited by hand) and the thin layer around it.
export * from './generated/index.js';
export { BanhaoClient, type BanhaoClientOptions } from './client.js';
export { ApiProblem } from './problem.js';
export { followProgress, type LiveProgress, type LiveProgressHandlers } from './events.js';
export { LocalStorageTokenStore, MemoryTokenStore, storedTokens, type StoredTokens, type TokenStore } from './tokens.js';
export { IDEMPOTENT_OPERATIONS } from './idempotent-operations.gen.js';
