import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPostgresStore, type PostgresStore } from '../src/index.js';
import { adminQuery, dropSchema, OTHER_KEY, PG_URL, TEST_KEY, uniqueSchema } from './pg-schema.js';

const tokens = { accessToken: 'at-SECRET-ACCESS', refreshToken: 'rt-SECRET-REFRESH', expiresAt: 1_800_000_000_000 };
const secrets = { ghl: { clientSecret: 'cs-SECRET-CLIENT' }, pushpressSigningSecret: 'whsec-SECRET-SIGNING' };

let schema: string;
const stores: PostgresStore[] = [];

async function open(encryptionKey?: string): Promise<PostgresStore> {
  const store = await createPostgresStore({ connectionString: PG_URL, schema, encryptionKey });
  stores.push(store);
  return store;
}

/** Every row of a table as the server holds it, as one text: what someone reading the database sees. */
async function raw(table: string): Promise<string> {
  const rows = await adminQuery(`SELECT * FROM "${schema}"."${table}"`);
  return JSON.stringify(rows, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'Buffer' ? Buffer.from((value as { data: number[] }).data).toString('latin1') : value,
  );
}

beforeEach(() => {
  schema = uniqueSchema('crypto');
});

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await dropSchema(schema);
});

describe('encryption at rest', () => {
  it('keeps OAuth tokens as AES-256-GCM ciphertext: not readable in the table, read back with the key', async () => {
    const store = await open(TEST_KEY);
    await store.forTenant('gym-a').putTokens('ghl:loc_1', tokens);
    const table = await raw('tokens');
    expect(table).toContain('ghl:loc_1');
    for (const secret of ['at-SECRET-ACCESS', 'rt-SECRET-REFRESH', 'accessToken']) expect(table).not.toContain(secret);
    const [row] = await adminQuery<{ key_id: string; iv: Buffer; tag: Buffer }>(`SELECT key_id, iv, tag FROM "${schema}".tokens`);
    expect(row?.key_id).toMatch(/^k_[0-9a-f]{16}$/);
    expect(row?.iv).toHaveLength(12);
    expect(row?.tag).toHaveLength(16);
    expect(await store.forTenant('gym-a').getTokens('ghl:loc_1')).toEqual(tokens);
    expect(await store.forTenant('gym-b').getTokens('ghl:loc_1')).toBeUndefined();
  });

  it("keeps a tenant's secrets encrypted, its settings readable", async () => {
    const store = await open(TEST_KEY);
    const record = { id: 'gym-a', settings: { name: 'Gym A' }, secrets, createdAt: 't0', updatedAt: 't0' };
    await store.putTenant(record);
    const table = await raw('tenants');
    expect(table).toContain('Gym A');
    for (const secret of ['cs-SECRET-CLIENT', 'whsec-SECRET-SIGNING', 'clientSecret']) expect(table).not.toContain(secret);
    expect(await store.getTenant('gym-a')).toEqual(record);
  });

  it('refuses tokens and secrets without a key, and names a wrong key', async () => {
    const keyed = await open(TEST_KEY);
    await keyed.putTokens('c1', tokens);
    await keyed.putTenant({ id: 'gym-a', settings: {}, secrets, createdAt: 't0', updatedAt: 't0' });
    const keyless = await open();
    await expect(keyless.putTokens('c2', tokens)).rejects.toMatchObject({ code: 'store.no_encryption_key' });
    await expect(keyless.putTenant({ id: 'gym-b', settings: {}, secrets, createdAt: 't0', updatedAt: 't0' })).rejects.toMatchObject({ code: 'store.no_encryption_key' });
    const other = await open(OTHER_KEY);
    await expect(other.getTokens('c1')).rejects.toMatchObject({ code: 'store.token_key_mismatch' });
    await expect(other.getTenant('gym-a')).rejects.toMatchObject({ code: 'store.secret_key_mismatch' });
  });

  it('does not decrypt a ciphertext copied to another connection', async () => {
    const store = await open(TEST_KEY);
    await store.putTokens('c1', tokens);
    await store.putTokens('c2', { accessToken: 'other' });
    await adminQuery(`UPDATE "${schema}".tokens SET iv = src.iv, tag = src.tag, ciphertext = src.ciphertext FROM "${schema}".tokens src WHERE tokens.connection_id = 'c2' AND src.connection_id = 'c1'`);
    await expect(store.getTokens('c2')).rejects.toMatchObject({ code: 'store.token_corrupt' });
  });

  it('re-encrypts tokens and tenant secrets under a new key, every tenant\u2019s', async () => {
    const before = await open(TEST_KEY);
    await before.forTenant('gym-a').putTokens('c1', tokens);
    await before.forTenant('gym-b').putTokens('c1', { accessToken: 'b' });
    await before.putTenant({ id: 'gym-a', settings: {}, secrets, createdAt: 't0', updatedAt: 't0' });
    const after = await open(OTHER_KEY);
    expect(await after.reencryptTokens(TEST_KEY)).toEqual({ reencrypted: 2, otherKey: 0 });
    expect(await after.reencryptTenantSecrets(TEST_KEY)).toEqual({ reencrypted: 1, otherKey: 0 });
    expect(await after.forTenant('gym-a').getTokens('c1')).toEqual(tokens);
    expect(await after.forTenant('gym-b').getTokens('c1')).toEqual({ accessToken: 'b' });
    expect((await after.getTenant('gym-a'))?.secrets).toEqual(secrets);
    await expect(before.forTenant('gym-a').getTokens('c1')).rejects.toMatchObject({ code: 'store.token_key_mismatch' });
  });

  it('deletes tokens of one connection of one tenant', async () => {
    const store = await open(TEST_KEY);
    await store.forTenant('gym-a').putTokens('c1', tokens);
    await store.forTenant('gym-b').putTokens('c1', tokens);
    expect(await store.forTenant('gym-a').deleteTokens('c1')).toEqual({ deleted: true });
    expect(await store.forTenant('gym-a').deleteTokens('c1')).toEqual({ deleted: false });
    expect(await store.forTenant('gym-b').getTokens('c1')).toEqual(tokens);
  });
});
