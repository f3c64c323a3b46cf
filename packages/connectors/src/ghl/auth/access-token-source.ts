import { ActionError } from '@flowline/core';
import type { GhlOAuthCredentials } from './credentials.js';
import { requestTokens, type FetchLike } from './oauth-token-endpoint.js';
import { withProcessRefreshLock } from './refresh-lock.js';
import { isGhlTokenPair, type GhlTokenSet, type StoredGhlTokens, type TokenStore } from './token-store.js';
import { raceSignal } from '../race-signal.js';

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

function toAccessToken(tokens: StoredGhlTokens): AccessToken {
  return {
    token: tokens.accessToken,
    ...(tokens.locationId === undefined ? {} : { locationId: tokens.locationId }),
    ...(tokens.companyId === undefined ? {} : { companyId: tokens.companyId }),
  };
}

/** How to keep the tokens under one TokenStore key current: where they come from, and how to get new ones. */
export interface TokenRenewal {
  /** The TokenStore key. */
  readonly key: string;
  /** The tokens under `key` (seeding the store when it can), or undefined when there are none yet to renew from. */
  load(store: TokenStore): Promise<StoredGhlTokens | undefined>;
  /** New tokens from GHL, given the latest stored ones. Called once per renewal, under the locks. */
  obtain(latest: StoredGhlTokens | undefined): Promise<StoredGhlTokens>;
  /** The secrets the renewal sends (the app's client secret, an agency token), for scrubbing errors. */
  secrets(): readonly string[];
}

/** Who a connection's token pair belongs to, for messages: `GHL connection "main"`, `The GHL agency "cmp_1"`. */
export interface PairOwner {
  readonly label: string;
  readonly hint: string;
}

const AUTHORIZE_HINT =
  'Authorize the app (buildGhlAuthorizationUrl, then exchangeGhlAuthorizationCode into the token store), or set credentials.refreshToken.';

/**
 * OAuth tokens of many connections and locations: renews them ahead of expiry and after a 401.
 * Renewals of one TokenStore key are single-flight (concurrent callers share one request to GHL),
 * serialized across the process, and under the store's own lock when it has one. The new tokens
 * are `put` into the store before anyone uses them. A renewal, once sent, is never cancelled by a
 * caller's signal: losing its answer would lose the only valid refresh token.
 */
export class OAuthTokens {
  readonly #options: OAuthTokensOptions;
  readonly #inflight = new Map<string, Promise<StoredGhlTokens>>();
  readonly #secrets = new Map<string, Set<string>>();
  #refreshCount = 0;

  constructor(options: OAuthTokensOptions) {
    this.#options = options;
  }

  /** How many token requests (refreshes, location tokens) this instance sent (for tests and metrics). */
  get refreshCount(): number {
    return this.#refreshCount;
  }

