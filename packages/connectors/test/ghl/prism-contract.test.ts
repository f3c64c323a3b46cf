import { fileURLToPath } from 'node:url';
import { ActionError, type OperationDescriptor } from '@flowline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchLike } from '../../src/ghl/auth/oauth-token-endpoint.js';
import { createHttpFetch } from '../../src/ghl/client/http-fetch.js';
import { staticTokenSource } from '../../src/ghl/auth/access-token-source.js';
import { createGhlConnector, GhlClient } from '../../src/ghl/index.js';
import { ghlOperations } from '../../src/operations/index.js';
import { actionContext, PRIVATE_TOKEN, privateToken } from './support/fixtures.js';
import { OpenApiDocument, specInputs, type SpecInputs } from './support/openapi-inputs.js';
import { writeMergedDocument, type MergedDocument } from './support/merged-openapi.js';
import { startPrism, type RunningPrism } from './support/prism.js';

const MODULES = ['contacts', 'calendars', 'opportunities', 'users', 'locations'] as const;
type Module = (typeof MODULES)[number];
const OPENAPI_DIR = fileURLToPath(new URL('../../reference/ghl/openapi/', import.meta.url));
const documentOf = (module: Module) => `${OPENAPI_DIR}apps/${module}.json`;
const moduleOf = (operation: OperationDescriptor) => operation.id.split('.')[1] as Module;
const documents = new Map(MODULES.map((module) => [module, new OpenApiDocument(documentOf(module))]));

interface Violation {
  readonly location: readonly string[];
  readonly code: string | number;
  readonly message: string;
}

/** What Prism answered one request: its status and the request violations it found. */
interface Exchange {
  readonly status: number;
  readonly violations: readonly Violation[];
}

/** The inputs an operation is sent with: built from GHL's OpenAPI document, and our own sample. */
function inputsOf(operation: OperationDescriptor): SpecInputs {
  const http = operation.http;
  const document = documents.get(moduleOf(operation));
  if (!http || !document) throw new Error(`${operation.id} has no request or no document`);
  return specInputs(document, http.method, http.path);
}

/**
 * Why an exchange breaks the contract (empty when it does not): Prism found no such path (404) or
 * method (405) in GHL's document, the request violates the document, or Prism did not answer with
 * a documented success (it answers the first 2xx of the document to a request that fits it).
 */
function contractProblems(exchanges: readonly Exchange[]): string[] {
  if (exchanges.length !== 1) return [`expected one request, ${exchanges.length} were sent`];
  const [exchange] = exchanges as [Exchange];
  const problems: string[] = [];
  if (exchange.status === 404) problems.push('Prism answered 404: GHL\'s document has no such path');
  if (exchange.status === 405) problems.push('Prism answered 405: GHL\'s document has no such method for this path');
  for (const violation of exchange.violations) problems.push(`${violation.location.join('.')}: ${violation.message}`);
  if (problems.length === 0 && (exchange.status < 200 || exchange.status > 299)) problems.push(`Prism answered ${exchange.status}, not a documented success`);
  return problems;
}

/**
 * The production HTTP transport (the client's keep-alive node:http fetch, as `createGhlConnector`
 * uses by default), recording what Prism answered: its status and the request violations of its
 * `sl-violations` header. (Prism also reports its own generated answers that do not fit the
 * document, as "response" violations: not ours.)
 */
const transport = createHttpFetch();
function recording(exchanges: Exchange[]): FetchLike {
  return async (url, init) => {
    const answer = await transport(url, init);
    const header = answer.headers.get('sl-violations');
    const all = header === null ? [] : (JSON.parse(header) as Violation[]);
    exchanges.push({ status: answer.status, violations: all.filter((violation) => violation.location[0] === 'request') });
    return answer;
  };
}

/**
 * Every GHL action goes through the connector, the client and the production transport to Prism,
 * which checks the request (path, method, query, headers incl. Version and bearer auth, body)
 * against GHL's own OpenAPI document. Each is sent with inputs built from that document (all it
 * declares, and only what it requires) and with our own sample; an input the document forbids must
 * be refused by the connector before anything is sent, and Prism must confirm it is forbidden.
 */
