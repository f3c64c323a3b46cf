import { randomBytes } from 'node:crypto';

/** What a bearer token grants: one location, and optionally a list of scopes (none listed = every scope). */
export interface TokenGrant {
  readonly locationId: string;
  readonly scopes?: readonly string[] | undefined;
}

/**
 * What an agency (Company) token grants: the company's locations where the app is installed,
 * through `POST /oauth/locationToken` and `GET /oauth/installedLocations`, and no location API.
 */
export interface CompanyGrant {
  readonly companyId: string;
  readonly scopes?: readonly string[] | undefined;
}

/** A grant the sandbox issues tokens for: a location's, or a company's (an agency install). */
export type IssuedGrant = { readonly location: TokenGrant } | { readonly company: CompanyGrant };

export type TokenCheck =
  | { readonly ok: true; readonly grant: TokenGrant; readonly kind: 'private' | 'oauth' }
  | { readonly ok: true; readonly company: CompanyGrant; readonly kind: 'company' }
  | { readonly ok: false; readonly reason: 'unknown' | 'expired' };

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly issued: IssuedGrant;
}

interface AccessToken {
  readonly issued: IssuedGrant;
  readonly expiresAt: number;
  /** The company whose agency token this location token was obtained with (`/oauth/locationToken`). */
  readonly viaCompany?: string;
}

const CODE_LIFETIME_MS = 10 * 60_000;

function secret(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

function companyOf(issued: IssuedGrant): string | undefined {
  return 'company' in issued ? issued.company.companyId : undefined;
}

/**
 * Bearer tokens the sandbox accepts: private-integration tokens configured at start, and the
 * OAuth authorization codes, access tokens and refresh tokens it issues, for a location or for a
 * company (agency). Codes and refresh tokens are single-use; access tokens expire after
 * `accessTokenLifetimeSeconds`. Location tokens obtained from an agency token come without a
 * refresh token, as `GetLocationAccessTokenSuccessfulResponseDto` says.
 * Token strings are random (node:crypto), never derived from the seed.
 */
export class TokenStore {
  private readonly privateTokens = new Map<string, TokenGrant>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, IssuedGrant>();
  private readonly usedRefreshTokens = new Set<string>();
  private readonly codes = new Map<string, { issued: IssuedGrant; expiresAt: number }>();

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
    return 'company' in access.issued ? { ok: true, company: access.issued.company, kind: 'company' } : { ok: true, grant: access.issued.location, kind: 'oauth' };
  }

  issueCode(issued: IssuedGrant): string {
    const code = randomBytes(20).toString('hex');
    this.codes.set(code, { issued, expiresAt: this.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** Exchanges a code (once) for a token pair; `undefined` for an unknown, used or stale code. */
  exchangeCode(code: string): TokenPair | undefined {
    const entry = this.codes.get(code);
    this.codes.delete(code);
    if (entry === undefined || this.now() >= entry.expiresAt) return undefined;
    return this.issuePair(entry.issued);
  }

  /** Exchanges a refresh token (once) for a new pair; a reused or unknown one gets `undefined`. */
  refresh(refreshToken: string): { pair: TokenPair } | { reused: boolean } {
    const issued = this.refreshTokens.get(refreshToken);
    if (issued === undefined) return { reused: this.usedRefreshTokens.has(refreshToken) };
    this.refreshTokens.delete(refreshToken);
    this.usedRefreshTokens.add(refreshToken);
    return { pair: this.issuePair(issued) };
  }

  /** A location access token obtained with a company's agency token: no refresh token. */
  issueLocationToken(grant: TokenGrant, viaCompany: string): { accessToken: string; expiresIn: number } {
    const accessToken = secret('sbx_lat');
    this.accessTokens.set(accessToken, { issued: { location: grant }, expiresAt: this.now() + this.accessTokenLifetimeSeconds * 1000, viaCompany });
    return { accessToken, expiresIn: this.accessTokenLifetimeSeconds };
  }

  /**
   * Revokes every token of a company, as uninstalling the app from the agency does: its agency
   * access and refresh tokens, and the location tokens obtained with them. Returns how many.
   */
  revokeCompany(companyId: string): number {
    let revoked = 0;
    for (const [token, access] of this.accessTokens) {
      if (companyOf(access.issued) === companyId || access.viaCompany === companyId) {
        this.accessTokens.delete(token);
        revoked += 1;
      }
    }
    for (const [token, issued] of this.refreshTokens) {
      if (companyOf(issued) === companyId) {
        this.refreshTokens.delete(token);
        revoked += 1;
      }
    }
    return revoked;
  }

  private issuePair(issued: IssuedGrant): TokenPair {
    const accessToken = secret('sbx_at');
    const refreshToken = secret('sbx_rt');
    this.accessTokens.set(accessToken, { issued, expiresAt: this.now() + this.accessTokenLifetimeSeconds * 1000 });
    this.refreshTokens.set(refreshToken, issued);
    return { accessToken, refreshToken, expiresIn: this.accessTokenLifetimeSeconds, issued };
  }
}
