// Run in plain node by test/consumer/packed-packages.test.ts, inside a temporary app that installed
// the packed tarballs: no tsx, no workspace. Prints one JSON line of what it saw.
import { mkdirSync, readFileSync } from 'node:fs';
import { createEngine } from '@flowline/core';
import { ExpressionCompiler, validateWorkflow } from '@flowline/core/design';
// The testing entry loads without vitest, which this app does not install.
import { createTestConnector } from '@flowline/core/testing';
import { loadCatalog } from '@flowline/connectors/catalog';
import { allOperations, createGhlConnector, createPushPressConnector, deliveryIdentity } from '@flowline/connectors';
import { createSqliteStore } from '@flowline/store-sqlite';

const readJson = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const config = readJson('./flowline.config.json');
const definition = readJson('./customer-created.workflow.json');
const delivery = readJson('./customer.created.json');
const event = { trigger: `pushpress.${delivery.event}`, payload: delivery, id: deliveryIdentity(delivery.event, delivery.created, delivery.data) };

mkdirSync(new URL('./data/', import.meta.url), { recursive: true });
const store = createSqliteStore({ path: new URL('./data/flowline.db', import.meta.url).pathname });
// Nothing listens on port 9: a live call that got past validation would fail as a network error.
const connectors = [createGhlConnector({ baseUrl: 'http://127.0.0.1:9' }), createPushPressConnector({ baseUrl: 'http://127.0.0.1:9' })];
const engine = createEngine({ connectors, connections: config.connections, config: config.config, store });

const validation = engine.validate(definition);
// The design entry validates the same way, with the lazily loaded catalog (as a builder's browser would).
const catalog = await loadCatalog();
const designValidation = validateWorkflow(definition, { catalog, expressions: new ExpressionCompiler(), connections: config.connections });
const dryRun = await engine.run(definition, event, { dryRun: true });

// A create-task whose title maps to nothing (validation cannot know that before the run): the
// GHL connector refuses it as an ActionError of category `validation`. With two copies of @flowline/core installed, core would not recognise
// the connector's ActionError and record `internal` (and would never retry 429s either).
const badTask = {
  id: 'consumer.bad-task',
  name: 'A task without a title',
  version: 1,
  trigger: { operation: 'pushpress.customer.created' },
  steps: [{ id: 'task', type: 'action', operation: 'ghl.contacts.create-task', connection: 'ghl', input: { path: { contactId: 'ct_1' }, body: { title: '=$event.data.noSuchField', dueDate: '2026-01-01T00:00:00Z', completed: false } } }],
};
const live = await engine.run(badTask, { ...event, id: `${event.id}-bad-task` });
const stored = await store.getRun(dryRun.id);
await store.close();

console.log(JSON.stringify({
  operations: allOperations.length,
  testConnector: typeof createTestConnector({ actions: {} }).invoke,
  valid: validation.valid,
  designValid: designValidation.valid,
  catalogSize: catalog.size,
  problems: validation.problems,
  dryRun: { status: dryRun.status, steps: dryRun.steps.length, requests: dryRun.steps.filter((step) => step.request !== undefined).length },
  storedStatus: stored?.status,
  badTask: { status: live.status, category: live.error?.category, code: live.error?.code },
}));
