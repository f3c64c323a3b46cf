// Micro-benchmark: inbox inserts/s and run+step writes/s, memory store vs SQLite file, with one
// operation in flight and with CONCURRENCY in flight (as under webhook load; group commit batches those).
// Run: node --conditions=@flowline/source --import tsx packages/store-sqlite/bench/store.bench.ts [seconds per case, default 2]
// Each case stops after the time budget or 50,000 operations, whichever comes first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createMemoryStore, type RunRecord, type StepRecord, type Store } from '@flowline/core';
import { createSqliteStore, type Durability } from '../src/index.js';

const budgetMs = Number(process.argv[2] ?? 2) * 1000;
const MAX_OPS = 50_000;
const STEPS_PER_RUN = 3;
const CONCURRENCY = 16;
const payload = { event: 'customer.created', created: 1714557600, data: { id: 'usr_1', name: 'Zoë', email: 'zoe@example.com', tags: ['a', 'b'] } };

interface Case {
  readonly name: string;
  readonly open: () => { store: Store; close: () => Promise<void> };
}

const dir = mkdtempSync(join(tmpdir(), 'flowline-bench-'));
let fileNo = 0;
function sqliteCase(durability: Durability, groupCommit: boolean): Case {
  return {
    name: `sqlite file (${durability}${groupCommit ? ', group commit' : ''})`,
    open: () => {
      const store = createSqliteStore({ path: join(dir, `bench-${++fileNo}.db`), durability, groupCommit });
      return { store, close: () => store.close() };
    },
  };
}
const cases: Case[] = [
  { name: 'memory', open: () => ({ store: createMemoryStore(), close: async () => undefined }) },
  sqliteCase('process', false),
  sqliteCase('process', true),
  sqliteCase('power', false),
  sqliteCase('power', true),
];

/** Runs `unit` from `lanes` concurrent loops until the budget or MAX_OPS is spent. */
async function measure(lanes: number, unit: (i: number) => Promise<number>): Promise<{ units: number; writes: number; ms: number }> {
  const start = performance.now();
  let next = 0;
  let units = 0;
  let writes = 0;
  const lane = async (): Promise<void> => {
    while (next < MAX_OPS && performance.now() - start < budgetMs) {
      const i = next++;
      const done = await unit(i);
      writes += done;
      units += 1;
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return { units, writes, ms: performance.now() - start };
}

function runRecord(id: string, status: RunRecord['status']): RunRecord {
  return { id, workflowId: 'wf-bench', workflowVersion: 1, status, dryRun: false, event: { trigger: 'pushpress.customer.created', payload, id }, queuedAt: new Date().toISOString() };
}

function stepRecord(runId: string, n: number): StepRecord {
  const now = new Date().toISOString();
  return { runId, path: `step${n}`, stepId: `step${n}`, kind: 'action', status: 'succeeded', attempts: 1, startedAt: now, finishedAt: now, durationMs: 1, output: { contactId: `ct_${n}` } };
}

const rows: string[][] = [['store', 'in flight', 'inbox inserts/s', 'runs/s', 'run+step writes/s']];
const perSecond = (n: number, ms: number): string => Math.round((n / ms) * 1000).toLocaleString('en-US');
for (const c of cases) {
  for (const lanes of [1, CONCURRENCY]) {
    const { store, close } = c.open();
    const inbox = await measure(lanes, async (i) => {
      await store.addToInbox({ trigger: 'pushpress.customer.created', payload, id: `evt-${i}` }, new Date().toISOString());
      return 1;
    });
    const runs = await measure(lanes, async (i) => {
      const id = `run-${i}`;
      await store.putRun(runRecord(id, 'running'));
      for (let s = 0; s < STEPS_PER_RUN; s++) await store.putStep(stepRecord(id, s));
      await store.putSnapshot(id, { status: 'active', value: 'step2', context: { i } });
      await store.putRun(runRecord(id, 'succeeded'));
      return STEPS_PER_RUN + 3;
    });
    await close();
    rows.push([c.name, String(lanes), perSecond(inbox.units, inbox.ms), perSecond(runs.units, runs.ms), perSecond(runs.writes, runs.ms)]);
  }
}
rmSync(dir, { recursive: true, force: true });

const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
for (const row of rows) console.log(row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  '));
console.log(`(a run = putRun, ${STEPS_PER_RUN}× putStep, putSnapshot, putRun, awaited one after another; ${budgetMs / 1000} s per cell; files in ${tmpdir()})`);
