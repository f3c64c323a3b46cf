import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createEngine } from '@flowline/core';
import { createTestConnector } from '@flowline/core/testing';
import { afterEach, expect, it } from 'vitest';
import { createPostgresStore } from '../src/index.js';
import { CRASH_WORKFLOW, TRIGGERS } from './fixtures/crash-workflow-definition.js';
import { dropSchema, PG_URL, uniqueSchema } from './pg-schema.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/crash-workflow.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

const schema = uniqueSchema('engine');
afterEach(() => dropSchema(schema));

/** Runs the engine fixture until its second action has started, then SIGKILLs it. */
async function runUntilSecondStartsThenKill(): Promise<void> {
  const child = spawn(process.execPath, ['--conditions=@flowline/source', '--import', 'tsx', FIXTURE, PG_URL, schema], { cwd: PACKAGE_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
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

it('resumes a run from PostgreSQL after its process was SIGKILLed, without redoing finished steps', async () => {
  await runUntilSecondStartsThenKill();

  const store = await createPostgresStore({ connectionString: PG_URL, schema });
  try {
    expect((await store.getInboxEntry('evt-crash'))?.status).toBe('pending');
    const [unfinished] = await store.listRuns({ status: 'running' });
    expect(unfinished?.workflowId).toBe('wf-crash');
    const before = await store.listSteps(unfinished?.id ?? '');
    expect(before.map((s) => [s.path, s.status]), JSON.stringify(before)).toEqual([['first', 'succeeded']]);

    const connector = createTestConnector({ name: 'shop', triggers: TRIGGERS, actions: { first: { run: (input) => input }, second: { run: (input) => input } } });
    const engine = createEngine({ connectors: [connector], connections: { main: { connector: 'shop' } }, store });
    engine.deploy(CRASH_WORKFLOW);
    const [resumed] = await engine.resume();
    expect(resumed).toMatchObject({ id: unfinished?.id, status: 'succeeded' });
    expect(connector.calls).toEqual([{ operationId: 'shop.second', input: { got: 1 } }]);
    expect((await store.getRun(unfinished?.id ?? ''))?.status).toBe('succeeded');
    expect(await store.getInboxEntry('evt-crash')).toMatchObject({ status: 'done', runIds: [unfinished?.id] });
  } finally {
    await store.close();
  }
});
