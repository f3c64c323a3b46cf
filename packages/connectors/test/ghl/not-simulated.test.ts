import { createEngine, createMemoryStore, type WorkflowDefinition } from '@flowline/core';
import { createTestConnector } from '@flowline/core/testing';
import { startGhlSandbox, type GhlSandbox } from '@flowline/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGhlConnector } from '../../src/ghl/index.js';
import { actionContext, failureOf, privateToken } from './support/fixtures.js';

/** The sandbox's 501 not_simulated reaches the workflow as what it is: not a missing record, not worth a retry. */

const LOC = 'loc_sandbox_1';
const TOKEN = 'sandbox-token';
const filterByEmail = { operationId: 'ghl.users.filter-users-by-email', input: { body: { companyId: 'cmp_1', emails: 'a@example.com' } } };

let sandbox: GhlSandbox;
beforeAll(async () => {
  // The sandbox simulates every catalog action; this one is switched off to see how a 501 arrives.
  sandbox = await startGhlSandbox({ unsimulated: [filterByEmail.operationId] });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.requests.clear();
});

describe('ghl: an operation the sandbox does not simulate', () => {
  it('fails as internal with code not_simulated naming the operation, not as not_found', async () => {
    const connector = createGhlConnector({ baseUrl: sandbox.url });
    const error = await failureOf(connector.invoke(filterByEmail, actionContext({ credentials: { ...privateToken, token: TOKEN } })));
    expect(error.category).toBe('internal');
    expect(error).toMatchObject({ status: 501, details: { code: 'not_simulated', operationId: 'ghl.users.filter-users-by-email' } });
    expect(error.message).toContain('does not simulate ghl.users.filter-users-by-email');
    expect(error.message).not.toContain('no such record');
    expect(error.hint).not.toContain('no such record');
  });

  it('a step calling it fails on its first attempt, with the error saying not_simulated', async () => {
    const hook = createTestConnector({ name: 'hook', triggers: { lead: { payload: { type: 'object' } } } });
    const engine = createEngine({
      connectors: [hook, createGhlConnector({ baseUrl: sandbox.url })],
      connections: { ghl: { connector: 'ghl', settings: { locationId: LOC }, credentials: { type: 'private-token', token: TOKEN } } },
      store: createMemoryStore(),
    });
    engine.deploy({
      id: 'filter',
      name: 'Filter users',
      version: 1,
      trigger: { operation: 'hook.lead' },
      steps: [{ id: 'filter', type: 'action', operation: filterByEmail.operationId, connection: 'ghl', input: filterByEmail.input, retry: { attempts: 3, initialDelayMs: 1 } }],
    } as WorkflowDefinition);
    const [run] = await engine.dispatch({ trigger: 'hook.lead', id: 'lead-1', payload: {} });
    expect(run?.steps[0]).toMatchObject({ status: 'failed', attempts: 1, error: { category: 'internal', status: 501, details: { code: 'not_simulated' } } });
    expect(sandbox.requests.list().map((r) => r.status)).toEqual([501]);
  });
});
