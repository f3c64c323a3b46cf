/**
 * The OAuth tokens of one GHL connection. `expiresAt` is epoch milliseconds. The ids come from
 * GHL's token answer (`GetAccessCodeSuccessfulResponseDto` in oauth.json) when it gave them.
 */
export interface GhlTokenSet {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresAt: number;
  readonly scope?: string;
  readonly userType?: 'Location' | 'Company';
  readonly locationId?: string;
  readonly companyId?: string;
  readonly userId?: string;
}

/**
 * A location's access token obtained from the agency (Company) token through
 * `POST /oauth/locationToken`. GHL's answer (`GetLocationAccessTokenSuccessfulResponseDto` in
 * oauth.json) carries no refresh token: a new one is obtained the same way when it expires.
 */
export interface GhlLocationToken {
  readonly accessToken: string;
  /** None: GHL gives a location token no refresh token. */
  readonly refreshToken?: undefined;
  readonly expiresAt: number;
  readonly userType: 'Location';
  readonly locationId: string;
  readonly companyId: string;
  readonly scope?: string;
  readonly userId?: string;
  readonly appId?: string;
  readonly versionId?: string;
  readonly planId?: string;
}

/** What a TokenStore keeps under one key: a token pair, or a location token from the agency token. */
export type StoredGhlTokens = GhlTokenSet | GhlLocationToken;

/** Whether `tokens` is a pair with a refresh token (not a location token from the agency token). */
export function isGhlTokenPair(tokens: StoredGhlTokens): tokens is GhlTokenSet {
  return typeof tokens.refreshToken === 'string';
}

/**
 * Where OAuth tokens live between calls. GHL refresh tokens are single-use: `put` is awaited
 * before the new access token is used, so a crash after a refresh never loses the new pair.
 *
 * A store shared by several processes should implement `withRefreshLock` (e.g. a row lock or a
 * Redis lock) so that two processes never refresh the same connection at once; within one
 * process the client already makes refreshes of a connection single-flight.
 *
 * Keys: a connection's id for `oauth` credentials; `ghlTokenKeys.agency(companyId)` and
 * `ghlTokenKeys.location(tenant, locationId)` for `agency-oauth` ones.
 */
export interface TokenStore {
  get(key: string): Promise<StoredGhlTokens | undefined>;
  put(key: string, tokens: StoredGhlTokens): Promise<void>;
  withRefreshLock?<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** A TokenStore in memory: for tests and single-process hosts that re-authorize on restart. */
export class InMemoryTokenStore implements TokenStore {
  readonly #tokens = new Map<string, StoredGhlTokens>();

  async get(key: string): Promise<StoredGhlTokens | undefined> {
    return this.#tokens.get(key);
  }

  async put(key: string, tokens: StoredGhlTokens): Promise<void> {
    this.#tokens.set(key, tokens);
  }
}