describe('ghl contract: every operation against Prism and GHL OpenAPI documents', () => {
  // One Prism for the five documents merged (see merged-openapi.ts): each Prism costs seconds of CPU to start.
  let prism: RunningPrism | undefined;
  let merged: MergedDocument | undefined;

  /** Sends `input` as `operation` through the connector to Prism: what Prism answered, and the call's outcome. */
  const send = async (operation: OperationDescriptor, input: unknown): Promise<{ exchanges: Exchange[]; error: unknown }> => {
    if (!prism) throw new Error('Prism is not running');
    const exchanges: Exchange[] = [];
    const connector = createGhlConnector({ baseUrl: prism.url, operations: [operation], fetch: recording(exchanges) });
    const error = await connector.invoke({ operationId: operation.id, input }, actionContext({ credentials: privateToken })).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    return { exchanges, error };
  };

  /**
   * Sends `input` as `operation` without checking it first: through the client alone (no
   * reconcile marker), with a descriptor whose input schema allows anything.
   */
  const sendUnchecked = async (operation: OperationDescriptor, input: unknown): Promise<Exchange[]> => {
    if (!prism) throw new Error('Prism is not running');
    const exchanges: Exchange[] = [];
    const client = new GhlClient({ baseUrl: prism.url, fetch: recording(exchanges) });
    await client.execute({ ...operation, input: { type: 'object' } }, input, { auth: staticTokenSource(PRIVATE_TOKEN), retriedBy: 'caller' }).catch(() => undefined);
    return exchanges;
  };

  beforeAll(async () => {
    merged = writeMergedDocument(OPENAPI_DIR, MODULES);
    prism = await startPrism(merged.path);
  }, 150_000); // a few seconds on an idle machine; much more on a loaded 2-CPU one

  afterAll(async () => {
    await prism?.stop();
    merged?.remove();
  });

  const getContact = ghlOperations.find((operation) => operation.id === 'ghl.contacts.get-contact');
  if (!getContact?.http) throw new Error('get-contact missing');
  const { http } = getContact;

  it('covers the 103 GHL operations of the catalog', () => {
    expect(ghlOperations).toHaveLength(103);
    expect(new Set(ghlOperations.map(moduleOf))).toEqual(new Set(MODULES));
  });

  it('finds a violating request (wrong Version header), so a clean run means something', async () => {
    const { exchanges } = await send({ ...getContact, http: { ...http, version: '1999-01-01' } }, getContact.sample);
    expect(contractProblems(exchanges).join('\n')).toContain('version');
  });

  it('finds a path GHL does not have (Prism 404)', async () => {
    const { exchanges } = await send({ ...getContact, http: { ...http, path: `${http.path}/no-such-thing` } }, getContact.sample);
    expect(contractProblems(exchanges)).toContain('Prism answered 404: GHL\'s document has no such path');
  });

  it('finds a method GHL does not have for a path (Prism 405)', async () => {
    const { exchanges } = await send({ ...getContact, http: { ...http, method: 'PATCH' } }, getContact.sample);
    expect(contractProblems(exchanges)).toContain('Prism answered 405: GHL\'s document has no such method for this path');
  });

  const cases = ghlOperations.map((operation) => [operation.id, operation] as const);

  it.concurrent.each(cases)('%s: our sample and the document\'s full and minimal inputs are sent without violations', async (id, operation) => {
    const inputs = inputsOf(operation);
    const kinds = [['our sample', operation.sample], ['full (from the document)', inputs.full], ['minimal (from the document)', inputs.minimal]] as const;
    const sent = await Promise.all(kinds.map(async ([kind, input]) => ({ kind, input, ...(await send(operation, input)) })));
    for (const { kind, input, exchanges, error } of sent) {
      if (error instanceof ActionError && error.category === 'validation' && exchanges.length === 0) {
        throw new Error(`${id}, ${kind}: the connector refused an input GHL's document allows: ${error.message}\ninput: ${JSON.stringify(input)}`);
      }
      expect(contractProblems(exchanges), `${id}, ${kind}: ${JSON.stringify(input)}`).toEqual([]);
    }
  });

  const invalidCases = cases.filter(([, operation]) => inputsOf(operation).invalid !== undefined);

  it('builds an input the document forbids for most operations (those with something required or typed to break)', () => {
    expect(invalidCases.length).toBeGreaterThanOrEqual(60);
  });

  it.concurrent.each(invalidCases)('%s: an input the document forbids is refused before sending, and Prism confirms it is forbidden', async (id, operation) => {
    const invalid = inputsOf(operation).invalid;
    if (!invalid) throw new Error(`${id} has no invalid input`);
    const [refused, unchecked] = await Promise.all([send(operation, invalid.input), sendUnchecked(operation, invalid.input)]);
    expect(refused.exchanges, `${id} sent an input with ${invalid.breaks}`).toEqual([]);
    expect(refused.error, `${id}: ${invalid.breaks}`).toMatchObject({ category: 'validation' });
    // The same input sent anyway: GHL's document forbids it.
    expect(unchecked[0]?.violations.length, `Prism accepted ${id} with ${invalid.breaks}`).toBeGreaterThan(0);
  });
});
