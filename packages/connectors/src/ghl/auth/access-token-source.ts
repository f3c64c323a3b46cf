import { ActionError } from '@flowline/core';
import type { GhlCredentials, GhlOAuthCredentials } from './credentials.js';
import { requestTokens, type FetchLike } from './oauth-token-endpoint.js';
import { withProcessRefreshLock } from './refresh-lock.js';
import type { GhlTokenSet, TokenStore } from './token-store.js';

/** The bearer token to send, and whose budget it spends when GHL told us. */
export interface AccessToken {
  readonly token: string;
  readonly locationId?: string;
  readonly companyId?: string;
}

/** Gives the client a token per attempt, and a new one after a 401 when it can. */
export interface AccessTokenSource {
  current(signal?: AbortSignal): Promise<AccessToken>;
  /** After GHL refused `stale` with a 401: a renewed token, or undefined when there is none to get. */
  renew(stale: string, signal?: AbortSignal): Promise<AccessToken | undefined>;
  /** Every secret this source knows, so errors can be scrubbed of them. */
  secrets(): readonly string[];
}

/** A private integration token: static, nothing to renew. */
export function staticTokenSource(token: string): AccessTokenSource {
  return {
    current: async () => ({ token }),
    renew: async () => undefined,
    secrets: () => [token],
  };
}

export interface OAuthTokensOptions {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly store: TokenStore;
  /** Refresh this long before `expiresAt` (default 5 minutes). */
  readonly refreshSkewMs: number;
  readonly timeoutMs: number;
  readonly now: () => number;
}

/** Waits for `promise` but gives up (without cancelling it) when `signal` aborts. */
function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function toAccessToken(tokens: GhlTokenSet): AccessToken {
  return {
    token: tokens.accessToken,
    ...(tokens.locationId === undefined ? {} : { locationId: tokens.locationId }),
    ...(tokens.companyId === undefined ? {} : { companyId: tokens.companyId }),
  };
}

/**
 * OAuth token pairs of many connections: refreshes ahead of expiry and after a 401. Refreshes of
 * one connection are single-flight (concurrent callers share one refresh), serialized across
 * the process, and under the store's own lock when it has one. The new pair is `put` into the
 * store before anyone uses it. A refresh, once sent, is never cancelled by a caller's signal:
 * losing its answer would lose the only valid refresh token.
 */
export class OAuthTokens {
  readonly #options: OAuthTokensOptions;
  readonly #inflight = new Map<string, Promise<GhlTokenSet>>();
  readonly #secrets = new Map<string, Set<string>>();
  #refreshCount = 0;

  constructor(options: OAuthTokensOptions) {
    this.#options = options;
  }

  /** How many refreshes this instance sent (for tests and metrics). */
  get refreshCount(): number {
    return this.#refreshCount;
  }

  source(connectionId: string, credentials: GhlOAuthCredentials): AccessTokenSource {
    return {
      current: (signal) => raceSignal(this.#current(connectionId, credentials), signal),
      renew: async (stale, signal) => toAccessToken(await raceSignal(this.#refresh(connectionId, credentials, stale), signal)),
      secrets: () => [credentials.clientSecret, ...(this.#secrets.get(connectionId) ?? [])],
    };
  }

  #remember(connectionId: string, tokens: GhlTokenSet): GhlTokenSet {
    let known = this.#secrets.get(connectionId);
    if (!known) this.#secrets.set(connectionId, (known = new Set()));
    known.add(tokens.accessToken);
    known.add(tokens.refreshToken);
    return tokens;
  }

  async #load(connectionId: string, credentials: GhlOAuthCredentials): Promise<GhlTokenSet> {
    const stored = await this.#options.store.get(connectionId);
    if (stored) return this.#remember(connectionId, stored);
    if (credentials.refreshToken === undefined) {
      throw new ActionError('credentials', `GHL connection "${connectionId}" has no OAuth tokens yet`, {
        hint: 'Authorize the app (buildGhlAuthorizationUrl, then exchangeGhlAuthorizationCode into the token store), or set credentials.refreshToken.',
      });
    }
    const expiresAt = credentials.expiresAt === undefined ? 0 : typeof credentials.expiresAt === 'number' ? credentials.expiresAt : Date.parse(credentials.expiresAt);
    const seeded: GhlTokenSet = {
      accessToken: credentials.accessToken ?? '',
      refreshToken: credentials.refreshToken,
      expiresAt: credentials.accessToken === undefined ? 0 : expiresAt,
      ...(credentials.userType === undefined ? {} : { userType: credentials.userType }),
    };
    await this.#options.store.put(connectionId, seeded);
    return this.#remember(connectionId, seeded);
  }

  #fresh(tokens: GhlTokenSet): boolean {
    return tokens.accessToken !== '' && tokens.expiresAt - this.#options.refreshSkewMs > this.#options.now();
  }

  async #current(connectionId: string, credentials: GhlOAuthCredentials): Promise<AccessToken> {
    const pending = this.#inflight.get(connectionId);
    if (pending) return toAccessToken(await pending);
    const tokens = await this.#load(connectionId, credentials);
    if (this.#fresh(tokens)) return toAccessToken(tokens);
    return toAccessToken(await this.#refresh(connectionId, credentials, tokens.accessToken));
  }

  #refresh(connectionId: string, credentials: GhlOAuthCredentials, stale: string): Promise<GhlTokenSet> {
    const pending = this.#inflight.get(connectionId);
    if (pending) return pending;
    const run = async (): Promise<GhlTokenSet> => {
      const { store } = this.#options;
      const locked = <T>(task: () => Promise<T>): Promise<T> =>
        withProcessRefreshLock(connectionId, () => (store.withRefreshLock ? store.withRefreshLock(connectionId, task) : task()));
      return locked(async () => {
        // Someone else (another connector, another process) may have refreshed already.
        const latest = await this.#load(connectionId, credentials);
        if (latest.accessToken !== stale && this.#fresh(latest)) return latest;
        this.#refreshCount += 1;
        const fresh = await requestTokens({
          baseUrl: this.#options.baseUrl,
          fetch: this.#options.fetch,
          clientId: credentials.clientId,
          clientSecret: credentials.clientSecret,
          userType: latest.userType ?? credentials.userType ?? 'Location',
          grant: {
            grantType: 'refresh_token',
            refreshToken: latest.refreshToken,
            ...(credentials.redirectUri === undefined ? {} : { redirectUri: credentials.redirectUri }),
          },
          timeoutMs: this.#options.timeoutMs,
          now: this.#options.now,
        });
        const merged: GhlTokenSet = {
          ...fresh,
          ...(fresh.locationId === undefined && latest.locationId !== undefined ? { locationId: latest.locationId } : {}),
          ...(fresh.companyId === undefined && latest.companyId !== undefined ? { companyId: latest.companyId } : {}),
        };
        this.#remember(connectionId, merged);
        await store.put(connectionId, merged);
        return merged;
      });
    };
    const promise = run().finally(() => this.#inflight.delete(connectionId));
    this.#inflight.set(connectionId, promise);
    return promise;
  }
}

/** The token source of one connection's credentials. */
export function tokenSourceFor(connectionId: string, credentials: GhlCredentials, oauth: OAuthTokens): AccessTokenSource {
  return credentials.type === 'private-token' ? staticTokenSource(credentials.token) : oauth.source(connectionId, credentials);
}
