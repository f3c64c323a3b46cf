/**
 * What a builder did through the HTTP API outlives a restart of the host: tenants it added are
 * served again, workflows it published are published again (the workflow files' own first), and
 * what it undeployed stays undeployed. A real SQLite store in a temporary directory.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '@flowline/store-sqlite';
import { startHost, type RunningHost } from '../../src/host/start-host.js';
import { loadHostTenants } from '../../src/tenants/load-host-tenants.js';
import { NEW_LEAD_WORKFLOW, SECRET } from '../fixtures/test-host.js';
import { ContractClient } from './contract-client.js';

const KEYS = { operatorKey: 'operator-key-0123456789', tokenSecret: 'a-token-secret-of-at-least-32-bytes!!' };
const CONFIG = {
  pushpress: { signingSecrets: [SECRET] },
  connections: { ghl: { connector: 'ghl', settings: { locationId: 'loc_test' }, credentials: { type: 'private-token', token: 'test-token' } } },
  config: { locationId: 'loc_test' },
};
const lead = (id: string, version: number) => ({ ...(NEW_LEAD_WORKFLOW as Record<string, unknown>), id, version });

let dir: string;
const key = randomBytes(32).toString('hex');

/** A host on the store at `dir`, with the tenants its records hold, as `flowline serve` starts. */
async function start(files: readonly unknown[]): Promise<{ host: RunningHost; api: ContractClient; close: () => Promise<void> }> {
  const store = createSqliteStore({ path: join(dir, 'flowline.db'), encryptionKey: key });
  const host = await startHost({
    config: CONFIG,
    workflows: files.map((definition, index) => ({ file: `file-${index}.workflow.json`, definition })),
    tenants: await loadHostTenants(store, 'test'),
    store,
    port: 0,
    api: { port: 0, ...KEYS },
  });
  return {
    host,
    api: await ContractClient.open(host.apiUrl ?? ''),
    close: async () => {
      await host.close();
      await store.close();
    },
  };
}

const published = async (api: ContractClient, tenant: string) =>
  ((await api.call('GET', `/api/tenants/${tenant}/workflows`, { token: KEYS.operatorKey })).body.workflows as Array<{ id: string; version: number }>).map((workflow) => `${workflow.id}@${workflow.version}`).sort();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowline-api-restart-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a restart of a host with the HTTP API', () => {
  it("serves the tenants added and the workflows published through the API again; an undeployed one stays undeployed; a file's own version wins", async () => {
    const first = await start([lead('from-file', 1)]);
    const gym = { id: 'gym-r', connections: CONFIG.connections, config: CONFIG.config, pushpress: { signingSecrets: ['gym-r-secret'] } };
    expect((await first.api.call('POST', '/api/tenants', { token: KEYS.operatorKey, body: gym })).status).toBe(201);
    for (const [tenant, definition] of [['default', lead('from-api', 1)], ['gym-r', lead('gym-only', 3)], ['default', lead('from-file', 2)], ['default', lead('dropped', 1)]] as const) {
      expect((await first.api.call('POST', `/api/tenants/${tenant}/workflows`, { token: KEYS.operatorKey, body: { definition } })).status).toBe(201);
    }
    expect((await first.api.call('DELETE', '/api/tenants/default/workflows/dropped', { token: KEYS.operatorKey })).status).toBe(200);
    await first.close();

    const second = await start([lead('from-file', 1)]);
    try {
      expect((await second.api.call('GET', '/api/tenants', { token: KEYS.operatorKey })).body.tenants.map((tenant: { id: string }) => tenant.id)).toEqual(['default', 'gym-r']);
      expect(await published(second.api, 'default')).toEqual(['from-api@1', 'from-file@1']);
      expect(await published(second.api, 'gym-r')).toEqual(['from-file@1', 'gym-only@3']);
    } finally {
      await second.close();
    }
  });
});
