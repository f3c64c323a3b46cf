import { ActionError } from '@flowline/core';
import { ghlMessage } from '../errors/classify-response.js';
import { redactText } from '../errors/redact.js';
import type { GhlUserType } from './credentials.js';
import type { GhlTokenSet } from './token-store.js';

/** What the GHL client reads of an answer: a fetch `Response` is one, and so is http-fetch.ts's lighter object. */
export interface FetchAnswer {
  readonly ok: boolean;
  readonly status: number;
  readonly headers: AnswerHeaders;
  text(): Promise<string>;
}

/** Header lookup by case-insensitive name; several values come joined with ", ", as `Headers.get` does. */
export interface AnswerHeaders {
  get(name: string): string | null;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<FetchAnswer>;

export type TokenGrant =
  | { readonly grantType: 'authorization_code'; readonly code: string; readonly redirectUri?: string }
  | { readonly grantType: 'refresh_token'; readonly refreshToken: string; readonly redirectUri?: string };

export interface TokenRequest {
  readonly baseUrl: string;
  readonly fetch: FetchLike;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly userType: GhlUserType;
  readonly grant: TokenGrant;
  readonly timeoutMs: number;
  readonly now: () => number;
}

const REQUEST = 'POST /oauth/token';

function stringField(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * `POST /oauth/token` (oauth.json `get-access-token`): form-encoded, answers
 * `GetAccessCodeSuccessfulResponseDto`. Not retried: a refresh token is single-use, so a lost
 * answer cannot be asked for again.
 */
export async function requestTokens(request: TokenRequest): Promise<GhlTokenSet> {
  const { grant } = request;
  const form = new URLSearchParams({
    client_id: request.clientId,
    client_secret: request.clientSecret,
    grant_type: grant.grantType,
    user_type: request.userType,
  });
  if (grant.grantType === 'authorization_code') form.set('code', grant.code);
  else form.set('refresh_token', grant.refreshToken);
  if (grant.redirectUri !== undefined) form.set('redirect_uri', grant.redirectUri);
  const secrets = [request.clientSecret, grant.grantType === 'authorization_code' ? grant.code : grant.refreshToken];
  const what = grant.grantType === 'authorization_code' ? 'exchange the authorization code' : 'refresh the access token';

  let response: FetchAnswer;
  try {
    response = await request.fetch(`${request.baseUrl.replace(/\/+$/, '')}/oauth/token`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new ActionError(timedOut ? 'timeout' : 'network', `Could not reach GHL to ${what} (${REQUEST})`, {
      request: REQUEST,
      hint: 'If this was a refresh, GHL may have used up the refresh token; reconnect if the next call fails with credentials.',
    });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = text;
  }
  if (!response.ok) {
    const said = ghlMessage(body);
    const suffix = said === undefined ? '' : `: ${redactText(said, secrets)}`;
    const category = response.status >= 500 ? 'server' : 'credentials';
    throw new ActionError(category, `GHL refused to ${what} (${response.status})${suffix}`, {
      status: response.status,
      request: REQUEST,
      hint: category === 'credentials' ? 'Reconnect the GHL connection: authorize the app again to get a new token pair.' : 'GHL failed; try again later.',
    });
  }
  const record = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const accessToken = stringField(record, 'access_token');
  const refreshToken = stringField(record, 'refresh_token');
  const expiresIn = record['expires_in'];
  if (accessToken === undefined || refreshToken === undefined || typeof expiresIn !== 'number') {
    throw new ActionError('server', `GHL answered ${REQUEST} without access_token, refresh_token and expires_in`, { status: response.status, request: REQUEST });
  }
  const userType = record['userType'];
  const tokens: GhlTokenSet = {
    accessToken,
    refreshToken,
    expiresAt: request.now() + expiresIn * 1000,
    userType: userType === 'Location' || userType === 'Company' ? userType : request.userType,
  };
  const ids = { scope: stringField(record, 'scope'), locationId: stringField(record, 'locationId'), companyId: stringField(record, 'companyId'), userId: stringField(record, 'userId') };
  return { ...tokens, ...Object.fromEntries(Object.entries(ids).filter(([, v]) => v !== undefined)) };
}
