import { describe, expect, it } from 'vitest';
import { toGraph } from '../src/canvas/to-graph.js';
import type { DefinitionJson } from '../src/state/definition.js';

const definition: DefinitionJson = {
  id: 'w',
  version: 1,
  trigger: { operation: 'pushpress.customer.created' },
  steps: [
    { id: 'link', type: 'action', operation: 'flowline.links.get' },
    { id: 'known', type: 'if', condition: '$steps.link.found', then: [{ id: 'update', type: 'action' }], else: [] },
    { id: 'each', type: 'forEach', over: '$event.data.tags', steps: [{ id: 'tag', type: 'set', var: 't', value: '=$item' }] },
  ],
};

describe('definition to graph', () => {
  const graph = toGraph(definition, (step) => step.type);

  it('draws the trigger, then every step, with a head node per nested list', () => {
    expect(graph.nodes.map((node) => node.id)).toEqual([
      'trigger',
      'step:link',
      'step:known',
      'branch:/steps/1/then',
      'step:update',
      'branch:/steps/1/else',
      'step:each',
      'branch:/steps/2/steps',
      'step:tag',
    ]);
  });

  it('labels branches and bodies and marks an empty one', () => {
    const heads = graph.nodes.filter((node) => node.type === 'branch').map((node) => node.data);
    expect(heads).toEqual([
      { kind: 'branch', label: 'then', ownerId: 'known', list: '/steps/1/then', empty: false },
      { kind: 'branch', label: 'else', ownerId: 'known', list: '/steps/1/else', empty: true },
      { kind: 'branch', label: 'each item', ownerId: 'each', list: '/steps/2/steps', empty: false },
    ]);
  });

  it('connects each list in order and nests its steps to the right', () => {
    expect(graph.edges.map((edge) => `${edge.source}>${edge.target}`)).toEqual([
      'trigger>step:link',
      'step:link>step:known',
      'step:known>branch:/steps/1/then',
      'branch:/steps/1/then>step:update',
      'step:known>branch:/steps/1/else',
      'step:known>step:each',
      'step:each>branch:/steps/2/steps',
      'branch:/steps/2/steps>step:tag',
    ]);
    const x = (id: string) => graph.nodes.find((node) => node.id === id)?.position.x;
    expect(x('step:update')).toBeGreaterThan(x('step:known') ?? 0);
    expect(x('step:each')).toBe(x('step:known'));
  });

  it('keeps a step of a kind it does not know, with no nested lists', () => {
    const other = toGraph({ ...definition, steps: [{ id: 'wait', type: 'delay', ms: 1000 }] }, (step) => step.type);
    expect(other.nodes.map((node) => node.id)).toEqual(['trigger', 'step:wait']);
  });
});
