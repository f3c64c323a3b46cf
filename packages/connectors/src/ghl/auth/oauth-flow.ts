import type { GhlUserType } from './credentials.js';
import { requestTokens, type FetchLike } from './oauth-token-endpoint.js';
import type { GhlTokenSet, TokenStore } from './token-store.js';

/** The hosts of GHL's app authorization page (reference/ghl/docs/Authorization.md, step 3). */
export const GHL_AUTHORIZATION_HOSTS = {
  standard: 'https://marketplace.gohighlevel.com',
  whiteLabel: 'https://marketplace.leadconnectorhq.com',
} as const;

export const GHL_PRODUCTION_BASE_URL = 'https://services.leadconnectorhq.com';

export interface AuthorizationUrlOptions {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  /** The white-labeled marketplace host (default false). */
  readonly whiteLabel?: boolean;
  /** `self` logs a signed-out user in within the same tab (GHL's `loginWindowOpenMode`). */
  readonly loginWindowOpenMode?: 'self';
}

function requireText(name: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`Expected \`${name}\` to be a non-empty string`);
}

/**
 * The URL to send a location or agency admin to, to install the app:
 * `/v2/oauth/chooselocation?response_type=code&redirect_uri=...&client_id=...&scope=a b`.
 */
export function buildGhlAuthorizationUrl(options: AuthorizationUrlOptions): string {
  requireText('clientId', options.clientId);
  requireText('redirectUri', options.redirectUri);
  if (!Array.isArray(options.scopes) || options.scopes.length === 0) {
    throw new TypeError('Expected `scopes` to be a non-empty list of GHL scopes, e.g. ["contacts.readonly"]');
  }
  const host = options.whiteLabel ? GHL_AUTHORIZATION_HOSTS.whiteLabel : GHL_AUTHORIZATION_HOSTS.standard;
  const url = new URL('/v2/oauth/chooselocation', host);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('scope', options.scopes.join(' '));
  if (options.loginWindowOpenMode !== undefined) url.searchParams.set('loginWindowOpenMode', options.loginWindowOpenMode);
  return url.toString().replace(/\+/g, '%20');
}

export interface ExchangeCodeOptions {
  readonly code: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly userType: GhlUserType;
  readonly redirectUri?: string;
  /** Default production (`https://services.leadconnectorhq.com`). */
  readonly baseUrl?: string;
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
  /** When both are given, the token pair is stored for the connection before it is returned. */
  readonly tokenStore?: TokenStore;
  readonly connectionId?: string;
}

/** Exchanges the `code` GHL redirected with for a token pair (`grant_type=authorization_code`). */
export async function exchangeGhlAuthorizationCode(options: ExchangeCodeOptions): Promise<GhlTokenSet> {
  requireText('code', options.code);
  requireText('clientId', options.clientId);
  requireText('clientSecret', options.clientSecret);
  if (options.userType !== 'Location' && options.userType !== 'Company') {
    throw new TypeError("Expected `userType` to be 'Location' or 'Company'");
  }
  if ((options.tokenStore === undefined) !== (options.connectionId === undefined)) {
    throw new TypeError('Expected `tokenStore` and `connectionId` together (to store the new tokens), or neither');
  }
  const tokens = await requestTokens({
    baseUrl: options.baseUrl ?? GHL_PRODUCTION_BASE_URL,
    fetch: options.fetch ?? fetch,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    userType: options.userType,
    grant: {
      grantType: 'authorization_code',
      code: options.code,
      ...(options.redirectUri === undefined ? {} : { redirectUri: options.redirectUri }),
    },
    timeoutMs: options.timeoutMs ?? 30_000,
    now: Date.now,
  });
  if (options.tokenStore && options.connectionId !== undefined) await options.tokenStore.put(options.connectionId, tokens);
  return tokens;
}
