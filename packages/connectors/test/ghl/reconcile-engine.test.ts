import { createEngine, createMemoryStore, type WorkflowDefinition } from '@flowline/core';
import { createTestConnector } from '@flowline/core/testing';
import { startGhlSandbox, type GhlSandbox } from '@flowline/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGhlConnector } from '../../src/ghl/index.js';

/** The engine, the GHL connector and the sandbox together: a create-task whose answer is lost. */

const LOC = 'loc_sandbox_1';

let sandbox: GhlSandbox;
let contactId: string;
beforeEach(async () => {
  sandbox = await startGhlSandbox();
  const res = await fetch(`${sandbox.url}/contacts/upsert`, {
    method: 'POST',
    headers: { authorization: 'Bearer sandbox-token', version: '2021-07-28', 'content-type': 'application/json' },
    body: JSON.stringify({ locationId: LOC, email: 'ann@example.com' }),
  });
  const body = (await res.json()) as { contact?: { id?: unknown } };
  if (typeof body.contact?.id !== 'string') throw new Error(`the sandbox did not create the contact (${res.status})`);
  contactId = body.contact.id;
});
afterEach(async () => {
  await sandbox.close();
});

const workflow: WorkflowDefinition = {
  id: 'welcome-task',
  name: 'A task for every new lead',
  version: 1,
  trigger: { operation: 'hook.lead' },
  steps: [
    {
      id: 'task',
      type: 'action',
      operation: 'ghl.contacts.create-task',
      connection: 'ghl',
      input: {
        path: { contactId: '=$event.data.contactId' },
        body: { title: 'Welcome call', body: 'Say hello', dueDate: '2025-01-01T10:00:00Z', completed: false },
      },
      retry: { attempts: 3, initialDelayMs: 1 },
    },
  ],
} as WorkflowDefinition;

/** An engine with the GHL connector as a host creates it (the step's retry policy owns retries). */
function createTestEngine() {
  const hook = createTestConnector({ name: 'hook', triggers: { lead: { payload: { type: 'object' } } } });
  const ghl = createGhlConnector({ baseUrl: sandbox.url });
  const engine = createEngine({
    connectors: [hook, ghl],
    connections: { ghl: { connector: 'ghl', settings: { locationId: LOC }, credentials: { type: 'private-token', token: 'sandbox-token' } } },
    store: createMemoryStore(),
  });
  engine.deploy(workflow);
  return engine;
}

const tasks = () => [...(sandbox.state.location(LOC)?.tasks.values() ?? [])];
const taskCalls = () => sandbox.requests.list().filter((r) => r.path.endsWith('/tasks')).map((r) => `${r.method} ${r.status}`);

describe('engine + ghl reconcile', () => {
  it('reconciles through the connector instead of creating the task twice when the answer was lost', async () => {
    const engine = createTestEngine();
    sandbox.faults.add({ kind: 'dropResponse', method: 'POST', path: '/contacts/*/tasks' });
    const [run] = await engine.dispatch({ trigger: 'hook.lead', id: 'lead-1', payload: { data: { contactId } } });
    expect(run?.status).toBe('succeeded');
    expect(tasks()).toHaveLength(1);
    expect(run?.steps[0]).toMatchObject({ status: 'skipped', reason: 'reconciled', output: { task: { id: tasks()[0]?.id } } });
    expect(taskCalls()).toEqual(['POST null', 'GET 200']);
  });

  it('sends again, once, when the lost request never reached GHL', async () => {
    const engine = createTestEngine();
    sandbox.faults.add({ kind: 'error', method: 'POST', path: '/contacts/*/tasks', status: 503 });
    const [run] = await engine.dispatch({ trigger: 'hook.lead', id: 'lead-1', payload: { data: { contactId } } });
    expect(run?.status).toBe('succeeded');
    expect(tasks()).toHaveLength(1);
    expect(taskCalls()).toEqual(['POST 503', 'GET 200', 'POST 201']);
  });
});
