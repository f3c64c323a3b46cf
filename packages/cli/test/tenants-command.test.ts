/**
 * `flowline tenants add|list|show|remove`, run as the compiled CLI (run `pnpm build` first) on a
 * data directory of its own, with FLOWLINE_SECRET_KEY given to each process.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TenantExport } from '@flowline/core';
import { startGhlSandbox, type GhlSandbox } from '@flowline/sandbox';
import { createSqliteStore, type SqliteStore } from '@flowline/store-sqlite';
import { main } from '../src/main.js';
import { ghlConnection, newSecretKey, runCli, signedLead, taggingWorkflow, WORKFLOW, writeJson, type CliResult } from './fixtures/tenant-stack.js';

const TOKEN = 'ghl-token-of-gym-a-never-printed';
const SIGNING_SECRET = 'whsec_gym_a_never_printed';

let dir: string;
let dataDir: string;
let key: string;
let tenantFile: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowline-tenants-'));
  dataDir = join(dir, 'data');
  key = newSecretKey();
  tenantFile = writeJson(dir, 'gym-a.tenant.json', {
    connections: { ghl: ghlConnection('loc_a', { type: 'private-token', token: '$env:GYM_A_TOKEN' }) },
    config: { locationId: 'loc_a' },
    templates: { contactFields: { source: 'PushPress' } },
    pushpress: { signingSecrets: ['$env:GYM_A_SIGNING_SECRET', 'whsec_gym_a_old_never_printed'] },
  });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function tenants(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(['tenants', ...args, '--data-dir', dataDir], { FLOWLINE_SECRET_KEY: key, GYM_A_TOKEN: TOKEN, GYM_A_SIGNING_SECRET: SIGNING_SECRET, ...env });
}

async function withStore<T>(use: (store: SqliteStore) => Promise<T>): Promise<T> {
  const store = createSqliteStore({ path: join(dataDir, 'flowline.db'), encryptionKey: key });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

function expectNoSecret(result: CliResult): void {
  for (const secret of [TOKEN, SIGNING_SECRET, 'whsec_gym_a_old_never_printed']) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
}

describe('flowline tenants add, list and show', () => {
  it("stores a tenant file's credentials and signing secrets in the record's encrypted secrets, and list and show say which are set, never their values", async () => {
    const added = await tenants(['add', 'gym-a', '--file', tenantFile]);
    const listed = await tenants(['list']);
    const shown = await tenants(['show', 'gym-a']);
    const shownJson = await tenants(['show', 'gym-a', '--json']);

    for (const result of [added, listed, shown, shownJson]) {
      expect(result.code, result.stderr).toBe(0);
      expectNoSecret(result);
    }
    expect(added.stdout).toContain('POST /webhooks/pushpress/gym-a');
    expect(listed.stdout).toMatch(/^gym-a {2}connections: ghl {2}workflows: flowline serve's/m);
    expect(shown.stdout).toContain('connection ghl: connector ghl, settings {"locationId":"loc_a"}');
    expect(shown.stdout).toContain('secrets: 2 signing secret(s) set, credentials: ghl private-token (token set)');
    expect(JSON.parse(shownJson.stdout)).toMatchObject({
      id: 'gym-a',
      settings: { connections: { ghl: { connector: 'ghl', settings: { locationId: 'loc_a' } } }, config: { locationId: 'loc_a' }, templates: { contactFields: { source: 'PushPress' } } },
      secrets: { credentials: { ghl: { type: 'private-token', set: ['token'] } }, signingSecrets: 2 },
    });
    // The record: settings in the clear without credentials; the secrets (read with the key) hold them.
    const record = await withStore((store) => store.getTenant('gym-a'));
    expect(JSON.stringify(record?.settings)).not.toContain(TOKEN);
    expect(record?.secrets).toEqual({ credentials: { ghl: { type: 'private-token', token: TOKEN } }, signingSecrets: [SIGNING_SECRET, 'whsec_gym_a_old_never_printed'] });
    expect(readFileSync(join(dataDir, 'flowline.db')).includes(Buffer.from(SIGNING_SECRET))).toBe(false);
  });

  it('reads the tenant file from standard input when no --file is given', async () => {
    const added = await runCli(['tenants', 'add', 'gym-stdin', '--data-dir', dataDir], { FLOWLINE_SECRET_KEY: key, GYM_A_TOKEN: TOKEN, GYM_A_SIGNING_SECRET: SIGNING_SECRET }, readFileSync(tenantFile, 'utf8'));

    expect(added.code, added.stderr).toBe(0);
    expect((await tenants(['list'])).stdout).toContain('gym-stdin');
  });

  it('refuses a tenant that is there already, the default tenant, and an id that is not a tenant id', async () => {
    expect((await tenants(['add', 'gym-a', '--file', tenantFile])).code).toBe(0);

    const again = await tenants(['add', 'gym-a', '--file', tenantFile]);
    const defaultTenant = await tenants(['add', 'default', '--file', tenantFile]);
    const badId = await tenants(['add', 'gym a', '--file', tenantFile]);

    expect(again).toMatchObject({ code: 2, stderr: expect.stringContaining('Tenant "gym-a" is already added') });
    expect(defaultTenant).toMatchObject({ code: 2, stderr: expect.stringContaining('The default tenant is the configuration file') });
    expect(badId).toMatchObject({ code: 2, stderr: expect.stringContaining('"gym a" is not a tenant id') });
  });

  it('refuses a tenant file with a member it does not know, or without signing secrets, naming the place', async () => {
    const unknown = writeJson(dir, 'unknown.json', { connections: {}, pushpress: { signingSecrets: ['s'] }, ghl: { baseUrl: 'http://x' } });
    const unsigned = writeJson(dir, 'unsigned.json', { connections: {} });

    expect(await tenants(['add', 'gym-b', '--file', unknown])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown member "ghl"') });
    expect(await tenants(['add', 'gym-b', '--file', unsigned])).toMatchObject({ code: 2, stderr: expect.stringContaining('pushpress.signingSecrets must list') });
    expect((await tenants(['list'])).stdout).toContain('no tenants besides the default one');
  });

  it("refuses a tenant whose own workflows do not deploy against its connections, naming the file", async () => {
    const flows = join(dir, 'flows');
    writeJson(flows, 'lead.workflow.json', { ...(taggingWorkflow('gym-b-lead', 'gym-b') as object), steps: [{ id: 'upsert', type: 'action', operation: 'ghl.contacts.upsert-contact', connection: 'crm', input: { body: {} } }] });
    const file = writeJson(dir, 'gym-b.tenant.json', { connections: { ghl: ghlConnection('loc_b', { type: 'private-token', token: 't' }) }, pushpress: { signingSecrets: ['s'] }, workflows: 'flows' });

    const refused = await tenants(['add', 'gym-b', '--file', file]);

    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining(`Tenant "gym-b" cannot run ${join(flows, 'lead.workflow.json')}`) });
    expect((await tenants(['list'])).stdout).not.toContain('gym-b');
  });

  it('prints its usage with --help', async () => {
    const out: string[] = [];
    const code = await main(['tenants', '--help'], { out: (text) => out.push(text), err: () => {} });

    expect(code).toBe(0);
    expect(out.join('\n')).toContain('flowline tenants remove <id> [--dead-letter] [--export <file>] [--keep-records]');
  });
});

describe('flowline tenants remove', () => {
  it("writes the tenant's records to the --export file (0600) and deletes them, its record with them; another tenant's stay", async () => {
    await tenants(['add', 'gym-a', '--file', tenantFile]);
    await tenants(['add', 'gym-b', '--file', tenantFile]);
    const sent = signedLead('usr_exported', SIGNING_SECRET);
    const event = { id: sent.id, trigger: 'pushpress.customer.created', payload: JSON.parse(sent.body) as unknown };
    await withStore(async (store) => {
      for (const tenant of ['gym-a', 'gym-b']) {
        const records = store.forTenant(tenant);
        await records.putRun({ id: 'run_1', workflowId: 'new-lead', workflowVersion: 1, status: 'succeeded', dryRun: false, event, queuedAt: new Date().toISOString(), finishedAt: new Date().toISOString() });
        await records.putLink('pushpress-customer:ghl-contact:loc_a', 'usr_exported', 'ct_1');
      }
    });
    const exportFile = join(dir, 'gym-a.export.json');

    const removed = await tenants(['remove', 'gym-a', '--export', exportFile]);

    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`exported to ${exportFile}: 1 run(s)`);
    const exported = JSON.parse(readFileSync(exportFile, 'utf8')) as TenantExport;
    expect(exported).toMatchObject({ tenant: 'gym-a', runs: [expect.objectContaining({ id: 'run_1', status: 'succeeded' })], links: [{ namespace: 'pushpress-customer:ghl-contact:loc_a', from: 'usr_exported', to: 'ct_1' }] });
    expect((statSync(exportFile).mode & 0o777).toString(8)).toBe('600');
    await withStore(async (store) => {
      expect(await store.getTenant('gym-a')).toBeUndefined();
      expect(await store.forTenant('gym-a').listRuns()).toEqual([]);
      expect(await store.forTenant('gym-b').listRuns()).toHaveLength(1);
      expect(await store.getTenant('gym-b')).toBeDefined();
    });
    expect((await tenants(['list'])).stdout).not.toMatch(/^gym-a /m);
  });

  it('never writes the export over an existing file, and then removes nothing', async () => {
    await tenants(['add', 'gym-a', '--file', tenantFile]);
    const exportFile = writeJson(dir, 'taken.json', { mine: true });

    const refused = await tenants(['remove', 'gym-a', '--export', exportFile]);

    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining('exists already') });
    expect(JSON.parse(readFileSync(exportFile, 'utf8'))).toEqual({ mine: true });
    expect((await tenants(['list'])).stdout).toMatch(/^gym-a /m);
  });

  it('with --dead-letter, dead-letters a delivery an earlier serve left pending; with --keep-records, leaves the records and only marks the tenant removed', async () => {
    await tenants(['add', 'gym-a', '--file', tenantFile]);
    const sent = signedLead('usr_left_pending', SIGNING_SECRET);
    await withStore((store) => store.forTenant('gym-a').addToInbox({ id: sent.id, trigger: 'pushpress.customer.created', payload: JSON.parse(sent.body) as unknown }, new Date().toISOString()));

    const removed = await tenants(['remove', 'gym-a', '--dead-letter', '--keep-records']);

    expect(removed.code, removed.stderr).toBe(0);
    await withStore(async (store) => {
      const records = store.forTenant('gym-a');
      expect(await records.getInboxEntry(sent.id)).toMatchObject({ status: 'dead' });
      expect(await records.listDeadLetters()).toEqual([expect.objectContaining({ inboxId: sent.id, reason: 'tenant-removed' })]);
      const record = await store.getTenant('gym-a');
      expect(record?.secrets).toBeUndefined();
      expect(record?.settings).toMatchObject({ removedAt: expect.any(String) });
    });
    expect((await tenants(['list'])).stdout).toMatch(/^gym-a {2}removed .* \(records kept\)$/m);
  });

  describe('by default (its work finished first)', () => {
    let sandbox: GhlSandbox;
    beforeEach(async () => {
      sandbox = await startGhlSandbox({ locations: [{ id: 'loc_a' }], tokens: { [TOKEN]: { locationId: 'loc_a' } } });
    });
    afterEach(async () => {
      await sandbox.close();
    });

    it("finishes a delivery an earlier serve left pending, on the tenant's published workflow and its GHL connection, before its records go", async () => {
      await tenants(['add', 'gym-a', '--file', tenantFile]);
      const sent = signedLead('usr_finished_on_removal', SIGNING_SECRET);
      const definition = taggingWorkflow('gym-a-lead', 'gym-a');
      await withStore(async (store) => {
        const records = store.forTenant('gym-a');
        const at = new Date().toISOString();
        await records.putWorkflowVersion({ workflowId: 'gym-a-lead', version: 1, state: 'published', definition, savedAt: at, publishedAt: at });
        await records.addToInbox({ id: sent.id, trigger: 'pushpress.customer.created', payload: JSON.parse(sent.body) as unknown }, at);
      });
      const configFile = writeJson(dir, 'flowline.config.json', { ghl: { baseUrl: sandbox.url } });
      const exportFile = join(dir, 'export.json');

      const removed = await tenants(['remove', 'gym-a', '--config', configFile, '--export', exportFile]);

      expect(removed.code, removed.stderr).toBe(0);
      expect(sandbox.dump().locations[0]?.contacts).toEqual([expect.objectContaining({ email: sent.email, tags: expect.arrayContaining(['gym-a']) })]);
      expect((JSON.parse(readFileSync(exportFile, 'utf8')) as TenantExport).runs).toEqual([expect.objectContaining({ workflowId: 'gym-a-lead', status: 'succeeded' })]);
      expect(existsSync(exportFile)).toBe(true);
      expect(await withStore((store) => store.getTenant('gym-a'))).toBeUndefined();
    });
  });
});

describe('flowline runs retry --tenant', () => {
  let sandbox: GhlSandbox;
  beforeEach(async () => {
    sandbox = await startGhlSandbox({ locations: [{ id: 'loc_a' }, { id: 'loc_default' }], tokens: { [TOKEN]: { locationId: 'loc_a' }, 'token-default': { locationId: 'loc_default' } } });
  });
  afterEach(async () => {
    await sandbox.close();
  });

  it("retries a tenant's failed run with the tenant's own connection, as a new attempt in its records", async () => {
    await tenants(['add', 'gym-a', '--file', tenantFile]);
    const sent = signedLead('usr_retried', SIGNING_SECRET);
    const at = new Date().toISOString();
    await withStore((store) =>
      store.forTenant('gym-a').putRun({
        id: 'run_failed',
        workflowId: 'new-lead',
        workflowVersion: 1,
        status: 'failed',
        dryRun: false,
        event: { id: sent.id, trigger: 'pushpress.customer.created', payload: JSON.parse(sent.body) as unknown },
        queuedAt: at,
        finishedAt: at,
        error: { name: 'ActionError', code: 'network', message: 'GHL was down' },
      }),
    );
    const configFile = writeJson(dir, 'flowline.config.json', {
      ghl: { baseUrl: sandbox.url },
      connections: { ghl: ghlConnection('loc_default', { type: 'private-token', token: 'token-default' }) },
      config: { locationId: 'loc_default' },
    });

    const retried = await runCli(['runs', 'retry', 'run_failed', WORKFLOW, '--tenant', 'gym-a', '--config', configFile, '--data-dir', dataDir], { FLOWLINE_SECRET_KEY: key });

    expect(retried.code, retried.stderr).toBe(0);
    const contacts = (location: string) => sandbox.dump().locations.find((candidate) => candidate.id === location)?.contacts ?? [];
    expect(contacts('loc_a')).toEqual([expect.objectContaining({ email: sent.email })]);
    expect(contacts('loc_default')).toEqual([]);
    expect(await withStore((store) => store.forTenant('gym-a').getRun('run_failed~2'))).toMatchObject({ status: 'succeeded', retryOf: 'run_failed' });
    expect(await withStore((store) => store.getRun('run_failed~2'))).toBeUndefined();
  });
});
