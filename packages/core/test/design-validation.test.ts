import { describe, expect, it } from 'vitest';
import { createCatalog, ExpressionCompiler, LINK_OPERATIONS, validateWorkflow } from '../src/design/index.js';

const catalog = createCatalog([
  ...LINK_OPERATIONS,
  { id: 'shop.customer.created', kind: 'trigger', connector: 'shop', title: 'Customer created' },
  { id: 'shop.save', kind: 'action', connector: 'shop', title: 'Save' },
]);
const definition = {
  id: 'design-check',
  name: 'Design check',
  version: 1,
  trigger: { operation: 'shop.customer.created' },
  steps: [
    { id: 'link', type: 'action', operation: 'flowline.links.get', connection: 'flowline', input: { namespace: 'customers', from: '=$event.id' } },
    { id: 'save', type: 'action', operation: 'shop.save', connection: 'main', input: {} },
  ],
};

describe('validateWorkflow from @flowline/core/design', () => {
  it('knows the engine\'s built-in flowline connection when the host lists its own connections', () => {
    const result = validateWorkflow(definition, { catalog, expressions: new ExpressionCompiler(), connections: { main: { connector: 'shop' } } });
    expect(result).toEqual({ valid: true, problems: [] });
  });

  it('still refuses a connection the host does not have', () => {
    const result = validateWorkflow(definition, { catalog, expressions: new ExpressionCompiler(), connections: { other: { connector: 'shop' } } });
    expect(result.problems).toEqual([expect.objectContaining({ pointer: '/steps/1/connection', code: 'connection.unknown', suggestion: 'Configured connections: flowline, other' })]);
  });
});
