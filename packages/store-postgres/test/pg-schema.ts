import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The test server: PostgreSQL on 127.0.0.1:5432, trust authentication, database `test` (override with FLOWLINE_TEST_POSTGRES). */
export const PG_URL = process.env['FLOWLINE_TEST_POSTGRES'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fixed 32-byte test key (never a real one), the SQLite tests' own. */
export const TEST_KEY = Buffer.alloc(32, 7).toString('base64');
export const OTHER_KEY = Buffer.alloc(32, 9).toString('hex');

/** A schema name no other test uses. */
export function uniqueSchema(label = 't'): string {
  return `flowline_test_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Runs `sql` on a connection of its own (outside any store). */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await adminQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
