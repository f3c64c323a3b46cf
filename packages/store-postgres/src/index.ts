export { createPostgresStore, DEFAULT_SCHEMA, type PostgresStore, type PostgresStoreOptions, type PostgresTenantStore } from './postgres-store.js';
export { encryptionKeyFromEnv, parseEncryptionKey, SECRET_KEY_ENV, type EncryptionKeyInput } from './encryption-key.js';
export { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations.js';
export type { OAuthTokens } from './token-ops.js';
export type { Lease, LeaseRequest } from './lease-ops.js';
export { createPostgresTokenStore, type ConnectorTokenStore, type TokenStoreAdapterOptions } from './token-store-adapter.js';
