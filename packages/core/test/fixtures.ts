import { createEngine, type EngineOptions, type WorkflowDefinition } from '../src/index.js';
import { createTestConnector, type TestAction } from '../src/testing/index.js';

export const customerCreatedSchema = {
  type: 'object',
  required: ['event', 'data'],
  properties: {
    event: { type: 'string' },
    created: { type: 'integer' },
    data: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, email: { type: 'string' } } },
  },
};

export function customerEvent(data: Record<string, unknown> = {}, id = 'evt-1') {
  return {
    trigger: 'shop.customer.created',
    id,
    payload: { event: 'customer.created', created: 1764190000, data: { id: 'usr_1', email: ' Ann@Example.com ', firstName: 'Ann', tags: ['a', 'b'], ...data } },
  };
}

/** An engine with a `shop` connector: one trigger and the given in-process actions. */
export function testEngine(actions: Record<string, TestAction>, options: Partial<EngineOptions> = {}) {
  const connector = createTestConnector({ name: 'shop', actions, triggers: { 'customer.created': { payload: customerCreatedSchema } } });
  const engine = createEngine({
    connectors: [connector],
    connections: { main: { connector: 'shop', settings: { region: 'eu' }, credentials: { token: 'sk_live_supersecret_123' } } },
    ...options,
  });
  return { engine, connector };
}

export function workflow(steps: unknown[], extra: Record<string, unknown> = {}): WorkflowDefinition {
  return {
    id: 'wf',
    name: 'Test workflow',
    version: 1,
    trigger: { operation: 'shop.customer.created' },
    steps,
    ...extra,
  } as WorkflowDefinition;
}

export const echo: TestAction = { run: (input) => input, sampleOutput: { dry: true } };
