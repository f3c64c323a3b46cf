import { createEngine, createMemoryStore, type CompletedRun, type WorkflowDefinition } from '@flowline/core';
import { createTestConnector } from '@flowline/core/testing';
import { startGhlSandbox, type GhlSandbox } from '@flowline/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGhlConnector } from '../../src/ghl/index.js';

/**
 * One retry budget per step: the step's retry policy owns retries, the GHL connector sends one
 * request per attempt, and the step's reported attempts are the requests GHL got. Default
 * connector options throughout, as a host creates it.
 */

const LOC = 'loc_sandbox_1';
const TOKEN = 'sandbox-token';

let sandbox: GhlSandbox;
let contactId: string;
beforeEach(async () => {
  // A short rate window: after a 429 the client's budget holds the location for the window GHL names.
  sandbox = await startGhlSandbox({ rateLimit: { windowMs: 50 } });
  const res = await fetch(`${sandbox.url}/contacts/upsert`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, version: '2021-07-28', 'content-type': 'application/json' },
    body: JSON.stringify({ locationId: LOC, email: 'ann@example.com' }),
  });
  const body = (await res.json()) as { contact?: { id?: unknown } };
  if (typeof body.contact?.id !== 'string') throw new Error(`the sandbox did not create the contact (${res.status})`);
  contactId = body.contact.id;
  sandbox.requests.clear();
});
afterEach(async () => {
  await sandbox.close();
});

function workflowCalling(operation: string, input: Record<string, unknown>, attempts: number): WorkflowDefinition {
  return {
    id: 'one-step',
    name: 'One GHL step',
    version: 1,
    trigger: { operation: 'hook.lead' },
    steps: [{ id: 'call', type: 'action', operation, connection: 'ghl', input, retry: { attempts, initialDelayMs: 1, maxDelayMs: 5 } }],
  } as WorkflowDefinition;
}

async function runOnce(workflow: WorkflowDefinition): Promise<CompletedRun> {
  const hook = createTestConnector({ name: 'hook', triggers: { lead: { payload: { type: 'object' } } } });
  const engine = createEngine({
    connectors: [hook, createGhlConnector({ baseUrl: sandbox.url })],
    connections: { ghl: { connector: 'ghl', settings: { locationId: LOC }, credentials: { type: 'private-token', token: TOKEN } } },
    store: createMemoryStore(),
  });
  engine.deploy(workflow);
  const [run] = await engine.dispatch({ trigger: 'hook.lead', id: 'lead-1', payload: { contactId } });
  if (!run) throw new Error('no run started');
  return run;
}

const sent = (method: string, suffix: string) => sandbox.requests.list().filter((r) => r.method === method && r.path.endsWith(suffix));
const noteInput = () => ({ path: { contactId }, body: { body: 'Prefers mornings.' } });

describe('ghl: one retry budget per step', () => {
  it('a creating step with retry.attempts 3 under a lasting 503 sends 3 POSTs and reports 3 attempts', async () => {
    sandbox.faults.add({ kind: 'error', status: 503, method: 'POST', path: '/contacts/*/notes', count: 'always' });
    const run = await runOnce(workflowCalling('ghl.contacts.create-note', noteInput(), 3));
    expect(run.status).toBe('failed');
    expect(run.steps[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(sent('POST', '/notes').map((r) => r.status)).toEqual([503, 503, 503]);
    // Before each later attempt the engine looks for the note the failed one may have made: one read each.
    expect(sent('GET', '/notes')).toHaveLength(2);
  });

  it('a creating step that succeeds on its second attempt reports 2 attempts after 2 POSTs', async () => {
    sandbox.faults.add({ kind: 'error', status: 503, method: 'POST', path: '/contacts/*/notes', count: 1 });
    const run = await runOnce(workflowCalling('ghl.contacts.create-note', noteInput(), 3));
    expect(run.status).toBe('succeeded');
    expect(run.steps[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(sent('POST', '/notes').map((r) => r.status)).toEqual([503, 201]);
    expect([...(sandbox.state.location(LOC)?.notes.values() ?? [])]).toHaveLength(1);
  });

  it('a step under a lasting 429 sends one request per attempt, however often GHL says to wait', async () => {
    sandbox.faults.add({ kind: 'rateLimit', retryAfterSeconds: 0, method: 'POST', path: '/contacts/*/notes', count: 'always' });
    const run = await runOnce(workflowCalling('ghl.contacts.create-note', noteInput(), 2));
    expect(run.steps[0]).toMatchObject({ status: 'failed', attempts: 2, error: { category: 'rate_limited' } });
    expect(sent('POST', '/notes').map((r) => r.status)).toEqual([429, 429]);
  });

  it('a reading step with retry.attempts 3 under a lasting 503 sends 3 GETs and reports 3 attempts', async () => {
    sandbox.faults.add({ kind: 'error', status: 503, method: 'GET', path: '/contacts/*', count: 'always' });
    const run = await runOnce(workflowCalling('ghl.contacts.get-contact', { path: { contactId } }, 3));
    expect(run.steps[0]).toMatchObject({ status: 'failed', attempts: 3, error: { category: 'server' } });
    expect(sent('GET', `/contacts/${contactId}`)).toHaveLength(3);
  });

  it('a step with retry.attempts 1 sends exactly one request', async () => {
    sandbox.faults.add({ kind: 'error', status: 503, method: 'GET', path: '/contacts/*', count: 'always' });
    const run = await runOnce(workflowCalling('ghl.contacts.get-contact', { path: { contactId } }, 1));
    expect(run.steps[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(sent('GET', `/contacts/${contactId}`)).toHaveLength(1);
  });
});
