/**
 * FLOWLINE_SECRET_KEY: `flowline serve` and `flowline tenants add` are refused, in one line that
 * names it, when what they would store or use is kept encrypted with it and it is not set
 * (before, serve started, answered 202, and every GHL OAuth run failed). Runs the compiled CLI.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NodeChild } from '../../../test/support/node-child.js';
import { ghlConnection, newSecretKey, runCli, startServe, WORKFLOW, writeJson, type CliResult } from './fixtures/tenant-stack.js';

const OAUTH = { type: 'oauth', clientId: 'client', clientSecret: 'client-secret', accessToken: 'at', refreshToken: 'rt', expiresAt: Date.now() + 3_600_000 };
const AGENCY_OAUTH = { type: 'agency-oauth', clientId: 'client', clientSecret: 'client-secret', companyId: 'cmp_1' };

let dir: string;
let dataDir: string;
const started: NodeChild[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'flowline-secret-key-'));
  dataDir = join(dir, 'data');
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((child) => child.stop(30_000)));
  rmSync(dir, { recursive: true, force: true });
});

function configWith(credentials: Record<string, unknown>): string {
  return writeJson(dir, 'flowline.config.json', {
    pushpress: { signingSecrets: ['whsec_default'] },
    connections: { ghl: ghlConnection('loc_1', credentials) },
    config: { locationId: 'loc_1' },
  });
}

function serve(configFile: string, env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(['serve', WORKFLOW, '--config', configFile, '--port', '0', '--data-dir', dataDir], env);
}

/** Refused in one line that names the key, exit code 2, and never listening. */
function expectRefusedForKey(result: CliResult, command: string): void {
  expect(result.code).toBe(2);
  expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^flowline: ${command} is refused: FLOWLINE_SECRET_KEY is not set`))]);
  expect(result.stdout).not.toContain('PushPress webhooks');
}

describe('flowline serve without FLOWLINE_SECRET_KEY', () => {
  it.each([
    ['oauth', OAUTH],
    ['agency-oauth', AGENCY_OAUTH],
  ])('refuses to start when the configuration has a GHL %s connection', async (type, credentials) => {
    const refused = await serve(configWith(credentials));

    expectRefusedForKey(refused, 'flowline serve');
    expect(refused.stderr).toContain(`connection "ghl" (${type}) uses GHL OAuth`);
  });

  it('refuses to start when the store holds a tenant (its OAuth credentials and signing secrets are encrypted)', async () => {
    const key = newSecretKey();
    const tenantFile = writeJson(dir, 'gym-a.tenant.json', { connections: { ghl: ghlConnection('loc_a', OAUTH) }, pushpress: { signingSecrets: ['whsec_a'] } });
    expect((await runCli(['tenants', 'add', 'gym-a', '--file', tenantFile, '--data-dir', dataDir], { FLOWLINE_SECRET_KEY: key })).code).toBe(0);

    expectRefusedForKey(await serve(configWith({ type: 'private-token', token: 't' })), 'flowline serve');
  });

  it('starts with a private-token configuration and no stored tenant: the key is not needed', async () => {
    const running = await startServe({ configFile: configWith({ type: 'private-token', token: 't' }), dataDir, env: {} });
    started.push(running.child);

    expect((await fetch(running.url.replace('/webhooks/pushpress', '/health'))).status).toBe(200);
  });

  it('starts with a GHL OAuth connection once the key is set', async () => {
    const running = await startServe({ configFile: configWith(OAUTH), dataDir, env: { FLOWLINE_SECRET_KEY: newSecretKey() } });
    started.push(running.child);

    expect((await fetch(running.url.replace('/webhooks/pushpress', '/health'))).status).toBe(200);
  });
});

describe('flowline tenants add without FLOWLINE_SECRET_KEY', () => {
  it('refuses a tenant with secrets, in one line naming the key, and stores nothing', async () => {
    const tenantFile = writeJson(dir, 'gym-a.tenant.json', { connections: { ghl: ghlConnection('loc_a', AGENCY_OAUTH) }, pushpress: { signingSecrets: ['whsec_a'] } });

    const refused = await runCli(['tenants', 'add', 'gym-a', '--file', tenantFile, '--data-dir', dataDir]);

    expectRefusedForKey(refused, 'flowline tenants add');
    expect(refused.stderr).toContain('tenant "gym-a" has secrets');
    // Refused before the data directory was touched.
    expect(existsSync(join(dataDir, 'flowline.db'))).toBe(false);
  });
});
