// What checking a store's integrity at open costs: builds a store of N deliveries (an inbox entry,
// a run of 3 steps, a snapshot and an effect record each, shaped like a PushPress webhook's), then
// times `PRAGMA quick_check` (what createSqliteStore runs at open) and `PRAGMA integrity_check`,
// each three times, with the file in the OS page cache (the usual case right after a restart; a
// cold read adds the file's size at the disk's read speed).
// Run: node --conditions=@flowline/source --import tsx packages/store-sqlite/bench/integrity-check.bench.ts [deliveries, default 100000] [dir]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createSqliteStore } from '../src/index.js';

const deliveries = Number(process.argv[2] ?? 100_000);
const dir = mkdtempSync(join(process.argv[3] ?? tmpdir(), 'flowline-integrity-'));
const path = join(dir, 'big.db');
try {
  // The schema from the store itself; the rows in bulk, in the store's own shapes.
  await createSqliteStore({ path }).close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const inbox = db.prepare(`INSERT INTO inbox (id, status, received_at, event, run_ids) VALUES (?, 'done', ?, ?, ?)`);
  const run = db.prepare(`INSERT INTO runs (id, workflow_id, status, queued_at, record) VALUES (?, 'contact-sync', 'succeeded', ?, ?)`);
  const step = db.prepare(`INSERT INTO steps (run_id, path, record) VALUES (?, ?, ?)`);
  const snapshot = db.prepare(`INSERT INTO snapshots (run_id, snapshot) VALUES (?, ?)`);
  const effect = db.prepare(`INSERT INTO idempotency (key, run_id, record) VALUES (?, ?, ?)`);
  const fill = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
      const id = `customer.updated:usr_${n}:${1764190000 + n}`;
      const runId = `${at.replace(/\D/g, '')}-${n.toString(16).padStart(24, '0')}`;
      const payload = { event: 'customer.updated', created: 1764190000 + n, data: { id: `usr_${n}`, firstName: 'Zoë', lastName: `Member ${n}`, email: `member${n}@example.com`, phone: '+15555550123', tags: ['member', 'gym'], membership: { plan: 'unlimited', status: 'active' } } };
      const event = JSON.stringify({ trigger: 'pushpress.customer.updated', payload, id, orderingKey: `usr_${n}` });
      inbox.run(id, at, event, JSON.stringify([runId]));
      run.run(runId, at, JSON.stringify({ id: runId, workflowId: 'contact-sync', workflowVersion: 1, status: 'succeeded', dryRun: false, event: JSON.parse(event), queuedAt: at, startedAt: at, finishedAt: at }));
      for (const name of ['upsert', 'tag', 'note']) {
        step.run(runId, name, JSON.stringify({ runId, path: name, stepId: name, kind: 'action', status: 'succeeded', attempts: 1, startedAt: at, finishedAt: at, durationMs: 40, input: { email: `member${n}@example.com` }, output: { id: `ct_${n}`, ok: true } }));
      }
      snapshot.run(runId, JSON.stringify({ status: 'active', value: 'note', context: { steps: { upsert: { id: `ct_${n}` } } } }));
      effect.run(`contact-sync/upsert/${id}`, runId, JSON.stringify({ key: `contact-sync/upsert/${id}`, runId, path: 'upsert', state: 'done', output: { id: `ct_${n}` }, recordedAt: at }));
    }
  });
  for (let n = 0; n < deliveries; n += 10_000) fill(n, Math.min(deliveries, n + 10_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const bytes = statSync(path).size;
  console.log(`store of ${deliveries} deliveries: ${(bytes / 1024 / 1024).toFixed(0)} MiB`);
  for (const pragma of ['quick_check', 'integrity_check']) {
    const times: string[] = [];
    for (let round = 0; round < 3; round++) {
      const check = new Database(path, { readonly: true });
      const started = performance.now();
      const result = check.pragma(pragma, { simple: true });
      times.push(`${(performance.now() - started).toFixed(0)} ms`);
      check.close();
      if (result !== 'ok') throw new Error(`${pragma} found problems: ${String(result)}`);
    }
    console.log(`PRAGMA ${pragma}: ${times.join(', ')}`);
  }
  const opens: string[] = [];
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    const store = createSqliteStore({ path });
    opens.push(`${(performance.now() - started).toFixed(0)} ms`);
    await store.close();
  }
  console.log(`createSqliteStore (open, check, migrate): ${opens.join(', ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
