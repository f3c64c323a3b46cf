export { createGhlConnector, type GhlConnector, type GhlConnectorOptions } from './connector.js';
export { GhlClient, type GhlCall, type GhlClientOptions } from './client/ghl-client.js';
export type { OperationInput } from './client/request-builder.js';
export type { InputViolation } from './client/input-validator.js';
export {
  buildGhlAuthorizationUrl,
  exchangeGhlAuthorizationCode,
  GHL_AUTHORIZATION_HOSTS,
  GHL_PRODUCTION_BASE_URL,
  type AuthorizationUrlOptions,
  type ExchangeCodeOptions,
} from './auth/oauth-flow.js';
export { InMemoryTokenStore, isGhlTokenPair, type GhlLocationToken, type GhlTokenSet, type StoredGhlTokens, type TokenStore } from './auth/token-store.js';
export { ghlTokenKeys } from './auth/token-keys.js';
export type { GhlAgencyOAuthCredentials, GhlCredentials, GhlOAuthCredentials, GhlPrivateTokenCredentials, GhlUserType } from './auth/credentials.js';
export { listGhlInstalledLocations, type GhlInstalledLocationsPage, type ListInstalledLocationsOptions } from './auth/installed-locations.js';
export type { GhlInstalledLocation, GhlInstalledLocations, GhlInstalledLocationsQuery, GhlLocationAccessToken } from './generated/oauth-operations.js';
export type { AccessToken, AccessTokenSource } from './auth/access-token-source.js';
export { RateBudget, type RateBudgetOptions, type RatePermit } from './rate/rate-budget.js';
export type { Reconcile, RetryOptions } from './retry/retry-policy.js';
