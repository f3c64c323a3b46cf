import type { Database } from 'better-sqlite3';
import { FlowlineError } from '@flowline/core';
import { checkId, sqlLimit } from './input-checks.js';
import type { WriteQueue } from './write-queue.js';

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

export interface LeaseOps {
  /**
   * Takes the lease when it is free, expired, or already the owner's (which renews it), in one
   * transaction. `lease` is whoever holds it afterwards.
   */
  acquireLease(request: LeaseRequest): Promise<{ readonly acquired: boolean; readonly lease: Lease }>;
  /** Gives the lease up, only if `owner` holds it. */
  releaseLease(key: string, owner: string): Promise<{ readonly released: boolean }>;
  getLease(key: string): Promise<Lease | undefined>;
  /** Leases whose holder stopped renewing them (crashed workers), oldest expiry first; `prefix` narrows by key. */
  listExpiredLeases(options?: { readonly prefix?: string; readonly limit?: number }): Promise<Lease[]>;
}

interface LeaseRow {
  key: string;
  owner: string;
  expires_at: number;
}

/** Leases of each tenant (keys name a tenant's ordering keys, runs and connections). Statements are prepared once. */
export function createLeaseOps(db: Database, queue: WriteQueue, clock: () => number): (tenant: string) => LeaseOps {
  const take = db.prepare<[string, string, string, number, number]>(
    `INSERT INTO leases (tenant, key, owner, expires_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (tenant, key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
     WHERE leases.owner = excluded.owner OR leases.expires_at <= ?`,
  );
  const get = db.prepare<[string, string], LeaseRow>(`SELECT key, owner, expires_at FROM leases WHERE tenant = ? AND key = ?`);
  const release = db.prepare<[string, string, string]>(`DELETE FROM leases WHERE tenant = ? AND key = ? AND owner = ?`);
  const expired = db.prepare<[{ tenant: string; now: number; prefix: string; limit: number }], LeaseRow>(
    `SELECT key, owner, expires_at FROM leases WHERE tenant = @tenant AND expires_at <= @now AND substr(key, 1, length(@prefix)) = @prefix ORDER BY expires_at LIMIT @limit`,
  );
  const acquire = db.transaction((tenant: string, request: LeaseRequest, now: number) => {
    const acquired = take.run(tenant, request.key, request.owner, now + request.ttlMs, now).changes === 1;
    const row = get.get(tenant, request.key);
    if (row === undefined) {
      throw new FlowlineError('store.corrupt', `Lease ${JSON.stringify(request.key)} is missing right after it was written.`);
    }
    return { acquired, lease: toLease(row) };
  });

  return (tenant) => ({
    async acquireLease(request) {
      checkId(request.key, 'key', 'acquireLease');
      checkId(request.owner, 'owner', 'acquireLease');
      if (!Number.isInteger(request.ttlMs) || request.ttlMs <= 0) {
        throw new FlowlineError('store.invalid_input', `Expected \`ttlMs\` of acquireLease to be a positive integer, got ${String(request.ttlMs)}.`);
      }
      const now = clock();
      return queue.write(() => acquire(tenant, request, now));
    },
    async releaseLease(key, owner) {
      return queue.write(() => ({ released: release.run(tenant, key, owner).changes === 1 }));
    },
    async getLease(key) {
      const row = queue.read(() => get.get(tenant, key));
      return row === undefined ? undefined : toLease(row);
    },
    async listExpiredLeases(options = {}) {
      const params = { tenant, now: clock(), prefix: options.prefix ?? '', limit: sqlLimit(options.limit, 'listExpiredLeases') };
      return queue.read(() => expired.all(params)).map(toLease);
    },
  });
}

function toLease(row: LeaseRow): Lease {
  return { key: row.key, owner: row.owner, expiresAt: row.expires_at };
}
