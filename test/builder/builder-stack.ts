import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDelivery, type Delivery, type JsonObject } from '../../packages/sandbox/src/index.js';
import { NodeChild, REPO_ROOT } from '../support/node-child.js';
import { startSandboxChild, type SandboxChild } from '../support/sandbox-child.js';
import { freePort } from '../support/serve-process.js';

/** The compiled CLI, as a host runs it. */
const CLI = 'packages/cli/dist/main.js';
/** The sandbox's seeded location and its private token. */
export const LOCATION_ID = 'loc_sandbox_1';
const LOCATION_TOKEN = 'sandbox-token';

export interface BuilderStack {
  /** The API's origin, where `--ui` serves the builder at `/`. */
  readonly apiUrl: string;
  /** The tenant the builder works for, and its token (a JWT from POST /api/tenants/{tenant}/tokens). */
  readonly tenant: string;
  readonly token: string;
  /** The builder's page for the tenant: `<apiUrl>/?tenant=…&token=…`. */
  readonly builderUrl: string;
  readonly sandbox: SandboxChild;
  readonly serve: NodeChild;
  /** POSTs a PushPress delivery to the tenant's webhook, signed with the tenant's secret; resolves with the answer. */
  deliver(delivery: Delivery): Promise<{ status: number; body: string }>;
  /** The sandbox location's contacts (its state API). */
  contacts(): Promise<JsonObject[]>;
  /** The operator's view of the API, for checks the page cannot make. */
  operator(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

async function call(url: string, method: string, key: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/**
 * A real host for the builder: the GHL sandbox (and PushPress API stub) in a child process,
 * `flowline serve --api-port N --ui` in another, and a tenant added through the API with a GHL
 * connection to the sandbox's location and a signing secret of its own.
 */
export async function startBuilderStack(options: { readonly tenant?: string; /** Serve these files instead of @flowline/builder's (the config's api.ui.root). */ readonly uiRoot?: string } = {}): Promise<BuilderStack> {
  const workDir = mkdtempSync(join(tmpdir(), 'flowline-builder-'));
  const tenant = options.tenant ?? 'gym-builder';
  const operatorKey = `op_${randomBytes(16).toString('hex')}`;
  const signingSecret = `pp_${randomBytes(16).toString('hex')}`;
  const children: NodeChild[] = [];
  let sandbox: SandboxChild | undefined;
  try {
    sandbox = await startSandboxChild({ customers: [], workDir });
    const configFile = join(workDir, 'flowline.config.json');
    writeFileSync(configFile, JSON.stringify({
      ghl: { baseUrl: sandbox.ghlUrl },
      pushpress: { baseUrl: sandbox.pushpressUrl, signingSecrets: [`default_${randomBytes(8).toString('hex')}`] },
      ...(options.uiRoot === undefined ? {} : { api: { ui: { root: options.uiRoot } } }),
    }, null, 2));
    const [port, apiPort] = [await freePort(), await freePort()];
    const serve = new NodeChild({
      script: CLI,
      args: ['serve', 'test/builder/fixtures/host.workflow.json', '--config', configFile, '--port', String(port), '--api-port', String(apiPort), '--ui', '--data-dir', join(workDir, 'data')],
      env: {
        FLOWLINE_API_KEY: operatorKey,
        FLOWLINE_API_TOKEN_SECRET: randomBytes(32).toString('hex'),
        FLOWLINE_SECRET_KEY: randomBytes(32).toString('hex'),
      },
      logFile: join(workDir, 'serve.log'),
    });
    children.push(serve);
    await serve.waitForLine((line) => line.startsWith('PushPress webhooks: POST'), 60_000, 'flowline serve --ui');
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const webhookUrl = `http://127.0.0.1:${port}/webhooks/pushpress/${tenant}`;
    const operator = (method: string, path: string, body?: unknown) => call(`${apiUrl}${path}`, method, operatorKey, body);
    const added = await operator('POST', '/api/tenants', {
      id: tenant,
      connections: { ghl: { connector: 'ghl', settings: { locationId: LOCATION_ID }, credentials: { type: 'private-token', token: LOCATION_TOKEN } } },
      config: { ghlLocationId: LOCATION_ID },
      pushpress: { signingSecrets: [signingSecret] },
    });
    if (added.status !== 201) throw new Error(`Adding the tenant answered ${added.status}: ${JSON.stringify(added.body)}`);
    const issued = await operator('POST', `/api/tenants/${tenant}/tokens`, { expiresInSeconds: 3600 });
    if (issued.status !== 201) throw new Error(`Issuing a tenant token answered ${issued.status}: ${JSON.stringify(issued.body)}`);
    const { token } = issued.body as { token: string };
    const admin = sandbox.admin;
    const started = sandbox;
    return {
      apiUrl,
      tenant,
      token,
      builderUrl: `${apiUrl}/?${new URLSearchParams({ tenant, token }).toString()}`,
      sandbox: started,
      serve,
      async deliver(delivery) {
        const signed = signDelivery(delivery, signingSecret);
        const response = await fetch(webhookUrl, { method: 'POST', headers: signed.headers, body: signed.body, signal: AbortSignal.timeout(15_000) });
        return { status: response.status, body: await response.text() };
      },
      async contacts() {
        return (await admin.state()).locations.find((location) => location.id === LOCATION_ID)?.contacts ?? [];
      },
      operator,
      async close() {
        await Promise.all(children.map((child) => child.stop(10_000)));
        await started.close();
        rmSync(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(children.map((child) => child.kill('SIGKILL')));
    await sandbox?.close();
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}

/** A `customer.created` delivery of a new customer: the contact-sync example's event, with the id, name, email and phone given, created now. */
export function customerCreated(customer: { readonly id: string; readonly first: string; readonly last: string; readonly email: string; readonly phone: string }): Delivery {
  const example = JSON.parse(readFileSync(join(REPO_ROOT, 'examples/contact-sync/events/customer.created.json'), 'utf8')) as { data: JsonObject };
  const name = example.data['name'] as JsonObject;
  return {
    event: 'customer.created',
    created: Math.floor(Date.now() / 1000),
    data: { ...example.data, id: customer.id, name: { ...name, first: customer.first, last: customer.last }, email: customer.email, phone: customer.phone },
  };
}
