/**
 * The host's HTTP API, over real sockets: a host with the GHL sandbox, the API on a port of its
 * own, every answer checked against /api/openapi.json (see contract-client.ts).
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPushPressData } from '@flowline/connectors';
import { createMemoryStore } from '@flowline/core';
import { parseFaultSpec, startGhlSandbox, type GhlSandbox } from '@flowline/sandbox';
import { tenantToken } from '../../src/api/auth.js';
import { startHost, type RunningHost } from '../../src/host/start-host.js';
import { leadDelivery, NEW_LEAD_WORKFLOW, postDelivery, SECRET } from '../fixtures/test-host.js';
import { ContractClient } from './contract-client.js';

const KEYS = { operatorKey: 'operator-key-0123456789', tokenSecret: 'a-token-secret-of-at-least-32-bytes!!' };
const GYM_SECRET = 'gym-a-signing-secret';

let sandbox: GhlSandbox;
let host: RunningHost;
let api: ContractClient;
let gymToken: string;

let phones = 0;
/** A lead's customer.created delivery signed with `secret`, with an email and a phone number of its own. */
function signed(customer: string, secret: string) {
  const sent = leadDelivery(customer);
  const payload = JSON.parse(sent.body) as { data: Record<string, unknown> };
  phones += 1;
  payload.data = { ...payload.data, email: `${customer}@example.com`, phone: `+1512555${String(1000 + phones)}` };
  return { ...sent, body: JSON.stringify(payload), signature: signPushPressData(payload.data, secret) };
}

async function waitFor<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 25))) {
    const value = await read();
    if (value !== undefined) return value;
  }
  throw new Error(`Gave up waiting for ${what}`);
}

const gym = {
  id: 'gym-a',
  connections: { ghl: { connector: 'ghl', settings: { locationId: 'loc_a' }, credentials: { type: 'private-token', token: 'token-a' } } },
  config: { locationId: 'loc_a' },
  pushpress: { signingSecrets: [GYM_SECRET] },
};

beforeAll(async () => {
  sandbox = await startGhlSandbox({ locations: [{ id: 'loc_test' }, { id: 'loc_a' }], tokens: { 'test-token': { locationId: 'loc_test' }, 'token-a': { locationId: 'loc_a' } } });
  host = await startHost({
    config: {
      pushpress: { signingSecrets: [SECRET] },
      ghl: { baseUrl: sandbox.url },
      connections: { ghl: { connector: 'ghl', settings: { locationId: 'loc_test' }, credentials: { type: 'private-token', token: 'test-token' } } },
      config: { locationId: 'loc_test' },
    },
    workflows: [{ file: 'new-lead.workflow.json', definition: NEW_LEAD_WORKFLOW }],
    store: createMemoryStore(),
    port: 0,
    api: { port: 0, bodyLimit: 64 * 1024, ...KEYS },
  });
  api = await ContractClient.open(host.apiUrl ?? '');
  const added = await api.call('POST', '/api/tenants', { token: KEYS.operatorKey, body: gym });
  expect(added.status).toBe(201);
  gymToken = (await api.call('POST', '/api/tenants/gym-a/tokens', { token: KEYS.operatorKey, body: { expiresInSeconds: 600 } })).body.token;
});

afterAll(async () => {
  await host?.close();
  await sandbox?.close();
});

