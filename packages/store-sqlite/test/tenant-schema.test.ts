import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../src/sqlite-store.js';
import { TENANT_TABLES } from '../src/tenant-data-ops.js';

/** A store on a private in-memory database, with every SQL text it prepares. */
function openCounting(): { store: SqliteStore; db: Database; prepared: string[] } {
  const prepared: string[] = [];
  let db: Database | undefined;
  const store = openSqliteStore(
    { path: ':memory:' },
    {
      onOpen: (opened) => {
        db = opened;
        const prepare = opened.prepare.bind(opened);
        opened.prepare = ((sql: string) => {
          prepared.push(sql);
          return prepare(sql);
        }) as Database['prepare'];
      },
    },
  );
  if (db === undefined) throw new Error('onOpen was not called');
  return { store, db, prepared };
}

/** SQLite's plan for `sql`, one line per step; the parameters are bound to NULL (a plan does not run). */
function planOf(db: Database, sql: string): string[] {
  const names = [...new Set([...sql.matchAll(/@(\w+)/g)].map((match) => match[1] as string))];
  const statement = db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = names.length > 0 ? statement.all(Object.fromEntries(names.map((name) => [name, null]))) : statement.all(...Array<null>((sql.match(/\?/g) ?? []).length).fill(null));
  return rows.map((row) => row.detail);
}

let open: ReturnType<typeof openCounting> | undefined;
afterEach(async () => {
  await open?.store.close();
  open = undefined;
});

