import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createEngine } from '@flowline/core';
import { createTestConnector } from '@flowline/core/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSqliteStore } from '../src/index.js';
import { CRASH_WORKFLOW, TRIGGERS } from './fixtures/crash-workflow-definition.js';
import { makeTempDir } from './temp-dir.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/crash-workflow.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

/** Runs the engine fixture until its second action has started, then SIGKILLs it. */
async function runUntilSecondStartsThenKill(path: string): Promise<void> {
  const child = spawn(process.execPath, ['--conditions=@flowline/source', '--import', 'tsx', FIXTURE, path], { cwd: PACKAGE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('second started\n')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the engine fixture exited (${String(code)}) early: ${stdout}${stderr}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

it('resumes a run from a SQLite file after its process was SIGKILLed, without redoing finished steps', async () => {
  const path = temp.file('engine.db');
  await runUntilSecondStartsThenKill(path);

  const store = createSqliteStore({ path });
  expect((await store.getInboxEntry('evt-crash'))?.status).toBe('pending');
  const [unfinished] = await store.listRuns({ status: 'running' });
  expect(unfinished?.workflowId).toBe('wf-crash');
  const before = await store.listSteps(unfinished?.id ?? '');
  expect(before.map((s) => [s.path, s.status]), JSON.stringify(before)).toEqual([['first', 'succeeded']]);

  const effects = await store.getIdempotency(`run/${unfinished?.id ?? ''}/first`);
  const connector = createTestConnector({ name: 'shop', triggers: TRIGGERS, actions: { first: { run: (input) => input }, second: { run: (input) => input } } });
  const engine = createEngine({ connectors: [connector], connections: { main: { connector: 'shop' } }, store });
  engine.deploy(CRASH_WORKFLOW);
  const [resumed] = await engine.resume();
  expect(resumed).toMatchObject({ id: unfinished?.id, status: 'succeeded' });
  expect(connector.calls, `effect record of first before resume: ${JSON.stringify(effects)}`).toEqual([{ operationId: 'shop.second', input: { got: 1 } }]);
  expect((await store.getRun(unfinished?.id ?? ''))?.status).toBe('succeeded');
  expect(await store.getInboxEntry('evt-crash')).toMatchObject({ status: 'done', runIds: [unfinished?.id] });
  await store.close();
});