describe('the OpenAPI document', () => {
  it('is served without a key at /api/openapi.json and is a valid OpenAPI 3.1 document', async () => {
    expect(api.doc).toMatchObject({ openapi: '3.1.0' });
    const result = await new Validator().validate(api.doc as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe('authentication', () => {
  it('refuses a request without a key with 401 and says what to send', async () => {
    const answer = await api.call('GET', '/api/tenants');
    expect(answer.status).toBe(401);
    expect(answer.body.error).toMatchObject({ code: 'api.unauthenticated', hint: expect.stringContaining('Authorization: Bearer') });
  });

  it('refuses a wrong key, a token signed with another secret and an expired token with 401', async () => {
    expect((await api.call('GET', '/api/tenants', { token: 'operator-key-wrong-guess' })).body.error.code).toBe('api.bad-credentials');
    const forged = (await tenantToken({ ...KEYS, tokenSecret: 'another-secret-of-at-least-32-bytes!!!' }, 'gym-a', 600)).token;
    expect((await api.call('GET', '/api/tenants/gym-a', { token: forged })).body.error.code).toBe('api.bad-token');
    const expired = (await tenantToken(KEYS, 'gym-a', 60, Date.now() - 3600_000)).token;
    const answer = await api.call('GET', '/api/tenants/gym-a', { token: expired });
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('api.token-expired');
  });

  it("lets a tenant's token reach its own tenant, and answers 403 for another tenant and for operator routes", async () => {
    expect((await api.call('GET', '/api/tenants/gym-a', { token: gymToken })).status).toBe(200);
    const other = await api.call('GET', '/api/tenants/default/runs', { token: gymToken });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('api.forbidden');
    expect((await api.call('GET', '/api/tenants', { token: gymToken })).status).toBe(403);
    expect((await api.call('POST', '/api/tenants/gym-a/tokens', { token: gymToken, body: {} })).status).toBe(403);
  });
});

describe('tenant tokens', () => {
  it('signs a token of the default lifetime (an hour) when the request has no body', async () => {
    const response = await fetch(`${host.apiUrl}/api/tenants/gym-a/tokens`, { method: 'POST', headers: { authorization: `Bearer ${KEYS.operatorKey}` } });
    expect(response.status).toBe(201);
    const { expiresAt } = (await response.json()) as { expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(3500_000);
  });
});

describe('tenants', () => {
  it('lists the tenants with their webhook URLs and connections, never their credentials', async () => {
    const answer = await api.call('GET', '/api/tenants', { token: KEYS.operatorKey });
    expect(answer.body.tenants.map((tenant: { id: string }) => tenant.id)).toEqual(['default', 'gym-a']);
    expect(answer.body.tenants[1]).toEqual({ id: 'gym-a', webhookUrl: host.webhookUrlOf('gym-a'), connections: [{ name: 'ghl', connector: 'ghl', settings: { locationId: 'loc_a' } }] });
    expect(JSON.stringify(answer.body)).not.toContain('token-a');
  });

  it("receives an added tenant's signed webhooks at its own path, and refuses another tenant's signature", async () => {
    expect((await postDelivery(host.webhookUrlOf('gym-a'), signed('usr_api_1', GYM_SECRET))).status).toBe(202);
    expect((await postDelivery(host.webhookUrlOf('gym-a'), signed('usr_api_2', SECRET))).status).toBe(401);
  });

  it('refuses a tenant that is there with 409, and a body without signing secrets with 400 at its pointer, adding nothing', async () => {
    expect((await api.call('POST', '/api/tenants', { token: KEYS.operatorKey, body: gym })).status).toBe(409);
    const { pushpress: _left, ...withoutSecrets } = { ...gym, id: 'gym-b' };
    const answer = await api.call('POST', '/api/tenants', { token: KEYS.operatorKey, body: withoutSecrets });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'api.bad-request', pointer: '/pushpress' });
    expect((await api.call('GET', '/api/tenants/gym-b', { token: KEYS.operatorKey })).status).toBe(404);
  });

  it('refuses a tenant whose workflows do not fit its connections with 400, and keeps no record of it', async () => {
    const answer = await api.call('POST', '/api/tenants', { token: KEYS.operatorKey, body: { ...gym, id: 'gym-c', connections: {} } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('tenants.bad-workflow');
    expect((await api.call('GET', '/api/tenants', { token: KEYS.operatorKey })).body.tenants).toHaveLength(2);
  });

  it('answers 404 for an unknown tenant, and removes a tenant: its webhooks answer 404 from then on', async () => {
    expect((await api.call('GET', '/api/tenants/nobody/runs', { token: KEYS.operatorKey })).body.error.code).toBe('tenants.not-found');
    expect((await api.call('POST', '/api/tenants', { token: KEYS.operatorKey, body: { ...gym, id: 'gym-d' } })).status).toBe(201);
    const removed = await api.call('DELETE', '/api/tenants/gym-d', { token: KEYS.operatorKey });
    expect(removed.body).toEqual({ tenant: 'gym-d', keptRecords: false });
    expect((await postDelivery(host.webhookUrlOf('gym-d'), signed('usr_api_3', GYM_SECRET))).status).toBe(404);
  });
});

describe('workflows', () => {
  const definition = (version: number, extra: Record<string, unknown> = {}) => ({ ...(NEW_LEAD_WORKFLOW as Record<string, unknown>), id: 'api-lead', version, ...extra });

  it('validates a definition, each problem at its pointer', async () => {
    const broken = definition(1, { trigger: { operation: 'pushpress.customer.create' } });
    const answer = await api.call('POST', '/api/tenants/gym-a/validate', { token: gymToken, body: { definition: broken } });
    expect(answer.body.valid).toBe(false);
    expect(answer.body.problems).toContainEqual(expect.objectContaining({ pointer: '/trigger/operation' }));
    expect((await api.call('POST', '/api/tenants/gym-a/validate', { token: gymToken, body: { definition: definition(1) } })).body).toEqual({ valid: true, problems: [] });
  });

  it('publishes a version, saves a draft, lists versions, publishes the draft, and undeploys', async () => {
    expect((await api.call('POST', '/api/tenants/gym-a/workflows', { token: gymToken, body: { definition: definition(1) } })).status).toBe(201);
    const draft = await api.call('POST', '/api/tenants/gym-a/workflows/drafts', { token: gymToken, body: { definition: definition(2) } });
    expect(draft.body).toMatchObject({ workflowId: 'api-lead', version: 2, state: 'draft' });
    const versions = await api.call('GET', '/api/tenants/gym-a/workflows/api-lead/versions', { token: gymToken });
    expect(versions.body.versions.map((record: { version: number; state: string }) => `${record.version}:${record.state}`)).toEqual(['1:published', '2:draft']);
    expect((await api.call('POST', '/api/tenants/gym-a/workflows/api-lead/versions/2/publish', { token: gymToken })).body).toMatchObject({ id: 'api-lead', version: 2 });
    const published = await api.call('GET', '/api/tenants/gym-a/workflows', { token: gymToken });
    expect(published.body.workflows.find((workflow: { id: string }) => workflow.id === 'api-lead')).toMatchObject({ version: 2 });
    expect((await api.call('DELETE', '/api/tenants/gym-a/workflows/api-lead', { token: gymToken })).body).toEqual({ workflowId: 'api-lead', undeployed: true });
    expect((await api.call('DELETE', '/api/tenants/gym-a/workflows/api-lead', { token: gymToken })).status).toBe(404);
  });

  it('refuses to publish an invalid definition with 422 and its problems, and a taken draft version with 409', async () => {
    const answer = await api.call('POST', '/api/tenants/gym-a/workflows', { token: gymToken, body: { definition: definition(3, { steps: [{ id: 'x', type: 'action', operation: 'ghl.nope', connection: 'ghl' }] }) } });
    expect(answer.status).toBe(422);
    expect(answer.body.error.problems).toContainEqual(expect.objectContaining({ pointer: '/steps/0/operation' }));
    expect((await api.call('POST', '/api/tenants/gym-a/workflows/drafts', { token: gymToken, body: { definition: definition(2) } })).status).toBe(409);
    expect((await api.call('POST', '/api/tenants/gym-a/workflows/api-lead/versions/9/publish', { token: gymToken })).status).toBe(404);
  });
});

describe('design', () => {
  it("previews a whole mapping with a template and the tenant's $config, each field with its value or error", async () => {
    const answer = await api.call('POST', '/api/tenants/gym-a/preview', {
      token: gymToken,
      body: { trigger: 'pushpress.customer.created', templates: { who: { first: '=$event.data.name.first' } }, mapping: { body: { $use: 'who', locationId: '=$config.locationId', bad: '=$nosuch(' } } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.fields).toContainEqual(expect.objectContaining({ pointer: '/body/locationId', value: 'loc_a' }));
    expect(answer.body.fields).toContainEqual(expect.objectContaining({ pointer: '/body/bad', error: expect.objectContaining({ code: expect.any(String) }) }));
  });

  it('test-runs a definition on its trigger\'s sample as a dry run, recording the requests it would send', async () => {
    const answer = await api.call('POST', '/api/tenants/gym-a/test-runs', { token: gymToken, body: { definition: (NEW_LEAD_WORKFLOW as object) } });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'succeeded', dryRun: true });
    expect(answer.body.steps[0].request).toMatchObject({ method: 'POST', path: '/contacts/upsert' });
  });
});

describe('test runs with mocks and chosen branches', () => {
  const branching = {
    id: 'api-branching',
    name: 'Branches for test runs',
    version: 1,
    trigger: { operation: 'pushpress.customer.created' },
    steps: [
      { id: 'link', type: 'action', operation: 'flowline.links.get', connection: 'flowline', input: { namespace: 'crm', from: '=$event.data.id' } },
      {
        id: 'known',
        type: 'if',
        condition: '$steps.link.found',
        then: [{ id: 'update', type: 'action', operation: 'ghl.contacts.update-contact', connection: 'ghl', input: { path: { contactId: '=$steps.link.to' }, body: { firstName: '=$event.data.name.first' } } }],
        else: [{ id: 'create', type: 'action', operation: 'ghl.contacts.upsert-contact', connection: 'ghl', input: { body: { locationId: '=$config.locationId', email: '=$event.data.email' } } }],
      },
    ],
  };
  const requested = (run: { steps: Array<{ stepId: string; request?: unknown }> }) => run.steps.filter((step) => step.request !== undefined).map((step) => step.stepId);

  it("runs a first-time branch when a step's output is mocked, and the chosen branch of an if", async () => {
    const sample = await api.call('POST', '/api/tenants/gym-a/test-runs', { token: gymToken, body: { definition: branching } });
    expect(requested(sample.body)).toEqual(['link', 'update']);
    const mocked = await api.call('POST', '/api/tenants/gym-a/test-runs', { token: gymToken, body: { definition: branching, mocks: { link: { found: false } } } });
    expect(requested(mocked.body)).toEqual(['link', 'create']);
    expect(mocked.body.steps.find((step: { stepId: string }) => step.stepId === 'create').request.input.body.locationId).toBe('loc_a');
    const chosen = await api.call('POST', '/api/tenants/gym-a/test-runs', { token: gymToken, body: { definition: branching, branches: { known: 'else' } } });
    expect(requested(chosen.body)).toEqual(['link', 'create']);
  });

  it("answers what is in scope at a step's input: the trigger's payload, earlier steps (possible on one branch only) and $config", async () => {
    const answer = await api.call('POST', '/api/tenants/gym-a/scope', { token: gymToken, body: { definition: branching, pointer: '/steps/1/else/0/input/body/email' } });
    expect(answer.status).toBe(200);
    const names = answer.body.names.map((node: { name: string }) => node.name);
    expect(names).toEqual(expect.arrayContaining(['$event', '$steps', '$config']));
    const steps = answer.body.names.find((node: { name: string }) => node.name === '$steps');
    expect(steps.children.map((node: { name: string }) => node.name)).toContain('link');
    expect(JSON.stringify(answer.body)).toContain('loc_a');
    const nowhere = await api.call('POST', '/api/tenants/gym-a/scope', { token: gymToken, body: { definition: branching, pointer: '/steps/9/input' } });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.error.code).toBe('scope.pointer-not-found');
  });

  it('runs the chosen case of a switch step', async () => {
    const upsertStep = { type: 'action', operation: 'ghl.contacts.upsert-contact', connection: 'ghl', input: { body: { locationId: '=$config.locationId', email: '=$event.data.email' } } };
    const routed = {
      ...branching,
      id: 'api-switch',
      steps: [{ id: 'route', type: 'switch', cases: [{ when: '$event.data.role = "lead"', steps: [{ ...upsertStep, id: 'lead' }] }], default: [{ ...upsertStep, id: 'create' }] }],
    };
    const chosen = await api.call('POST', '/api/tenants/gym-a/test-runs', { token: gymToken, body: { definition: routed, branches: { route: 'default' } } });
    expect(chosen.status).toBe(200);
    expect(requested(chosen.body)).toEqual(['create']);
    const first = await api.call('POST', '/api/tenants/gym-a/test-runs', { token: gymToken, body: { definition: routed, branches: { route: 0 } } });
    expect(requested(first.body)).toEqual(['lead']);
  });

  it('does not wait in a delay step: the test run goes on and records when the wait would have ended', async () => {
    const upsertStep = { type: 'action', operation: 'ghl.contacts.upsert-contact', connection: 'ghl', input: { body: { locationId: '=$config.locationId', email: '=$event.data.email' } } };
    const delayed = { ...branching, id: 'api-delay', steps: [{ id: 'wait', type: 'delay', for: 'P3D' }, { ...upsertStep, id: 'after' }] };
    const tested = await api.call('POST', '/api/tenants/gym-a/test-runs', { token: gymToken, body: { definition: delayed } });
    expect(tested.status).toBe(200);
    expect(tested.body.status).toBe('succeeded');
    const wait = tested.body.steps.find((step: { stepId: string }) => step.stepId === 'wait');
    expect(wait.output.skippedWait).toBe(true);
    expect(Date.parse(wait.output.until) - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
    expect(requested(tested.body)).toEqual(['after']);
  });

  it('refuses a mock for a step the definition does not have with 400 at its pointer', async () => {
    const answer = await api.call('POST', '/api/tenants/gym-a/test-runs', { token: gymToken, body: { definition: branching, mocks: { nosuch: {} } } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.pointer).toContain('nosuch');
  });
});

describe('testing one step live', () => {
  const upsert = (body: Record<string, unknown>) => ({ operation: 'ghl.contacts.upsert-contact', connection: 'ghl', input: { body } });

  it("runs one action live with the tenant's connection and answers its output, recording no run", async () => {
    const before = (await api.call('GET', '/api/tenants/gym-a/runs?limit=500', { token: gymToken })).body.runs.length;
    const answer = await api.call('POST', '/api/tenants/gym-a/test-step', { token: gymToken, body: upsert({ locationId: 'loc_a', email: 'step.test@example.com' }) });
    expect(answer.body).toMatchObject({ operation: 'ghl.contacts.upsert-contact', status: 'succeeded', output: { contact: { email: 'step.test@example.com', locationId: 'loc_a' } } });
    expect((await api.call('GET', '/api/tenants/gym-a/runs?limit=500', { token: gymToken })).body.runs).toHaveLength(before);
  });

  it('fails an input that does not fit the operation before anything is sent, at its pointer', async () => {
    const sent = sandbox.requests.stats().total;
    const answer = await api.call('POST', '/api/tenants/gym-a/test-step', { token: gymToken, body: upsert({ email: 'no.location@example.com' }) });
    expect(answer.body).toMatchObject({ status: 'failed', error: { category: 'validation', pointer: '/body/locationId' } });
    expect(sandbox.requests.stats().total).toBe(sent);
  });

  it('refuses an unknown action and a connection the tenant does not have with 400, naming the closest action', async () => {
    const unknown = await api.call('POST', '/api/tenants/gym-a/test-step', { token: gymToken, body: { ...upsert({}), operation: 'ghl.contacts.upsert-contct' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: 'test-step.unknown-operation', pointer: '/operation', hint: expect.stringContaining('ghl.contacts.upsert-contact') });
    const connection = await api.call('POST', '/api/tenants/gym-a/test-step', { token: gymToken, body: { ...upsert({}), connection: 'crm' } });
    expect(connection.body.error).toMatchObject({ code: 'test-step.unknown-connection', pointer: '/connection' });
  });
});

describe("connecting a tenant's GHL app install (OAuth)", () => {
  const oauthGym = { ...gym, id: 'gym-o', connections: { ghl: { connector: 'ghl', settings: { locationId: 'loc_a' }, credentials: { type: 'oauth', clientId: 'sandbox-client', clientSecret: 'sandbox-secret' } } } };
  const tryStep = () => api.call('POST', '/api/tenants/gym-o/test-step', { token: KEYS.operatorKey, body: { operation: 'ghl.contacts.upsert-contact', connection: 'ghl', input: { body: { locationId: 'loc_a', email: 'oauth.step@example.com' } } } });

  it('gives the install link with a signed state, and on the callback keeps the token pair: the connection works from then on', async () => {
    expect((await api.call('POST', '/api/tenants', { token: KEYS.operatorKey, body: oauthGym })).status).toBe(201);
    expect((await tryStep()).body).toMatchObject({ status: 'failed', error: { category: 'credentials' } });
    const link = await api.call('GET', '/api/tenants/gym-o/connections/ghl/oauth/authorize?scopes=contacts.write,contacts.readonly', { token: KEYS.operatorKey });
    const url = new URL(link.body.url);
    expect(url.origin + url.pathname).toBe('https://marketplace.gohighlevel.com/v2/oauth/chooselocation');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: 'code', client_id: 'sandbox-client', scope: 'contacts.write contacts.readonly', redirect_uri: `${host.apiUrl}/api/oauth/callback` });
    // GHL sends the admin back with a code and the state.
    const code = sandbox.issueAuthorizationCode('loc_a');
    const callback = await api.call('GET', `/api/oauth/callback?code=${code}&state=${url.searchParams.get('state')}`);
    expect(callback.body).toEqual({ tenant: 'gym-o', connection: 'ghl', connected: true });
    expect((await tryStep()).body).toMatchObject({ status: 'succeeded' });
    expect(JSON.stringify((await api.call('GET', '/api/tenants/gym-o', { token: KEYS.operatorKey })).body)).not.toContain('sandbox-secret');
  });

  it('refuses a callback without a state or with a forged one (400), a code GHL refuses (502), and a link for a private-token connection (400)', async () => {
    expect((await api.call('GET', `/api/oauth/callback?code=${sandbox.issueAuthorizationCode('loc_a')}`)).body.error.code).toBe('api.bad-oauth-state');
    const forged = (await tenantToken(KEYS, 'gym-o', 600)).token;
    expect((await api.call('GET', `/api/oauth/callback?code=abc&state=${forged}`)).status).toBe(400);
    const link = await api.call('GET', '/api/tenants/gym-o/connections/ghl/oauth/authorize?scopes=contacts.write', { token: KEYS.operatorKey });
    const state = new URL(link.body.url).searchParams.get('state');
    expect((await api.call('GET', `/api/oauth/callback?code=not-a-code&state=${state}`)).status).toBe(502);
    const privateToken = await api.call('GET', '/api/tenants/gym-a/connections/ghl/oauth/authorize?scopes=contacts.write', { token: gymToken });
    expect(privateToken.body.error.code).toBe('connections.not-oauth');
  });
});

describe('dynamic options', () => {
  it("lists the option sources, and answers one from the tenant's GHL location, cached until refreshed", async () => {
    const sources = await api.call('GET', '/api/tenants/gym-a/options', { token: gymToken });
    expect(sources.body.sources.map((source: { id: string }) => source.id)).toEqual(expect.arrayContaining(['ghl.calendars', 'ghl.pipelines', 'ghl.pipeline-stages', 'ghl.users', 'ghl.custom-fields', 'ghl.tags']));
    const pipelines = await api.call('GET', '/api/tenants/gym-a/options/ghl.pipelines', { token: gymToken });
    expect(pipelines.body).toMatchObject({ source: 'ghl.pipelines', cached: false });
    expect(pipelines.body.options.length).toBeGreaterThan(0);
    const pipelineId = pipelines.body.options[0].value;
    const stages = await api.call('GET', `/api/tenants/gym-a/options/ghl.pipeline-stages?pipelineId=${pipelineId}`, { token: gymToken });
    expect(stages.body.options.length).toBeGreaterThan(0);
    expect((await api.call('GET', '/api/tenants/gym-a/options/ghl.pipelines', { token: gymToken })).body.cached).toBe(true);
    expect((await api.call('GET', '/api/tenants/gym-a/options/ghl.pipelines?refresh=true', { token: gymToken })).body.cached).toBe(false);
  });

  it('refuses stages without the chosen pipeline with 400, and an unknown source with 404 naming the closest', async () => {
    const missing = await api.call('GET', '/api/tenants/gym-a/options/ghl.pipeline-stages', { token: gymToken });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('options.invalid-params');
    const unknown = await api.call('GET', '/api/tenants/gym-a/options/ghl.calendar', { token: gymToken });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.hint).toContain('ghl.calendars');
  });

  it('answers 502 when GHL fails behind the request (an outage), naming no token', async () => {
    sandbox.faults.add(parseFaultSpec({ kind: 'error', method: 'GET', path: '/calendars/', status: 503, count: 'always' }));
    try {
      const answer = await api.call('GET', '/api/tenants/gym-a/options/ghl.calendars?refresh=true', { token: gymToken });
      expect(answer.status).toBe(502);
      expect(JSON.stringify(answer.body)).not.toContain('token-a');
    } finally {
      sandbox.faults.clear();
    }
  });
});

describe('runs and dead letters', () => {
  it('lists runs a page at a time with a cursor, and shows one with its steps', async () => {
    for (const customer of ['usr_page_1', 'usr_page_2', 'usr_page_3']) expect((await postDelivery(host.webhookUrlOf('gym-a'), signed(customer, GYM_SECRET))).status).toBe(202);
    await host.engine.idle();
    const first = await api.call('GET', '/api/tenants/gym-a/runs?limit=2&status=succeeded', { token: gymToken });
    expect(first.body.runs).toHaveLength(2);
    const second = await api.call('GET', `/api/tenants/gym-a/runs?limit=2&status=succeeded&cursor=${first.body.next}`, { token: gymToken });
    expect(second.body.runs.length).toBeGreaterThan(0);
    expect(second.body.runs.map((run: { id: string }) => run.id)).not.toContain(first.body.runs[0].id);
    const shown = await api.call('GET', `/api/tenants/gym-a/runs/${first.body.runs[0].id}`, { token: gymToken });
    expect(shown.body).toMatchObject({ id: first.body.runs[0].id, status: 'succeeded', steps: [expect.objectContaining({ stepId: 'upsert' })] });
    expect((await api.call('GET', '/api/tenants/gym-a/runs/nope', { token: gymToken })).status).toBe(404);
    expect((await api.call('GET', '/api/tenants/gym-a/runs?limit=0', { token: gymToken })).body.error).toMatchObject({ code: 'api.bad-request', pointer: '/limit' });
  });

  it('replays a finished run, and refuses to cancel or retry it with 409', async () => {
    const [run] = (await api.call('GET', '/api/tenants/gym-a/runs?limit=1&status=succeeded', { token: gymToken })).body.runs;
    expect((await api.call('POST', `/api/tenants/gym-a/runs/${run.id}/cancel`, { token: gymToken })).status).toBe(409);
    expect((await api.call('POST', `/api/tenants/gym-a/runs/${run.id}/retry`, { token: gymToken })).status).toBe(409);
    const replayed = await api.call('POST', `/api/tenants/gym-a/runs/${run.id}/replay`, { token: gymToken });
    expect(replayed.body).toMatchObject({ replayOf: run.id, status: 'succeeded' });
  });

  it('lists dead letters, retries a failed run (it succeeds, off the list) and discards another', async () => {
    // GHL fails every upsert until the faults are cleared (and finds no contact by their email or phone): both runs give up after their retries.
    sandbox.faults.add(parseFaultSpec({ kind: 'error', method: 'POST', path: '/contacts/upsert', status: 503, count: 'always' }));
    for (const customer of ['usr_dead_1', 'usr_dead_2']) expect((await postDelivery(host.webhookUrlOf('gym-a'), signed(customer, GYM_SECRET))).status).toBe(202);
    const letters = await waitFor(async () => {
      const listed = (await api.call('GET', '/api/tenants/gym-a/dead-letters', { token: gymToken })).body.deadLetters;
      return listed.length === 2 ? listed : undefined;
    }, 'two dead letters').catch(async (error: unknown) => {
      throw new Error(`${String(error)}: ${JSON.stringify((await api.call('GET', '/api/tenants/gym-a/runs?limit=5', { token: gymToken })).body).slice(0, 3000)}`);
    });
    sandbox.faults.clear();
    const retried = await api.call('POST', `/api/tenants/gym-a/runs/${letters[0].runId}/retry`, { token: gymToken });
    expect(retried.body.runs).toEqual([expect.objectContaining({ retryOf: letters[0].runId, status: 'succeeded' })]);
    expect((await api.call('DELETE', `/api/tenants/gym-a/dead-letters/${letters[1].id}`, { token: gymToken })).body).toMatchObject({ id: letters[1].id });
    expect((await api.call('GET', '/api/tenants/gym-a/dead-letters', { token: gymToken })).body.deadLetters).toEqual([]);
    expect((await api.call('DELETE', '/api/tenants/gym-a/dead-letters/nope', { token: gymToken })).status).toBe(404);
  });
});

interface StreamEvent {
  readonly id?: string;
  readonly event: string;
  readonly data: any;
}

/** Reads a tenant's event stream until `enough` says so (or 15 s pass); the request is then aborted. */
async function readStream(tenant: string, token: string, enough: (events: StreamEvent[]) => boolean, lastEventId?: string): Promise<StreamEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 15_000);
  const response = await fetch(`${host.apiUrl}/api/tenants/${tenant}/events`, { headers: { authorization: `Bearer ${token}`, ...(lastEventId ? { 'last-event-id': lastEventId } : {}) }, signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const events: StreamEvent[] = [];
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
        const frame = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const fields = Object.fromEntries(frame.split('\n').filter((line) => !line.startsWith(':') && line.includes(': ')).map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]));
        if (fields['event'] !== undefined) events.push({ ...(fields['id'] ? { id: fields['id'] } : {}), event: fields['event'], data: JSON.parse(fields['data'] ?? 'null') });
      }
      if (enough(events)) break;
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

describe('live run events (Server-Sent Events)', () => {
  const succeeded = (customer: string) => (events: StreamEvent[]) => events.some((event) => event.event === 'run.succeeded' && event.data.runId !== undefined && seenRuns.get(event.data.runId) === customer);
  const seenRuns = new Map<string, string>();
  const track = (events: StreamEvent[]) => {
    for (const event of events) if (event.event === 'run.queued') seenRuns.set(event.data.runId, String(event.data.eventId).split(':')[1] ?? '');
    return events;
  };
  let first: StreamEvent[] = [];

  it("streams the tenant's run and step events as they happen, numbered in order, and none of another tenant's", async () => {
    const reading = readStream('gym-a', gymToken, (events) => succeeded('usr_live_1')(track(events)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await postDelivery(host.webhookUrl, leadDelivery('usr_live_default'))).status).toBe(202);
    expect((await postDelivery(host.webhookUrlOf('gym-a'), signed('usr_live_1', GYM_SECRET))).status).toBe(202);
    first = await reading;
    expect(first.map((event) => event.event)).toEqual(expect.arrayContaining(['run.queued', 'run.started', 'step.started', 'step.succeeded', 'run.succeeded']));
    expect(first.every((event) => event.data.tenant === 'gym-a')).toBe(true);
    const numbers = first.map((event) => Number(event.id?.split('-')[1]));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(first.map((event) => event.id?.split('-')[0])).size).toBe(1);
  });

  it('sends what came after Last-Event-ID on reconnecting, and a gap for an id it no longer knows', async () => {
    const resumed = await readStream('gym-a', gymToken, (events) => events.length >= first.length - 1, first[0]?.id);
    expect(resumed.slice(0, first.length - 1).map((event) => event.id)).toEqual(first.slice(1).map((event) => event.id));
    const gap = await readStream('gym-a', gymToken, (events) => events.length >= 1, 'deadbeef-12');
    expect(gap[0]).toMatchObject({ event: 'gap', data: { reason: expect.any(String), oldest: first[0]?.id } });
    api.called.add('GET /api/tenants/{tenant}/events');
  });
});

describe('a browser on another origin', () => {
  it('follows the event stream with the token in the query, as an EventSource must', async () => {
    const response = await fetch(`${host.apiUrl}/api/tenants/gym-a/events?access_token=${gymToken}`);
    expect(response.status).toBe(200);
    await response.body?.cancel();
    expect((await fetch(`${host.apiUrl}/api/tenants/default/events?access_token=${gymToken}`)).status).toBe(403);
  });

  it('is answered with CORS headers for the origins the host allows, and none for others', async () => {
    const own = await startHost({ config: { pushpress: { signingSecrets: [SECRET] } }, workflows: [], port: 0, api: { port: 0, corsOrigins: ['http://builder.test'], ...KEYS } });
    try {
      const preflight = (origin: string) => fetch(`${own.apiUrl}/api/tenants/default/preview`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' } });
      const allowed = await preflight('http://builder.test');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://builder.test');
      expect((await preflight('http://elsewhere.test')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await own.close();
    }
  });
});

describe('stopping the host', () => {
  it('ends the open event streams, so it stops without waiting for their clients', async () => {
    const own = await startHost({ config: { pushpress: { signingSecrets: [SECRET] } }, workflows: [], port: 0, api: { port: 0, ...KEYS } });
    const response = await fetch(`${own.apiUrl}/api/tenants/default/events`, { headers: { authorization: `Bearer ${KEYS.operatorKey}` } });
    const reading = (async () => {
      for await (const _chunk of response.body as unknown as AsyncIterable<Uint8Array>);
      return 'ended';
    })();
    await own.close();
    expect(await reading).toBe('ended');
  });
});

describe('bad requests', () => {
  it('answers malformed JSON with 400 and a body over the limit with 413, changing nothing', async () => {
    expect((await api.call('POST', '/api/tenants/gym-a/validate', { token: gymToken, body: '{"definition":' })).status).toBe(400);
    const huge = await api.call('POST', '/api/tenants/gym-a/workflows', { token: gymToken, body: { definition: { ...(NEW_LEAD_WORKFLOW as object), id: 'huge', description: 'x'.repeat(100_000) } } });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('api.too-large');
    expect((await api.call('GET', '/api/tenants/gym-a/workflows', { token: gymToken })).body.workflows.map((workflow: { id: string }) => workflow.id)).not.toContain('huge');
  });

  it('refuses a body nested deeper than 64 levels with 400 at its pointer, not a 500', async () => {
    const answer = await api.call('POST', '/api/tenants/gym-a/preview', { token: gymToken, body: `{"mapping":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}` });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'api.too-deep', pointer: expect.stringMatching(/^\/mapping(\/a)+$/) });
  });

  it('refuses a definition of 20,000 empty steps at once (checking each took minutes), and the host stays responsive', async () => {
    const validating = api.call('POST', '/api/tenants/gym-a/validate', { token: gymToken, body: `{"definition":{"steps":[${Array.from({ length: 20_000 }, () => '{}').join(',')}]}}` });
    const started = Date.now();
    expect((await fetch(`${host.apiUrl}/api/openapi.json`)).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((await validating).body.problems).toEqual([expect.objectContaining({ code: 'definition.too-many-steps' })]);
  });

  it('says a __proto__ key is refused, and answers a malformed URL in the error shape', async () => {
    const proto = await api.call('POST', '/api/tenants/gym-a/validate', { token: gymToken, body: '{"definition":{"__proto__":{"x":1}}}' });
    expect(proto.status).toBe(400);
    expect(proto.body.error).toMatchObject({ code: 'api.unsafe-key', pointer: '/definition/__proto__', message: expect.stringContaining('__proto__') });
    const badUrl = await fetch(`${host.apiUrl}/api/tenants/%ZZ/runs`, { headers: { authorization: `Bearer ${gymToken}` } });
    expect(badUrl.status).toBe(400);
    expect(await badUrl.json()).toMatchObject({ error: { code: 'api.bad-request' } });
  });

  it('refuses a correctly signed token that lives longer than a week', async () => {
    const { SignJWT } = await import('jose');
    const now = Math.floor(Date.now() / 1000);
    const long = await new SignJWT({ tenant: 'gym-a' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('flowline').setAudience('flowline-api').setSubject('gym-a').setIssuedAt(now).setExpirationTime(now + 30 * 24 * 3600).sign(new TextEncoder().encode(KEYS.tokenSecret));
    expect((await api.call('GET', '/api/tenants/gym-a', { token: long })).body.error.code).toBe('api.bad-token');
  });

  it('answers an unknown route with 404 naming it', async () => {
    expect((await api.call('GET', '/api/nothing-here', { token: KEYS.operatorKey })).body.error).toMatchObject({ code: 'api.not-found', message: expect.stringContaining('/api/nothing-here') });
  });
});

describe('runs started by hand (flowline.manual)', () => {
  const byHand = {
    id: 'tag-by-hand',
    name: 'Tag a contact by hand',
    version: 1,
    trigger: { operation: 'flowline.manual', input: { type: 'object', required: ['email', 'tag'], properties: { email: { type: 'string', format: 'email' }, tag: { type: 'string', minLength: 1 } }, additionalProperties: false } },
    steps: [{ id: 'note', type: 'set', var: 'tagged', value: '$event.tag' }],
  };

  it('starts a run of a published manual workflow with a payload that matches its input, and answers 202 with the run', async () => {
    expect((await api.call('POST', '/api/tenants/gym-a/workflows', { token: gymToken, body: { definition: byHand } })).status).toBe(201);
    const started = await api.call('POST', '/api/tenants/gym-a/workflows/tag-by-hand/runs', { token: gymToken, body: { payload: { email: 'ann@example.com', tag: 'vip' } } });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ workflowId: 'tag-by-hand', event: { trigger: 'flowline.manual', payload: { email: 'ann@example.com', tag: 'vip' } } });
    const run = await waitFor(async () => {
      const answer = await api.call('GET', `/api/tenants/gym-a/runs/${started.body.id}`, { token: gymToken });
      return answer.body.status === 'succeeded' ? answer.body : undefined;
    }, 'the manual run to succeed');
    expect(run.steps[0]).toMatchObject({ stepId: 'note', output: 'vip' });
  });

  it('refuses a payload that does not match the input with 400, each problem at its pointer in the body, and starts nothing', async () => {
    const before = (await api.call('GET', '/api/tenants/gym-a/runs?workflowId=tag-by-hand', { token: gymToken })).body.runs.length;
    const refused = await api.call('POST', '/api/tenants/gym-a/workflows/tag-by-hand/runs', { token: gymToken, body: { payload: { email: 'not-an-email', extra: 1 } } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('payload.invalid');
    expect(refused.body.error.problems.map((problem: { pointer: string }) => problem.pointer).sort()).toEqual(['/payload', '/payload/email', '/payload/tag']);
    expect((await api.call('GET', '/api/tenants/gym-a/runs?workflowId=tag-by-hand', { token: gymToken })).body.runs.length).toBe(before);
  });

  it('refuses a body without a payload with 400, a workflow that is not manual with 409, and an unknown one with 404', async () => {
    expect((await api.call('POST', '/api/tenants/gym-a/workflows/tag-by-hand/runs', { token: gymToken, body: {} })).status).toBe(400);
    const published = (await api.call('GET', '/api/tenants/gym-a/workflows', { token: gymToken })).body.workflows.find((workflow: { trigger: { operation: string } }) => workflow.trigger.operation !== 'flowline.manual');
    expect((await api.call('POST', `/api/tenants/gym-a/workflows/${published.id}/runs`, { token: gymToken, body: { payload: {} } })).body.error).toMatchObject({ code: 'runs.not-manual' });
    expect((await api.call('POST', '/api/tenants/gym-a/workflows/no-such-flow/runs', { token: gymToken, body: { payload: {} } })).status).toBe(404);
  });
});

describe('the contract', () => {
  it('was exercised on every route the OpenAPI document describes', () => {
    expect(api.operations().filter((operation) => !api.called.has(operation))).toEqual([]);
  });
});