describe('the tenant schema', () => {
  it('keys every table of tenant records by tenant and id: the same id in two tenants is two rows', () => {
    open = openCounting();
    const { db } = open;
    const uniqueKeys = (table: string): string[][] =>
      db
        .prepare<[], { name: string; unique: number }>(`SELECT name, "unique" FROM pragma_index_list('${table}')`)
        .all()
        .filter((index) => index.unique === 1)
        .map((index) => db.prepare<[], { name: string }>(`SELECT name FROM pragma_index_info('${index.name}') ORDER BY seqno`).all().map((column) => column.name));
    expect(Object.fromEntries(TENANT_TABLES.map((table) => [table, uniqueKeys(table)]))).toEqual({
      inbox: [['id', 'tenant']],
      runs: [['id', 'tenant']],
      steps: [['run_id', 'tenant', 'path']],
      snapshots: [['tenant', 'run_id']],
      idempotency: [['tenant', 'key']],
      links: [['tenant', 'namespace', 'from_id']],
      dead_letters: [['tenant', 'id']],
      parked_deliveries: [['tenant', 'id']],
      tokens: [['tenant', 'connection_id']],
      leases: [['tenant', 'key']],
      workflow_versions: [['tenant', 'workflow_id', 'version']],
      timers: [['tenant', 'run_id', 'path']],
    });
  });

  it('gives every table of tenant records an index that leads with the tenant (listing tenants, exports, deleting one)', () => {
    open = openCounting();
    const { db } = open;
    for (const table of TENANT_TABLES) {
      const firsts = db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_index_list('${table}')`)
        .all()
        .map((index) => db.prepare<[], { name: string }>(`SELECT name FROM pragma_index_info('${index.name}') WHERE seqno = 0`).get()?.name);
      expect(firsts, table).toContain('tenant');
    }
  });

  it('writes what every delivery writes at one end of each index, or in a small partial index, with one index per table led by the tenant', () => {
    open = openCounting();
    const { db } = open;
    const indexes = (table: string): string[] =>
      db
        .prepare<[], { name: string; partial: number }>(`SELECT name, partial FROM pragma_index_list('${table}') ORDER BY name`)
        .all()
        .map((index) => {
          const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_index_info('${index.name}') ORDER BY seqno`).all().map((column) => column.name);
          return `${index.name} (${columns.join(', ')})${index.partial === 1 ? ' partial' : ''}`;
        });
    // A key that leads with the tenant has an insertion point per tenant: a commit spread over
    // many tenants then dirties a page per tenant. Run ids start with the time; the partial
    // indexes hold only deliveries and runs not in their final state.
    expect({ inbox: indexes('inbox'), runs: indexes('runs'), steps: indexes('steps') }).toEqual({
      inbox: ['inbox_by_status (status, tenant, seq) partial', 'inbox_by_tenant (tenant, seq)', 'sqlite_autoindex_inbox_1 (id, tenant)'],
      runs: [
        'runs_by_status (status, tenant, queued_at, id) partial',
        'runs_by_time (tenant, queued_at, id, workflow_id, workflow_version)',
        'runs_by_version (status, tenant, workflow_id, workflow_version, queued_at, id) partial',
        'sqlite_autoindex_runs_1 (id, tenant)',
      ],
      steps: ['sqlite_autoindex_steps_1 (run_id, tenant, path)', 'steps_by_run (tenant, run_id, seq)'],
    });
  });

  it("finds what the engine's hot path reads and updates by one index search, without a scan or a sort", async () => {
    open = openCounting();
    const { store, db, prepared } = open;
    const gym = store.forTenant('gym-a');
    // Lists are prepared the first time their filters are asked for.
    await gym.listRuns({ status: 'running' });
    await gym.listRuns({ workflowId: 'wf', version: 1, status: 'running', limit: 1 });
    await gym.listRuns({ limit: 10, after: { queuedAt: '2024-01-01T00:00:00.000Z', id: 'r1' } });
    await gym.listRuns({ status: 'succeeded' });
    await gym.listRuns({ workflowId: 'wf' });
    await gym.listInbox('pending');
    await gym.listInbox('done');
    const plan = (pattern: RegExp): string[] => {
      const sql = prepared.find((text) => pattern.test(text));
      if (sql === undefined) throw new Error(`no statement matches ${String(pattern)}`);
      return planOf(db, sql);
    };
    const expectations: [RegExp, string][] = [
      [/^SELECT .* FROM inbox WHERE tenant = \? AND id = \?/, 'SEARCH inbox USING INDEX sqlite_autoindex_inbox_1 (id=? AND tenant=?)'],
      [/^UPDATE inbox SET status = \? WHERE/, 'SEARCH inbox USING INDEX sqlite_autoindex_inbox_1 (id=? AND tenant=?)'],
      [/^UPDATE inbox SET status = \?, run_ids/, 'SEARCH inbox USING INDEX sqlite_autoindex_inbox_1 (id=? AND tenant=?)'],
      [/FROM inbox WHERE status = \? AND status <> 'done' AND tenant = \? ORDER BY seq/, 'SEARCH inbox USING INDEX inbox_by_status (status=? AND tenant=?)'],
      [/FROM inbox WHERE tenant = \? AND status = 'done' ORDER BY seq/, 'SEARCH inbox USING INDEX inbox_by_tenant (tenant=?)'],
      [/^SELECT record FROM runs WHERE tenant = \? AND id = \?/, 'SEARCH runs USING INDEX sqlite_autoindex_runs_1 (id=? AND tenant=?)'],
      [/^UPDATE runs SET status = \?, record = \? WHERE tenant = \? AND id = \?/, 'SEARCH runs USING INDEX sqlite_autoindex_runs_1 (id=? AND tenant=?)'],
      [/FROM runs WHERE tenant = @tenant AND status = @status AND status <> 'succeeded' ORDER/, 'SEARCH runs USING INDEX runs_by_status (status=? AND tenant=?)'],
      [/FROM runs WHERE tenant = @tenant AND status = @status ORDER/, 'SEARCH runs USING INDEX runs_by_time (tenant=?)'],
      [
        /FROM runs WHERE tenant = @tenant AND workflow_id = @workflowId AND workflow_version = @version AND status = @status AND status <> 'succeeded' ORDER/,
        'SEARCH runs USING INDEX runs_by_version (status=? AND tenant=? AND workflow_id=? AND workflow_version=?)',
      ],
      // The workflow is in runs_by_time: the tenant's other runs are passed over in the index, their rows never read.
      [/FROM runs WHERE tenant = @tenant AND workflow_id = @workflowId ORDER/, 'SEARCH runs USING INDEX runs_by_time (tenant=?)'],
      [/FROM runs WHERE tenant = @tenant AND \(queued_at, id\) < /, 'SEARCH runs USING INDEX runs_by_time (tenant=? AND (queued_at,id)<(?,?))'],
      [/FROM steps WHERE tenant = \? AND run_id = \? ORDER BY seq/, 'SEARCH steps USING INDEX steps_by_run (tenant=? AND run_id=?)'],
      [/FROM snapshots WHERE tenant = \? AND run_id = \?/, 'SEARCH snapshots USING INDEX sqlite_autoindex_snapshots_1 (tenant=? AND run_id=?)'],
      [/FROM idempotency WHERE tenant = \? AND key = \?/, 'SEARCH idempotency USING INDEX sqlite_autoindex_idempotency_1 (tenant=? AND key=?)'],
      [/FROM links WHERE tenant = \? AND namespace = \? AND from_id = \?/, 'SEARCH links USING PRIMARY KEY (tenant=? AND namespace=? AND from_id=?)'],
    ];
    for (const [pattern, search] of expectations) expect(plan(pattern), String(pattern)).toEqual([search]);
  });

  it("never scans a whole table for one tenant's records", async () => {
    open = openCounting();
    const { store, db, prepared } = open;
    await store.forTenant('gym-a').exportRecords();
    await store.forTenant('gym-a').listRuns({ workflowId: 'wf', since: 'a', until: 'b' });
    const perTenant = prepared.filter((sql) => /tenant = [?@]/.test(sql) && !/^(INSERT|EXPLAIN)/.test(sql));
    expect(perTenant.length).toBeGreaterThan(30);
    for (const sql of perTenant) {
      expect(planOf(db, sql).filter((step) => step.startsWith('SCAN')), sql).toEqual([]);
    }
  });
});

describe('tenant views', () => {
  it('prepares its statements once per store: a thousand tenants prepare no more than one', async () => {
    open = openCounting();
    const { store, prepared } = open;
    const use = async (tenant: string): Promise<void> => {
      const view = store.forTenant(tenant);
      await view.addToInbox({ trigger: 't', payload: {}, id: 'e1' }, '2024-01-01T00:00:00.000Z');
      await view.putLink('ns', 'usr_1', 'ct_1');
      await view.listRuns({ status: 'running' });
      await view.exportRecords();
    };
    await use('gym-0');
    const afterOne = prepared.length;
    for (let index = 1; index < 1000; index += 1) await use(`gym-${index}`);
    expect(prepared.length).toBe(afterOne);
    expect(await store.listTenantIds()).toHaveLength(1000);
  });

  it('gives the same view of a tenant each time, and checks the id before making one', () => {
    open = openCounting();
    const { store } = open;
    expect(store.forTenant('gym-a')).toBe(store.forTenant('gym-a'));
    expect(store.forTenant('default').tenant).toBe('default');
    expect(() => store.forTenant('no such/tenant')).toThrow(expect.objectContaining({ code: 'tenants.invalid-id' }));
  });
});
