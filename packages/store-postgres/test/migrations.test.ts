import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostgresStore, LATEST_VERSION, MIGRATIONS, type PostgresStore } from '../src/index.js';
import { adminQuery, dropSchema, PG_URL, TEST_KEY, uniqueSchema } from './pg-schema.js';

const schemas: string[] = [];
const stores: PostgresStore[] = [];

function newSchema(): string {
  const schema = uniqueSchema('migrations');
  schemas.push(schema);
  return schema;
}

async function open(schema: string): Promise<PostgresStore> {
  const store = await createPostgresStore({ connectionString: PG_URL, schema, encryptionKey: TEST_KEY });
  stores.push(store);
  return store;
}

async function applied(schema: string): Promise<number[]> {
  return (await adminQuery<{ version: number }>(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`)).map((row) => row.version);
}

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const schema of schemas.splice(0)) await dropSchema(schema);
});

describe('migrations', () => {
  it('creates the schema and brings it to the latest version, recording each step', async () => {
    const schema = newSchema();
    const store = await open(schema);
    expect(await store.schemaVersion()).toBe(LATEST_VERSION);
    expect(await applied(schema)).toEqual(MIGRATIONS.map((migration) => migration.version));
    const tables = await adminQuery<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`, [schema]);
    expect(tables.map((row) => row.table_name)).toEqual(
      ['dead_letters', 'idempotency', 'inbox', 'leases', 'links', 'parked_deliveries', 'runs', 'schema_migrations', 'snapshots', 'steps', 'tenants', 'timers', 'tokens', 'workflow_versions'],
    );
  });

  it('is idempotent: opening a migrated schema again changes nothing and keeps the records', async () => {
    const schema = newSchema();
    const first = await open(schema);
    await first.putLink('ns', 'usr_1', 'ct_1');
    await first.close();
    stores.splice(stores.indexOf(first), 1);
    const again = await open(schema);
    expect(await again.schemaVersion()).toBe(LATEST_VERSION);
    expect(await applied(schema)).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(await again.getLink('ns', 'usr_1')).toBe('ct_1');
  });

  it('migrates a new schema once when several stores open it at the same moment', async () => {
    const schema = newSchema();
    const opened = await Promise.all(Array.from({ length: 6 }, () => open(schema)));
    for (const store of opened) expect(await store.schemaVersion()).toBe(LATEST_VERSION);
    expect(await applied(schema)).toEqual(MIGRATIONS.map((migration) => migration.version));
    await opened[0]!.putLink('ns', 'a', 'b');
    expect(await opened[5]!.getLink('ns', 'a')).toBe('b');
  });

  it('waits for the advisory lock another connection holds on the schema before migrating', async () => {
    const schema = newSchema();
    const holder = new pg.Client({ connectionString: PG_URL });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, hashtext($2))', [0x466c6f77, schema]);
      let done = false;
      const opening = open(schema).then((store) => {
        done = true;
        return store;
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(done).toBe(false);
      expect(await adminQuery(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema])).toEqual([]);
      await holder.query('SELECT pg_advisory_unlock($1, hashtext($2))', [0x466c6f77, schema]);
      expect(await (await opening).schemaVersion()).toBe(LATEST_VERSION);
    } finally {
      await holder.end();
    }
  });

  it('keeps stores in two schemas of one database apart', async () => {
    const a = await open(newSchema());
    const b = await open(newSchema());
    await a.putLink('ns', 'usr_1', 'in-a');
    expect(await b.getLink('ns', 'usr_1')).toBeUndefined();
  });

  it('refuses a schema migrated by a newer version', async () => {
    const schema = newSchema();
    await open(schema);
    await adminQuery(`INSERT INTO "${schema}".schema_migrations (version, name, applied_at) VALUES ($1, 'from the future', 'x')`, [LATEST_VERSION + 1]);
    await expect(open(schema)).rejects.toMatchObject({ code: 'store.schema_too_new' });
  });

  it('refuses a schema name it would have to quote', async () => {
    for (const schema of ['Flowline', 'a-b', 'x"; DROP SCHEMA public; --', '', '1abc', 'x'.repeat(64)]) {
      await expect(createPostgresStore({ connectionString: PG_URL, schema }), schema).rejects.toMatchObject({ code: 'store.invalid_options' });
    }
  });
});
