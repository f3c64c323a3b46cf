export { createSqliteStore, type SqliteStore, type SqliteStoreOptions, type SqliteTenantStore } from './sqlite-store.js';
export { DURABILITIES, type Durability } from './open-database.js';
export { encryptionKeyFromEnv, parseEncryptionKey, SECRET_KEY_ENV, type EncryptionKeyInput } from '@flowline/core';
export { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';
export type { OAuthTokens } from './token-ops.js';
export type { Lease, LeaseRequest } from './lease-ops.js';
export { createSqliteTokenStore } from './token-store-adapter.js';
export type { ConnectorTokenStore, TokenStoreAdapterOptions } from '@flowline/core';