  /** The token source of a token pair under `key` (a connection's id, or an agency's key), refreshed with its refresh token. */
  source(key: string, credentials: GhlOAuthCredentials, owner: PairOwner = { label: `GHL connection "${key}"`, hint: AUTHORIZE_HINT }): AccessTokenSource {
    return this.renewing(this.#pairRenewal(key, credentials, owner));
  }

  /** The token source of any renewal: current tokens, renewed single-flight per key. */
  renewing(renewal: TokenRenewal): AccessTokenSource {
    return {
      current: (signal) => raceSignal(this.#current(renewal), signal),
      renew: async (stale, signal) => toAccessToken(await raceSignal(this.#renew(renewal, stale), signal)),
      secrets: () => [...renewal.secrets(), ...(this.#secrets.get(renewal.key) ?? [])],
    };
  }

  #remember(key: string, tokens: StoredGhlTokens): StoredGhlTokens {
    let known = this.#secrets.get(key);
    if (!known) this.#secrets.set(key, (known = new Set()));
    known.add(tokens.accessToken);
    if (tokens.refreshToken !== undefined) known.add(tokens.refreshToken);
    return tokens;
  }

  async #load(renewal: TokenRenewal): Promise<StoredGhlTokens | undefined> {
    const tokens = await renewal.load(this.#options.store);
    return tokens === undefined ? undefined : this.#remember(renewal.key, tokens);
  }

  #fresh(tokens: StoredGhlTokens): boolean {
    return tokens.accessToken !== '' && tokens.expiresAt - this.#options.refreshSkewMs > this.#options.now();
  }

  async #current(renewal: TokenRenewal): Promise<AccessToken> {
    const pending = this.#inflight.get(renewal.key);
    if (pending) return toAccessToken(await pending);
    const tokens = await this.#load(renewal);
    if (tokens && this.#fresh(tokens)) return toAccessToken(tokens);
    return toAccessToken(await this.#renew(renewal, tokens?.accessToken));
  }

  #renew(renewal: TokenRenewal, stale: string | undefined): Promise<StoredGhlTokens> {
    const { key } = renewal;
    const pending = this.#inflight.get(key);
    if (pending) return pending;
    const run = async (): Promise<StoredGhlTokens> => {
      const { store } = this.#options;
      const locked = <T>(task: () => Promise<T>): Promise<T> =>
        withProcessRefreshLock(key, () => (store.withRefreshLock ? store.withRefreshLock(key, task) : task()));
      return locked(async () => {
        // Someone else (another connector, another process) may have renewed already.
        const latest = await this.#load(renewal);
        if (latest && latest.accessToken !== stale && this.#fresh(latest)) return latest;
        this.#refreshCount += 1;
        const fresh = this.#remember(key, await renewal.obtain(latest));
        await store.put(key, fresh);
        return fresh;
      });
    };
    const promise = run().finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, promise);
    return promise;
  }

  /** A token pair under `key`: seeded from the credentials when the store has none, refreshed with `refresh_token`. */
  #pairRenewal(key: string, credentials: GhlOAuthCredentials, owner: PairOwner): TokenRenewal {
    const { baseUrl, fetch, timeoutMs, now } = this.#options;
    const load = async (store: TokenStore): Promise<GhlTokenSet> => {
      const stored = await store.get(key);
      if (stored && isGhlTokenPair(stored)) return stored;
      if (stored) throw new ActionError('credentials', `${owner.label} holds a location token, not an OAuth token pair`, { hint: owner.hint });
      if (credentials.refreshToken === undefined) throw new ActionError('credentials', `${owner.label} has no OAuth tokens yet`, { hint: owner.hint });
      const expiresAt = credentials.expiresAt === undefined ? 0 : typeof credentials.expiresAt === 'number' ? credentials.expiresAt : Date.parse(credentials.expiresAt);
      const seeded: GhlTokenSet = {
        accessToken: credentials.accessToken ?? '',
        refreshToken: credentials.refreshToken,
        expiresAt: credentials.accessToken === undefined ? 0 : expiresAt,
        ...(credentials.userType === undefined ? {} : { userType: credentials.userType }),
      };
      await store.put(key, seeded);
      return seeded;
    };
    return {
      key,
      load,
      secrets: () => [credentials.clientSecret],
      obtain: async (latest) => {
        if (latest === undefined || !isGhlTokenPair(latest)) throw new ActionError('internal', `${owner.label}: no token pair to refresh`);
        const fresh = await requestTokens({
          baseUrl,
          fetch,
          clientId: credentials.clientId,
          clientSecret: credentials.clientSecret,
          userType: latest.userType ?? credentials.userType ?? 'Location',
          grant: {
            grantType: 'refresh_token',
            refreshToken: latest.refreshToken,
            ...(credentials.redirectUri === undefined ? {} : { redirectUri: credentials.redirectUri }),
          },
          timeoutMs,
          now,
        });
        return {
          ...fresh,
          ...(fresh.locationId === undefined && latest.locationId !== undefined ? { locationId: latest.locationId } : {}),
          ...(fresh.companyId === undefined && latest.companyId !== undefined ? { companyId: latest.companyId } : {}),
        };
      },
    };
  }
}
