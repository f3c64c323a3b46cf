import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../packages/connectors/src/catalog/index.js';
import {
  BUILT_IN_CONNECTION,
  ExpressionCompiler,
  previewMapping,
  sampleScope,
  validateWorkflow,
  type Mapping,
  type WorkflowDefinition,
} from '../../packages/core/src/design/index.js';
import { REPO_ROOT } from '../support/node-child.js';
import { bundleForBrowser, DESIGN_ENTRIES, RESOLVE_FROM } from './bundle-for-browser.js';

/** Debian's chromium (CI installs it; test tools may not download browsers here). */
const CHROMIUM = '/usr/bin/chromium';
const CSP = "script-src 'self'";
const PAGE_FILES = ['index.html', 'csp-watch.js', 'page.js'];
const TYPES: Readonly<Record<string, string>> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' };

/** A control page: it tries to compile code at run time, which the CSP must refuse and the watcher must see. */
const PROBE_FILES: Readonly<Record<string, string>> = {
  'probe.html': '<!doctype html><html><head><meta charset="utf-8"><title>probe</title><link rel="icon" href="data:,"><script src="./csp-watch.js"></script><script type="module" src="./probe.js"></script></head><body></body></html>',
  'probe.js': "try { globalThis.evalAllowed = new Function('return true')(); } catch { globalThis.evalAllowed = false; }\n",
};

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(join(REPO_ROOT, path), 'utf8')) as T;

/** The value at a JSON pointer (no escapes needed here). */
function at(document: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce<unknown>((value, token) => (value as Record<string, unknown>)[token], document);
}

/** The upsert step's input: a `$use` of the contactFields template plus a field of its own. */
const UPSERT_INPUT = '/steps/3/then/0/else/0/input';

async function fixtures() {
  const valid = await readJson<WorkflowDefinition>('examples/contact-sync/customer-created.workflow.json');
  const event = await readJson<{ data: unknown }>('examples/contact-sync/events/customer.created.json');
  const { connections, config } = await readJson<{ connections: Record<string, { connector: string }>; config: Record<string, unknown> }>('examples/flowline.config.json');
  // Invalid: a mistyped operation and a missing required property.
  const { name: _name, ...invalid } = JSON.parse(JSON.stringify(valid).replace('"ghl.contacts.upsert-contact"', '"ghl.contacts.upsert-contat"')) as WorkflowDefinition;
  return {
    valid,
    invalid,
    event,
    // Only which connector each connection is for: a builder never holds credentials.
    connections: Object.fromEntries(Object.entries(connections).map(([name, connection]) => [name, { connector: connection.connector }])),
    config,
    // The template reads the customer from $vars, as the workflow's first step binds it.
    vars: { customer: event.data },
    pointer: UPSERT_INPUT,
    mapping: at(valid, UPSERT_INPUT) as Mapping,
  };
}
type Fixtures = Awaited<ReturnType<typeof fixtures>>;

/** What page.js computes, computed in Node from the same sources. */
async function expectedResults(data: Fixtures) {
  const catalog = await loadCatalog();
  const expressions = new ExpressionCompiler();
  const options = { catalog, expressions, connections: { [BUILT_IN_CONNECTION]: { connector: 'flowline' }, ...data.connections } };
  return {
    invalid: validateWorkflow(data.invalid, options),
    preview: await previewMapping(data.mapping, {
      expressions,
      pointer: data.pointer,
      templates: data.valid.templates,
      scope: sampleScope({ event: data.event, vars: data.vars, config: data.config, trigger: { operation: data.valid.trigger.operation } }),
    }),
  };
}

