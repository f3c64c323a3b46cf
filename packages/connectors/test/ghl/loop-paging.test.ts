import { createEngine, createMemoryStore, type WorkflowDefinition } from '@flowline/core';
import { createTestConnector } from '@flowline/core/testing';
import { startGhlSandbox, type GhlSandbox } from '@flowline/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGhlConnector } from '../../src/ghl/index.js';

/** A loop step paging GHL contacts with startAfterId against the sandbox (GET /contacts/, limit per page). */

const LOC = 'loc_paging';
const TOKEN = 'sandbox-token';
const CONTACTS = Array.from({ length: 7 }, (_, index) => ({ id: `ct_${index + 1}`, firstName: `Member ${index + 1}`, email: `m${index + 1}@example.com` }));

let sandbox: GhlSandbox;
beforeAll(async () => {
  sandbox = await startGhlSandbox({ locations: [{ id: LOC, contacts: CONTACTS }] });
});
afterAll(async () => {
  await sandbox.close();
});

describe('loop: paging GHL contacts with startAfterId', () => {
  it('walks every page of three until a short one, each request starting after the last id of the one before', async () => {
    const hook = createTestConnector({ name: 'hook', triggers: { sweep: { payload: { type: 'object' } } } });
    const engine = createEngine({
      connectors: [hook, createGhlConnector({ baseUrl: sandbox.url })],
      connections: { ghl: { connector: 'ghl', settings: { locationId: LOC }, credentials: { type: 'private-token', token: TOKEN } } },
      config: { locationId: LOC },
      store: createMemoryStore(),
    });
    const definition = {
      id: 'sweep',
      name: 'Contact sweep',
      version: 1,
      trigger: { operation: 'hook.sweep' },
      steps: [
        {
          id: 'pages',
          type: 'loop',
          init: { ids: [] },
          steps: [
            {
              id: 'page',
              type: 'action',
              operation: 'ghl.contacts.get-contacts',
              connection: 'ghl',
              input: { query: { locationId: '=$config.locationId', limit: 3, startAfterId: '=$cursor.startAfterId' } },
            },
          ],
          update: {
            startAfterId: '=$steps.page.contacts[-1].id',
            ids: '=$append($cursor.ids, $steps.page.contacts.id)',
            more: '=$count($steps.page.contacts) = 3',
          },
          while: '$iteration = 0 or $cursor.more',
          maxIterations: 20,
        },
      ],
    } as WorkflowDefinition;
    expect(engine.validate(definition).problems).toEqual([]);
    engine.deploy(definition);
    sandbox.requests.clear();
    const [run] = await engine.dispatch({ trigger: 'hook.sweep', id: 'sweep-1', payload: {} });
    expect(run?.status).toBe('succeeded');
    expect(run?.steps.find((record) => record.path === 'pages')?.output).toEqual({
      iterations: 3,
      cursor: { startAfterId: 'ct_7', ids: CONTACTS.map((contact) => contact.id), more: false },
    });
    expect(run?.steps.map((record) => record.path)).toEqual(['pages[0].page', 'pages[1].page', 'pages[2].page', 'pages']);
    const asked = run?.steps.slice(0, 3).map((record) => (record.input as { query: { startAfterId?: string } }).query.startAfterId);
    expect(asked).toEqual([undefined, 'ct_3', 'ct_6']);
    expect(sandbox.requests.list().map((entry) => [entry.operationId, entry.status])).toEqual(Array.from({ length: 3 }, () => ['get-contacts', 200]));
  });
});
