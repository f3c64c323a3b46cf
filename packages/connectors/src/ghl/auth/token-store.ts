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
 * Where OAuth tokens live between calls. GHL refresh tokens are single-use: `put` is awaited
 * before the new access token is used, so a crash after a refresh never loses the new pair.
 *
 * A store shared by several processes should implement `withRefreshLock` (e.g. a row lock or a
 * Redis lock) so that two processes never refresh the same connection at once; within one
 * process the client already makes refreshes of a connection single-flight.
 */
export interface TokenStore {
  get(connectionId: string): Promise<GhlTokenSet | undefined>;
  put(connectionId: string, tokens: GhlTokenSet): Promise<void>;
  withRefreshLock?<T>(connectionId: string, task: () => Promise<T>): Promise<T>;
}

/** A TokenStore in memory: for tests and single-process hosts that re-authorize on restart. */
export class InMemoryTokenStore implements TokenStore {
  readonly #tokens = new Map<string, GhlTokenSet>();

  async get(connectionId: string): Promise<GhlTokenSet | undefined> {
    return this.#tokens.get(connectionId);
  }

  async put(connectionId: string, tokens: GhlTokenSet): Promise<void> {
    this.#tokens.set(connectionId, tokens);
  }
}
