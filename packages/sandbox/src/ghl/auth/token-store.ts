import { randomBytes } from 'node:crypto';

/** What a bearer token grants: one location, and optionally a list of scopes (none listed = every scope). */
export interface TokenGrant {
  readonly locationId: string;
  readonly scopes?: readonly string[] | undefined;
}

export type TokenCheck =
  | { readonly ok: true; readonly grant: TokenGrant; readonly kind: 'private' | 'oauth' }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' };

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly grant: TokenGrant;
}

interface AccessToken {
  readonly grant: TokenGrant;
  readonly expiresAt: number;
}

const CODE_LIFETIME_MS = 10 * 60_000;

function secret(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

/**
 * Bearer tokens the sandbox accepts: private-integration tokens configured at start, and the
 * OAuth authorization codes, access tokens and refresh tokens it issues. Codes and refresh
 * tokens are single-use; access tokens expire after `accessTokenLifetimeSeconds`.
 * Token strings are random (node:crypto), never derived from the seed.
 */
export class TokenStore {
  private readonly privateTokens = new Map<string, TokenGrant>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, TokenGrant>();
  private readonly usedRefreshTokens = new Set<string>();
  private readonly codes = new Map<string, { grant: TokenGrant; expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly accessTokenLifetimeSeconds: number,
  ) {}

  addPrivateToken(token: string, grant: TokenGrant): void {
    this.privateTokens.set(token, grant);
  }

  check(token: string): TokenCheck {
    const grant = this.privateTokens.get(token);
    if (grant !== undefined) return { ok: true, grant, kind: 'private' };
    const access = this.accessTokens.get(token);
    if (access === undefined) return { ok: false, reason: 'unknown' };
    if (this.now() >= access.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, grant: access.grant, kind: 'oauth' };
  }

  issueCode(grant: TokenGrant): string {
    const code = randomBytes(20).toString('hex');
    this.codes.set(code, { grant, expiresAt: this.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** Exchanges a code (once) for a token pair; `undefined` for an unknown, used or stale code. */
  exchangeCode(code: string): TokenPair | undefined {
    const entry = this.codes.get(code);
    this.codes.delete(code);
    if (entry === undefined || this.now() >= entry.expiresAt) return undefined;
    return this.issuePair(entry.grant);
  }

  /** Exchanges a refresh token (once) for a new pair; a reused or unknown one gets `undefined`. */
  refresh(refreshToken: string): { pair: TokenPair } | { reused: boolean } {
    const grant = this.refreshTokens.get(refreshToken);
    if (grant === undefined) return { reused: this.usedRefreshTokens.has(refreshToken) };
    this.refreshTokens.delete(refreshToken);
    this.usedRefreshTokens.add(refreshToken);
    return { pair: this.issuePair(grant) };
  }

  private issuePair(grant: TokenGrant): TokenPair {
    const accessToken = secret('sbx_at');
    const refreshToken = secret('sbx_rt');
    this.accessTokens.set(accessToken, { grant, expiresAt: this.now() + this.accessTokenLifetimeSeconds * 1000 });
    this.refreshTokens.set(refreshToken, grant);
    return { accessToken, refreshToken, expiresIn: this.accessTokenLifetimeSeconds, grant };
  }
}
