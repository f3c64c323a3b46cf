import { fileURLToPath } from 'node:url';
import { ActionError, type OperationDescriptor } from '@flowline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ghlOperations } from '../../src/operations/index.js';
import { createGhlConnector, type GhlConnector } from '../../src/ghl/index.js';
import { actionContext, privateToken } from './support/fixtures.js';
import { startPrism, type RunningPrism } from './support/prism.js';

const MODULES = ['contacts', 'calendars', 'opportunities', 'users', 'locations'] as const;
type Module = (typeof MODULES)[number];
const documentOf = (module: Module) => fileURLToPath(new URL(`../../reference/ghl/openapi/apps/${module}.json`, import.meta.url));
const moduleOf = (operation: OperationDescriptor) => operation.id.split('.')[1] as Module;

interface Violation {
  readonly location: readonly string[];
  readonly code: string | number;
  readonly message: string;
}

interface Exchange {
  readonly status: number;
  readonly violations: string | null;
}

/**
 * Every GHL action's sample input goes through the real client to Prism, which checks the request
 * (path, query, headers incl. Version and bearer auth, body) against GHL's own OpenAPI document.
 */
describe('ghl contract: every operation against Prism and GHL OpenAPI documents', () => {
  const prisms = new Map<Module, RunningPrism>();

  /** A connector for the operation's Prism that records every answer's status and violations. */
  const recordingConnector = (operation: OperationDescriptor, exchanges: Exchange[]): GhlConnector => {
    const prism = prisms.get(moduleOf(operation));
    if (!prism) throw new Error(`no Prism for ${operation.id}`);
    return createGhlConnector({
      baseUrl: prism.url,
      operations: [operation],
      retry: { retries: 0, rateLimitRetries: 0 },
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        exchanges.push({ status: response.status, violations: response.headers.get('sl-violations') });
        return response;
      },
    });
  };

  beforeAll(async () => {
    const started = await Promise.allSettled(MODULES.map(async (module) => [module, await startPrism(documentOf(module))] as const));
    for (const result of started) if (result.status === 'fulfilled') prisms.set(result.value[0], result.value[1]);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }, 150_000); // a few seconds each on an idle machine; much more on a loaded 2-CPU one

  afterAll(async () => {
    await Promise.all([...prisms.values()].map((prism) => prism.stop()));
  });

  it('covers the 103 GHL operations of the catalog', () => {
    expect(ghlOperations).toHaveLength(103);
    expect(new Set(ghlOperations.map(moduleOf))).toEqual(new Set(MODULES));
  });

  it('detects a violating request (wrong Version header), so a clean run means something', async () => {
    const original = ghlOperations.find((operation) => operation.id === 'ghl.contacts.get-contact');
    if (!original?.http) throw new Error('get-contact missing');
    const wrong: OperationDescriptor = { ...original, http: { ...original.http, version: '1999-01-01' } };
    const seen: Exchange[] = [];
    const error = await recordingConnector(wrong, seen)
      .invoke({ operationId: wrong.id, input: original.sample }, actionContext({ credentials: privateToken }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect(seen[0]?.violations).toContain('version');
  });

  it.concurrent.each(ghlOperations.map((operation) => [operation.id, operation] as const))('%s: the sample request has no violations', async (id, operation) => {
    const seen: Exchange[] = [];
    const connector = recordingConnector(operation, seen);
    const outcome = await connector
      .invoke({ operationId: id, input: operation.sample }, actionContext({ credentials: privateToken }))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(seen).toHaveLength(1);
    const [exchange] = seen;
    const all = exchange?.violations === null || exchange?.violations === undefined ? [] : (JSON.parse(exchange.violations) as Violation[]);
    // Prism also reports its own generated answers that do not fit the document ("response"): not ours.
    const requestViolations = all.filter((violation) => violation.location[0] === 'request');
    expect(requestViolations, `${id}: ${JSON.stringify(requestViolations)}`).toEqual([]);
    // Prism may answer a documented non-2xx example; only request violations count.
    if (outcome !== undefined && !(outcome instanceof ActionError && exchange?.status !== 422)) throw outcome;
  });
});
