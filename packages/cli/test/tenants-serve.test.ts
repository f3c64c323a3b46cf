/**
 * `flowline serve` with stored tenants, end to end: the compiled CLI (run `pnpm build` first) adds
 * two tenants, each with its own signing secret, GHL location and token, then serves them; the
 * test posts deliveries it signs itself over real sockets, and reads the GHL sandbox and the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGhlSandbox, type GhlSandbox } from '@flowline/sandbox';
import { createSqliteStore, type SqliteStore } from '@flowline/store-sqlite';
import type { NodeChild } from '../../../test/support/node-child.js';
import { ghlConnection, newSecretKey, post, runCli, signedLead, startServe, taggingWorkflow, writeJson } from './fixtures/tenant-stack.js';

const SECRETS = { default: 'whsec_default_0123', a: 'whsec_gym_a_4567', b: 'whsec_gym_b_89ab' } as const;

describe.each([
  ["on the engine's thread", false],
  ['on a thread of its own', true],
] as const)('flowline serve with two stored tenants, webhook server %s', (_mode, receiverThread) => {
  let dir: string;
  let dataDir: string;
  let sandbox: GhlSandbox;
  let serve: { readonly child: NodeChild; readonly url: string };
  const key = newSecretKey();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'flowline-tenants-serve-'));
    dataDir = join(dir, 'data');
    sandbox = await startGhlSandbox({
      locations: [{ id: 'loc_default' }, { id: 'loc_a' }, { id: 'loc_b' }],
      tokens: { 'token-default': { locationId: 'loc_default' }, 'token-a': { locationId: 'loc_a' }, 'token-b': { locationId: 'loc_b' } },
    });
    const configFile = writeJson(dir, 'flowline.config.json', {
      ghl: { baseUrl: sandbox.url },
      pushpress: { signingSecrets: [SECRETS.default] },
      connections: { ghl: ghlConnection('loc_default', { type: 'private-token', token: 'token-default' }) },
      config: { locationId: 'loc_default' },
    });
    // Gym A runs a workflow of its own (it tags its contacts "gym-a"); gym B runs serve's.
    writeJson(join(dir, 'gym-a-flows'), 'lead.workflow.json', taggingWorkflow('gym-a-lead', 'gym-a'));
    const tenantA = writeJson(dir, 'gym-a.tenant.json', {
      connections: { ghl: ghlConnection('loc_a', { type: 'private-token', token: '$env:GYM_A_TOKEN' }) },
      config: { locationId: 'loc_a' },
      pushpress: { signingSecrets: ['$env:GYM_A_SIGNING_SECRET'] },
      workflows: 'gym-a-flows',
    });
    const tenantB = writeJson(dir, 'gym-b.tenant.json', {
      connections: { ghl: ghlConnection('loc_b', { type: 'private-token', token: 'token-b' }) },
      config: { locationId: 'loc_b' },
      pushpress: { signingSecrets: [SECRETS.b] },
    });
    for (const [id, file] of [['gym-a', tenantA], ['gym-b', tenantB]] as const) {
      const added = await runCli(['tenants', 'add', id, '--file', file, '--data-dir', dataDir], { FLOWLINE_SECRET_KEY: key, GYM_A_TOKEN: 'token-a', GYM_A_SIGNING_SECRET: SECRETS.a });
      if (added.code !== 0) throw new Error(`tenants add ${id} failed: ${added.stderr}`);
    }
    serve = await startServe({ configFile, dataDir, env: { FLOWLINE_SECRET_KEY: key }, receiverThread });
  }, 120_000);

  afterAll(async () => {
    await serve?.child.stop(30_000);
    await sandbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The data directory's store, opened beside the running serve (SQLite lets a second connection read). */
  async function withStore<T>(use: (store: SqliteStore) => Promise<T>): Promise<T> {
    const store = createSqliteStore({ path: join(dataDir, 'flowline.db'), encryptionKey: key, checkIntegrity: false });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  }

  const contactsIn = (location: string, email: string) => (sandbox.dump().locations.find((candidate) => candidate.id === location)?.contacts ?? []).filter((contact) => contact['email'] === email);

  /** Waits (at most 15 s) until `tenant` has a finished run of the delivery to `email` and its contact is in `location`. */
  async function finished(tenant: string, location: string, email: string): Promise<void> {
    for (let waited = 0; waited < 15_000; waited += 100) {
      if (contactsIn(location, email).length > 0 && (await runsOf(tenant, email)).some((run) => run.status === 'succeeded' || run.status === 'failed')) return;
      await sleep(100);
    }
  }

  async function runsOf(tenant: string, email: string) {
    return withStore(async (store) => (await (tenant === 'default' ? store : store.forTenant(tenant)).listRuns()).filter((run) => JSON.stringify(run.event.payload).includes(email)));
  }

  it("runs a delivery signed for tenant A and posted to A's path on A's workflows and A's GHL location, and lists it only in A's runs", async () => {
    const sent = signedLead('usr_gym_a_1', SECRETS.a);

    expect(await post(`${serve.url}/gym-a`, sent)).toEqual({ status: 202, body: { status: 'accepted', id: sent.id } });

    await finished('gym-a', 'loc_a', sent.email);
    expect(contactsIn('loc_a', sent.email)).toEqual([expect.objectContaining({ email: sent.email, tags: expect.arrayContaining(['gym-a']) })]);
    expect(contactsIn('loc_b', sent.email)).toEqual([]);
    expect(contactsIn('loc_default', sent.email)).toEqual([]);
    expect((await runsOf('gym-a', sent.email)).map((run) => [run.workflowId, run.status])).toEqual([['gym-a-lead', 'succeeded']]);
    expect(await runsOf('gym-b', sent.email)).toEqual([]);
    expect(await runsOf('default', sent.email)).toEqual([]);
  });

  it("lists a tenant's runs with flowline runs list --tenant, and no other tenant's", async () => {
    const sent = signedLead('usr_gym_a_listed', SECRETS.a);
    expect((await post(`${serve.url}/gym-a`, sent)).status).toBe(202);
    await finished('gym-a', 'loc_a', sent.email);

    const listed = async (...tenant: string[]) => {
      const result = await runCli(['runs', 'list', '--json', '--data-dir', dataDir, ...tenant], { FLOWLINE_SECRET_KEY: key });
      return (JSON.parse(result.stdout) as Array<{ event: { id: string } }>).map((run) => run.event.id);
    };
    expect(await listed('--tenant', 'gym-a')).toContain(sent.id);
    expect(await listed('--tenant', 'gym-b')).not.toContain(sent.id);
    expect(await listed()).not.toContain(sent.id);
  });

  it("refuses with 401 a delivery signed with tenant B's secret and posted to A's path, and stores nothing of it", async () => {
    const sent = signedLead('usr_forged_for_a', SECRETS.b);

    const answer = await post(`${serve.url}/gym-a`, sent);

    expect(answer).toMatchObject({ status: 401, body: { error: { code: 'pushpress.webhook.invalid_signature' } } });
    expect(await withStore(async (store) => [await store.forTenant('gym-a').getInboxEntry(sent.id), await store.forTenant('gym-b').getInboxEntry(sent.id)])).toEqual([undefined, undefined]);
  });

  it("runs tenant B's delivery on the host's workflows with B's own connection", async () => {
    const sent = signedLead('usr_gym_b_1', SECRETS.b);

    expect((await post(`${serve.url}/gym-b`, sent)).status).toBe(202);

    await finished('gym-b', 'loc_b', sent.email);
    expect(contactsIn('loc_b', sent.email)).toEqual([expect.objectContaining({ tags: expect.arrayContaining(['lead']) })]);
    expect(contactsIn('loc_a', sent.email)).toEqual([]);
    expect((await runsOf('gym-b', sent.email)).map((run) => run.workflowId)).toEqual(['new-lead']);
  });

  it('answers a delivery for a tenant it does not have with 404 and a JSON error, and stores nothing', async () => {
    const sent = signedLead('usr_nobody', SECRETS.a);
    const before = await withStore((store) => store.listTenantIds());

    const answer = await post(`${serve.url}/gym-z`, sent);

    expect(answer).toEqual({ status: 404, body: { error: expect.objectContaining({ code: 'tenants.not-found', message: 'There is no tenant "gym-z" on this host' }) } });
    expect(await withStore((store) => store.listTenantIds())).toEqual(before);
    expect(await withStore(async (store) => [await store.getInboxEntry(sent.id), await store.forTenant('gym-a').getInboxEntry(sent.id)])).toEqual([undefined, undefined]);
  });

  it('answers 404 to a path whose last part is not a tenant id', async () => {
    const sent = signedLead('usr_malformed', SECRETS.a);

    for (const path of ['/gym%20a', '/-gym', '/gym-a/extra', `/${'a'.repeat(65)}`]) {
      const answer = await post(`${serve.url}${path}`, sent);
      expect(answer, path).toMatchObject({ status: 404, body: { error: { code: 'tenants.not-found' } } });
    }
  });

  it("still receives the default tenant's webhooks at the old path, with the configuration's secret", async () => {
    const sent = signedLead('usr_default_1', SECRETS.default);

    expect(await post(serve.url, sent)).toEqual({ status: 202, body: { status: 'accepted', id: sent.id } });
    expect((await post(`${serve.url}/gym-a`, signedLead('usr_default_2', SECRETS.default))).status).toBe(401);

    await finished('default', 'loc_default', sent.email);
    expect(contactsIn('loc_default', sent.email)).toHaveLength(1);
    expect(await runsOf('gym-a', sent.email)).toEqual([]);
  });

  it('refuses tenants add and tenants remove while it owns the data directory, naming it', async () => {
    for (const args of [['add', 'gym-c', '--file', join(dir, 'gym-b.tenant.json')], ['remove', 'gym-b']]) {
      const refused = await runCli(['tenants', ...args, '--data-dir', dataDir], { FLOWLINE_SECRET_KEY: key });
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toContain(`flowline tenants ${args[0]} is refused: flowline serve (pid ${serve.child.pid}`);
    }
    expect((await runCli(['tenants', 'list', '--data-dir', dataDir], { FLOWLINE_SECRET_KEY: key })).stdout).not.toContain('gym-c');
  });
});