function serve(root: string, requests: string[]): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '');
    requests.push(`/${path}`);
    const type = TYPES[extname(path)];
    if (!type || path.includes('..')) {
      response.writeHead(404).end();
      return;
    }
    readFile(join(root, path)).then(
      (body) => response.writeHead(200, { 'content-type': type, 'content-security-policy': CSP, 'cache-control': 'no-store' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

interface PageReport {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
}

function watch(page: Page): PageReport {
  const report: PageReport = { consoleErrors: [], pageErrors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') report.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => report.pageErrors.push(error.message));
  return report;
}

describe(`the browser entries in headless Chromium under "Content-Security-Policy: ${CSP}" (bundled from ${RESOLVE_FROM})`, () => {
  let root = '';
  let server: Server | undefined;
  let browser: Browser | undefined;
  let base = '';
  let data: Fixtures;
  const requests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does`);
    root = await mkdtemp(join(tmpdir(), 'flowline-browser-page-'));
    await bundleForBrowser({ entries: { design: DESIGN_ENTRIES.design, catalog: DESIGN_ENTRIES.catalog }, outdir: root });
    for (const file of PAGE_FILES) await copyFile(new URL(`./page/${file}`, import.meta.url), join(root, file));
    for (const [file, content] of Object.entries(PROBE_FILES)) await writeFile(join(root, file), content);
    data = await fixtures();
    await writeFile(join(root, 'fixtures.json'), JSON.stringify(data));
    server = await serve(root, requests);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('validates example workflows, loads the catalog on demand and previews a mapping, with no CSP violation', { timeout: 60_000 }, async () => {
    const page = await (browser as Browser).newPage();
    const report = watch(page);
    const response = await page.goto(`${base}/index.html`);
    expect(response?.headers()['content-security-policy']).toBe(CSP);
    const results = (await page.evaluate(() => (globalThis as { flowlineResults?: unknown }).flowlineResults)) as Record<string, unknown>;
    const violations = await page.evaluate(() => (globalThis as { cspViolations?: unknown }).cspViolations);
    await page.close();

    expect(results['failed']).toBeUndefined();
    expect(violations).toEqual([]);
    expect(report.consoleErrors, `console errors; the server was asked for ${requests.join(', ')}`).toEqual([]);
    expect(report.pageErrors).toEqual([]);

    // 131 before the engine's own triggers (flowline.manual, flowline.schedule) joined the catalog.
    expect(results['catalogSize']).toBe(133);
    expect(results['triggerHasSample']).toBe(true);
    const lazyChunk = /\/catalog-operations-[^/]+\.js$/;
    expect(results['scriptsBeforeCatalog']).toEqual(expect.arrayContaining(['/page.js', '/design.js', '/catalog.js']));
    expect((results['scriptsBeforeCatalog'] as string[]).filter((path) => lazyChunk.test(path))).toEqual([]);
    expect((results['scriptsAfterCatalog'] as string[]).filter((path) => lazyChunk.test(path))).toHaveLength(1);

    expect(results['valid']).toEqual({ valid: true, problems: [] });
    const expected = await expectedResults(data);
    expect(results['invalid']).toEqual(expected.invalid);
    expect(results['invalid']).toMatchObject({
      valid: false,
      problems: expect.arrayContaining([
        expect.objectContaining({ pointer: '', code: 'schema.required' }),
        expect.objectContaining({ pointer: '/steps/3/then/0/else/0/operation', code: 'operation.unknown', suggestion: expect.stringContaining('"ghl.contacts.upsert-contact"') }),
      ]),
    });

    expect(results['preview']).toEqual(expected.preview);
    expect(results['preview']).toMatchObject({
      value: { body: { firstName: 'Ann', lastName: 'Lee', name: 'Ann Lee', email: 'ann.lee@example.com', phone: '+15125550101', city: 'Austin', source: 'PushPress', locationId: 'loc_sandbox_1' } },
      fields: expect.arrayContaining([{ pointer: '/templates/contactFields/phone', source: '=$vars.customer.phone ? $toE164($vars.customer.phone)', value: '+15125550101' }]),
    });
  });

  it('would see a violation: the same CSP refuses code compiled at run time', { timeout: 60_000 }, async () => {
    const page = await (browser as Browser).newPage();
    await page.goto(`${base}/probe.html`);
    const evalAllowed = await page.evaluate(() => (globalThis as { evalAllowed?: boolean }).evalAllowed);
    const violations = (await page.evaluate(() => (globalThis as { cspViolations?: unknown }).cspViolations)) as Array<{ directive: string }>;
    await page.close();
    expect(evalAllowed).toBe(false);
    expect(violations.map((violation) => violation.directive)).toEqual(['script-src']);
  });
});
