export { createPostgresStore, DEFAULT_SCHEMA, type PostgresStore, type PostgresStoreOptions, type PostgresTenantStore } from './postgres-store.js';
export { encryptionKeyFromEnv, parseEncryptionKey, SECRET_KEY_ENV, type EncryptionKeyInput } from '@flowline/core';
export { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';
export type { OAuthTokens } from './token-ops.js';
export type { Lease, LeaseRequest } from './lease-ops.js';
export { createPostgresTokenStore } from './token-store-adapter.js';
export type { ConnectorTokenStore, TokenStoreAdapterOptions } from '@flowline/core';
export { holdOwnerLock, type OwnerLock, type OwnerLockOptions } from './owner-lock.js';
