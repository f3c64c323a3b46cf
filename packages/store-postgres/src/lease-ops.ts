import { FlowlineError } from '@flowline/core';
import type { Database } from './database.js';
import { checkId, sqlLimit } from './input-checks.js';

/** Who holds a key (an ordering key, a run id) until when (ms since the epoch). */
export interface Lease {
  readonly key: string;
  readonly owner: string;
  readonly expiresAt: number;
}

export interface LeaseRequest {
  /** What is leased, e.g. `order:usr_1` or `run:r_42`. */
  readonly key: string;
  /** The worker asking (e.g. `host-a:pid-123`); asking again as the same owner renews. */
  readonly owner: string;
  readonly ttlMs: number;
}

/** The SQLite store's leases, on PostgreSQL: the same calls and the same meaning. */
export interface LeaseOps {
  /** Takes the lease when it is free, expired, or already the owner's (which renews it), in one statement. `lease` is whoever holds it afterwards. */
  acquireLease(request: LeaseRequest): Promise<{ readonly acquired: boolean; readonly lease: Lease }>;
  /** Gives the lease up, only if `owner` holds it. */
  releaseLease(key: string, owner: string): Promise<{ readonly released: boolean }>;
  getLease(key: string): Promise<Lease | undefined>;
  /** Leases whose holder stopped renewing them, oldest expiry first; `prefix` narrows by key. */
  listExpiredLeases(options?: { readonly prefix?: string; readonly limit?: number }): Promise<Lease[]>;
}

interface LeaseRow {
  key: string;
  owner: string;
  expires_at: string;
}

/**
 * Leases of each tenant, timed by this process's `clock` as in the SQLite store. (Leases several
 * processes share, timed by the database's clock and renewed by heartbeats, come with
 * multi-process work claiming.)
 */
export function createLeaseOps(db: Database, clock: () => number): (tenant: string) => LeaseOps {
  const table = db.table('leases');
  const take = `INSERT INTO ${table} AS leases (tenant, key, owner, expires_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant, key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
     WHERE leases.owner = excluded.owner OR leases.expires_at <= $5
     RETURNING key, owner, expires_at`;
  const get = `SELECT key, owner, expires_at FROM ${table} WHERE tenant = $1 AND key = $2`;
  const release = `DELETE FROM ${table} WHERE tenant = $1 AND key = $2 AND owner = $3`;
  const expired = `SELECT key, owner, expires_at FROM ${table} WHERE tenant = $1 AND expires_at <= $2 AND left(key, length($3)) = $3 ORDER BY expires_at LIMIT $4`;

  return (tenant) => ({
    async acquireLease(request) {
      checkId(request.key, 'key', 'acquireLease');
      checkId(request.owner, 'owner', 'acquireLease');
      if (!Number.isInteger(request.ttlMs) || request.ttlMs <= 0) {
        throw new FlowlineError('store.invalid_input', `Expected \`ttlMs\` of acquireLease to be a positive integer, got ${String(request.ttlMs)}.`);
      }
      const now = clock();
      return db.write(async (sql) => {
        const taken = (await sql.query<LeaseRow>(take, [tenant, request.key, request.owner, now + request.ttlMs, now])).rows[0];
        if (taken !== undefined) return { acquired: true, lease: toLease(taken) };
        const held = (await sql.query<LeaseRow>(get, [tenant, request.key])).rows[0];
        if (held === undefined) throw new FlowlineError('store.corrupt', `Lease ${JSON.stringify(request.key)} is missing right after it was written.`);
        return { acquired: false, lease: toLease(held) };
      }, true);
    },
    async releaseLease(key, owner) {
      return db.write(async (sql) => ({ released: (await sql.query(release, [tenant, key, owner])).rowCount === 1 }));
    },
    async getLease(key) {
      const row = await db.read(async (sql) => (await sql.query<LeaseRow>(get, [tenant, key])).rows[0]);
      return row === undefined ? undefined : toLease(row);
    },
    async listExpiredLeases(options = {}) {
      const values = [tenant, clock(), options.prefix ?? '', sqlLimit(options.limit, 'listExpiredLeases')];
      return (await db.read(async (sql) => (await sql.query<LeaseRow>(expired, values)).rows)).map(toLease);
    },
  });
}

/** bigint comes back from node-postgres as text: ms since the epoch fit a double exactly. */
function toLease(row: LeaseRow): Lease {
  return { key: row.key, owner: row.owner, expiresAt: Number(row.expires_at) };
}
