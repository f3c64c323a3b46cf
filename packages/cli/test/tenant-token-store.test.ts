import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ghlTokenKeys } from '@flowline/connectors';
import { createSqliteStore, type SqliteStore } from '@flowline/store-sqlite';
import { createTenantTokenStore, tokenHome } from '../src/host/tenant-token-store.js';
import { hostTenantOf, tenantRecordOf } from '../src/tenants/stored-tenant.js';

const PAIR = { accessToken: 'at', refreshToken: 'rt', expiresAt: 1 };

describe('the host token store: each tenant keeps its own GHL tokens', () => {
  let dir: string;
  let sqlite: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowline-tokens-'));
    sqlite = createSqliteStore({ path: join(dir, 'flowline.db'), encryptionKey: Buffer.alloc(32, 7) });
  });
  afterEach(async () => {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gives two tenants' OAuth connections of the same name two token keys, each kept in its tenant's records and deleted with it", async () => {
    const settingsOf = (id: string) =>
      hostTenantOf(tenantRecordOf(id, { connections: { ghl: { connector: 'ghl', credentials: { type: 'oauth', clientId: 'c', clientSecret: 's' } } }, signingSecrets: ['s'] }, new Date().toISOString())).settings;
    const keyOf = (id: string) => settingsOf(id).connections?.['ghl']?.settings?.['connectionId'] as string;
    const tokens = createTenantTokenStore(sqlite);

    await tokens.put(keyOf('gym-a'), { ...PAIR, accessToken: 'at-a' });
    await tokens.put(keyOf('gym-b'), { ...PAIR, accessToken: 'at-b' });
    await tokens.put('ghl', { ...PAIR, accessToken: 'at-default' });

    expect(keyOf('gym-a')).not.toBe(keyOf('gym-b'));
    expect(await sqlite.forTenant('gym-a').getTokens('ghl')).toMatchObject({ accessToken: 'at-a' });
    expect(await sqlite.forTenant('gym-b').getTokens('ghl')).toMatchObject({ accessToken: 'at-b' });
    expect(await sqlite.getTokens('ghl')).toMatchObject({ accessToken: 'at-default' });
    await sqlite.deleteTenant('gym-a');
    expect(await tokens.get(keyOf('gym-a'))).toBeUndefined();
    expect(await tokens.get(keyOf('gym-b'))).toMatchObject({ accessToken: 'at-b' });
  });

  it("keeps an agency install's location token under the tenant that uses it, and the agency's own pair with the default tenant", () => {
    expect(tokenHome(ghlTokenKeys.location('gym-a', 'loc_1'))).toEqual({ tenant: 'gym-a', key: ghlTokenKeys.location('gym-a', 'loc_1') });
    expect(tokenHome(ghlTokenKeys.agency('cmp_1'))).toEqual({ tenant: 'default', key: ghlTokenKeys.agency('cmp_1') });
    expect(tokenHome('tenant:not a tenant:ghl')).toEqual({ tenant: 'default', key: 'tenant:not a tenant:ghl' });
  });
});
