/**
 * The durable-path benchmarks run the real host (`startHost` of the CLI: signed PushPress
 * receiver → engine → GHL connector) on the real stores. The repo root has no workspace links,
 * so, like core-dependencies.ts, this reaches the packages by path; each package resolves its
 * own dependencies (better-sqlite3, undici's fetch, ajv) from its own node_modules.
 */
export { startHost, type HostOptions, type HostTenant, type RunningHost } from '../packages/cli/src/host/start-host.js';
export type { HostConfig } from '../packages/cli/src/host-config.js';
export { createSqliteStore, type Durability, type SqliteStore } from '../packages/store-sqlite/src/index.js';
export { createWalSync, walFileSync } from '../packages/store-sqlite/src/wal-sync.js';
export { signPushPressData } from '../packages/connectors/src/index.js';
export { createMemoryStore, type Store } from '../packages/core/src/index.js';
export { createGhlConnector, createPushPressConnector, createPushPressReceiver, pushpressTriggers } from '../packages/connectors/src/index.js';
export { createEngine, createKeyedLimiter, silentLogger, type IdentifiedEvent, type SubmitResult } from '../packages/core/src/index.js';
