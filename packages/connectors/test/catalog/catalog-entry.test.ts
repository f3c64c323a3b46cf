import { createEngine } from '@flowline/core';
import { loadCatalog, loadCatalogOperations } from '@flowline/connectors/catalog';
import { describe, expect, it } from 'vitest';
import { createGhlConnector, createHttpConnector, createPushPressConnector } from '../../src/index.js';

describe('@flowline/connectors/catalog', () => {
  it('offers exactly the operations of an engine with the GoHighLevel, PushPress and http connectors', async () => {
    const engine = createEngine({ connectors: [createGhlConnector(), createPushPressConnector(), createHttpConnector()] });
    const catalog = await loadCatalog();
    expect(catalog.size).toBe(133);
    expect(catalog.list()).toEqual(engine.catalog.list());
  });

  it('counts the links and the engine\'s triggers, the HTTP request, the PushPress triggers and lookup, and the GoHighLevel actions', async () => {
    const operations = await loadCatalogOperations();
    const count = (connector: string, kind: string) => operations.filter((operation) => operation.connector === connector && operation.kind === kind).length;
    expect([count('flowline', 'action'), count('flowline', 'trigger'), count('http', 'action'), count('pushpress', 'trigger'), count('pushpress', 'action'), count('ghl', 'action')]).toEqual([3, 2, 1, 23, 1, 103]);
    expect(new Set(operations.map((operation) => operation.id)).size).toBe(operations.length);
  });

  it('loads the descriptors once and shares them', async () => {
    expect(await loadCatalogOperations()).toBe(await loadCatalogOperations());
  });
});
