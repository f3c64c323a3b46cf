/**
 * `flowline serve --ui`: the builder's built files served by the HTTP API on its own origin, over
 * a real socket, from a directory shaped like apps/builder/dist.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryStore, FlowlineError } from '@flowline/core';
import { tenantToken } from '../../src/api/auth.js';
import { builderDist } from '../../src/api/ui-files.js';
import { uiSettings } from '../../src/api/ui-settings.js';
import { startHost, type RunningHost } from '../../src/host/start-host.js';
import { NEW_LEAD_WORKFLOW, SECRET } from '../fixtures/test-host.js';

const KEYS = { operatorKey: 'operator-key-0123456789', tokenSecret: 'a-token-secret-of-at-least-32-bytes!!' };
const INDEX = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Flowline builder</title><script type="module" src="/assets/index-3f9a1c2e.js"></script></head><body><div id="root"></div></body></html>';
const CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'self' https://app.example.com";

/** A built builder: index.html, a hashed asset, embed.js; and a file beside the directory that must stay unreachable. */
function builtFiles(): { dir: string; root: string } {
  const dir = mkdtempSync(join(tmpdir(), 'flowline-ui-'));
  const root = join(dir, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'index-3f9a1c2e.js'), 'document.title = "built";\n');
  writeFileSync(join(root, 'embed.js'), 'customElements.define("flowline-builder", class extends HTMLElement {});\n');
  writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
  return { dir, root };
}

function startWith(ui: { root: string; frameAncestors?: readonly string[] } | undefined): Promise<RunningHost> {
  return startHost({
    config: {
      pushpress: { signingSecrets: [SECRET] },
      connections: { ghl: { connector: 'ghl', settings: { locationId: 'loc_test' }, credentials: { type: 'private-token', token: 'test-token' } } },
      config: { locationId: 'loc_test' },
    },
    workflows: [{ file: 'new-lead.workflow.json', definition: NEW_LEAD_WORKFLOW }],
    store: createMemoryStore(),
    port: 0,
    api: { port: 0, ...KEYS, ...(ui === undefined ? {} : { ui }) },
  });
}

let files: { dir: string; root: string };
let host: RunningHost;
let base: string;

beforeAll(async () => {
  files = builtFiles();
  host = await startWith({ root: files.root, frameAncestors: ["'self'", 'https://app.example.com'] });
  base = host.apiUrl ?? '';
});

afterAll(async () => {
  await host?.close();
  rmSync(files.dir, { recursive: true, force: true });
});

describe('the builder served at / of the API', () => {
  it('serves index.html at / under the strict CSP, nosniff and no-cache', async () => {
    const response = await fetch(`${base}/?tenant=default&token=x`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves hashed assets for a year, immutable, with the same headers', async () => {
    const response = await fetch(`${base}/assets/index-3f9a1c2e.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('revalidates embed.js, whose name does not change with its content', async () => {
    const response = await fetch(`${base}/embed.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers an unknown asset with the API 404 body', async () => {
    const response = await fetch(`${base}/assets/index-00000000.js`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('api.not-found');
  });

  it('does not serve files outside its directory', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(await response.text(), path).not.toContain('not for the browser');
    }
  });

  it('leaves the API routes as they were, and out of the builder headers', async () => {
    const { token } = await tenantToken(KEYS, 'default', 60);
    const workflows = await fetch(`${base}/api/tenants/default/workflows`, { headers: { authorization: `Bearer ${token}` } });
    expect(workflows.status).toBe(200);
    expect(workflows.headers.get('content-type')).toMatch(/^application\/json/);
    const unknown = await fetch(`${base}/api/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('api.not-found');
  });

  it('keeps the static routes out of the OpenAPI document', async () => {
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((path) => !path.startsWith('/api/'))).toEqual([]);
  });
});

describe('without --ui', () => {
  it('serves nothing at /', async () => {
    const plain = await startWith(undefined);
    try {
      expect((await fetch(`${plain.apiUrl}/`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

/** The FlowlineError `run` throws. */
function failure(run: () => unknown): FlowlineError {
  try {
    run();
  } catch (error) {
    if (error instanceof FlowlineError) return error;
    throw error;
  }
  throw new Error('Expected a FlowlineError');
}

describe('the --ui settings', () => {
  it('are off unless --ui or api.ui asks', () => {
    expect(uiSettings(undefined, false, true)).toBeUndefined();
    expect(uiSettings(false, false, true)).toBeUndefined();
  });

  it('refuse --ui without the HTTP API, saying to give it a port', () => {
    const error = failure(() => uiSettings(undefined, true, false));
    expect(error.code).toBe('cli.bad-config');
    expect(error.hint).toContain('--api-port');
  });

  it('refuse a frame-ancestors source that is not an origin, naming it by pointer', () => {
    const error = failure(() => uiSettings({ root: files.root, frameAncestors: ["'self'", "https://ok.example.com; script-src *"] }, false, true));
    expect(error.code).toBe('cli.bad-config');
    expect(error.pointer).toBe('/api/ui/frameAncestors/1');
  });

  it('take a root and frame-ancestors from the config', () => {
    expect(uiSettings({ root: files.root, frameAncestors: ['https://app.example.com:8443'] }, false, true)).toEqual({ root: files.root, frameAncestors: ['https://app.example.com:8443'] });
  });

  it('refuse to start on a directory without index.html, saying how to build it', async () => {
    const error = await startWith({ root: files.dir + '/nowhere' }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(FlowlineError);
    expect((error as FlowlineError).code).toBe('cli.ui-missing');
    expect((error as FlowlineError).hint).toContain('pnpm --filter @flowline/builder build');
  });
});

describe('finding the builder package', () => {
  it('finds an installed, built @flowline/builder in node_modules up the tree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowline-ui-pkg-'));
    try {
      const pkg = join(dir, 'node_modules', '@flowline', 'builder');
      mkdirSync(join(pkg, 'dist'), { recursive: true });
      writeFileSync(join(pkg, 'package.json'), '{"name":"@flowline/builder"}');
      const from = join(dir, 'app', 'node_modules', '@flowline', 'cli', 'dist', 'api');
      mkdirSync(from, { recursive: true });
      expect(failure(() => builderDist(from)).hint).toContain('pnpm --filter @flowline/builder build');
      writeFileSync(join(pkg, 'dist', 'index.html'), INDEX);
      expect(builderDist(from)).toBe(join(pkg, 'dist'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
