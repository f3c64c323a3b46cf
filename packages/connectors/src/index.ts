export {
  PUSHPRESS_SIGNATURE_HEADER,
  signPushPressData,
  verifyPushPressSignature,
  type VerifyPushPressSignatureOptions,
} from './pushpress/signature.js';
export {
  createPushPressReceiver,
  type PushPressReceiver,
  type ReceiverListenOptions,
  type RunningReceiver,
} from './pushpress/webhook-receiver.js';
export {
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_MAX_AGE_SECONDS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_FUTURE_SECONDS,
  type DeliveryParking,
  type PushPressReceiverOptions,
} from './pushpress/receiver-options.js';
export { WebhookRejection, type RejectionReason } from './pushpress/webhook-rejection.js';
export { PUSHPRESS_EVENT_NAMES, type PushPressEventName } from './pushpress/events.js';
export { customerIdOf, deliveryIdentity } from './pushpress/delivery-identity.js';
export { allOperations, ghlOperations, operationsById, pushpressTriggers } from './operations/index.js';
export type * from './generated/types/index.js';
export {
  buildGhlAuthorizationUrl,
  createGhlConnector,
  exchangeGhlAuthorizationCode,
  GhlClient,
  GHL_AUTHORIZATION_HOSTS,
  GHL_PRODUCTION_BASE_URL,
  ghlTokenKeys,
  InMemoryTokenStore,
  isGhlTokenPair,
  listGhlInstalledLocations,
  RateBudget,
  type AccessToken,
  type AccessTokenSource,
  type AuthorizationUrlOptions,
  type ExchangeCodeOptions,
  type GhlAgencyOAuthCredentials,
  type GhlCall,
  type GhlClientOptions,
  type GhlConnector,
  type GhlConnectorOptions,
  type GhlCredentials,
  type GhlInstalledLocation,
  type GhlInstalledLocations,
  type GhlInstalledLocationsPage,
  type GhlInstalledLocationsQuery,
  type GhlLocationAccessToken,
  type GhlLocationToken,
  type GhlOAuthCredentials,
  type GhlPrivateTokenCredentials,
  type GhlTokenSet,
  type GhlUserType,
  type InputViolation,
  type ListInstalledLocationsOptions,
  type OperationInput,
  type RateBudgetOptions,
  type RatePermit,
  type Reconcile,
  type RetryOptions,
  type StoredGhlTokens,
  type TokenStore,
} from './ghl/index.js';
export {
  createPushPressClient,
  PUSHPRESS_PRODUCTION_URL,
  type PushPressClient,
  type PushPressClientOptions,
  type PushPressCustomer,
} from './pushpress/rest-client.js';
export { createPushPressConnector, type PushPressConnectorOptions } from './pushpress/connector.js';
export { customerLookupOperation, type CustomerLookupInput } from './pushpress/customer-lookup.js';
export {
  createOptionsResolver,
  DEFAULT_OPTIONS_MAX_ENTRIES,
  DEFAULT_OPTIONS_TTL_MS,
  ghlOptionSources,
  isStillValid,
  keepIfValid,
  OptionsError,
  type ConnectionLookup,
  type GhlOptionSource,
  type InvalidateOptionsFilter,
  type Option,
  type OptionParam,
  type OptionParams,
  type OptionsErrorCode,
  type OptionSourceInfo,
  type OptionsResolver,
  type OptionsResolverOptions,
  type OptionsResult,
  type ResolveOptionsRequest,
} from './options/index.js';
