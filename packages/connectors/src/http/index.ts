export { createHttpConnector, type HttpConnector, type HttpConnectorOptions } from './http-connector.js';
export { createAddressGuard, systemResolve, type AddressGuardOptions, type ResolveHost } from './address-guard.js';
export { forbiddenRange } from './address-policy.js';
export { BlockedAddressError } from './blocked-address-error.js';
export {
  DEFAULT_HTTP_TIMEOUT_MS,
  DEFAULT_MAX_RESPONSE_BYTES,
  HTTP_CONNECTOR,
  HTTP_REQUEST_OPERATION,
  MAX_REDIRECTS,
  type HttpRequestInput,
  type HttpResponseOutput,
} from './http-request-operation.js';
