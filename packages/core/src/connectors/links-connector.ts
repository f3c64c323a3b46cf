import { ActionError } from '../errors/action-error.js';
import type { Store } from '../store/store.js';
import type { Connector } from './connector.js';
import type { JsonSchema, OperationDescriptor } from './operation.js';

/** The connection name workflows use for the engine's own operations. */
export const BUILT_IN_CONNECTION = 'flowline';

const key = { type: 'string', minLength: 1, maxLength: 500 } as const;
const linkInput = (withTarget: boolean): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: withTarget ? ['namespace', 'from', 'to'] : ['namespace', 'from'],
  properties: {
    namespace: { ...key, description: 'What is linked to what, and where, e.g. pushpress-customer:ghl-contact:<locationId>.' },
    from: { ...key, description: 'The id in the first system.' },
    ...(withTarget ? { to: { ...key, description: 'The id in the second system.' } } : {}),
  },
});
const linkOutput: JsonSchema = {
  type: 'object',
  required: ['found'],
  properties: { found: { type: 'boolean' }, to: { type: 'string' } },
};

export const LINK_OPERATIONS: readonly OperationDescriptor[] = [
  {
    id: 'flowline.links.get',
    kind: 'action',
    connector: 'flowline',
    title: 'Find a linked id',
    description: 'Looks up the id another system gave the same thing (e.g. the GHL contact of a PushPress customer). Answers { found, to }.',
    input: linkInput(false),
    output: linkOutput,
    sample: { namespace: 'pushpress-customer:ghl-contact:loc_1', from: 'usr_123' },
    sampleOutput: { found: true, to: 'ct_9' },
  },
  {
    id: 'flowline.links.put',
    kind: 'action',
    connector: 'flowline',
    title: 'Link two ids',
    description: 'Remembers that an id in one system is an id in another, replacing an earlier link of the same id.',
    input: linkInput(true),
    output: linkOutput,
    sample: { namespace: 'pushpress-customer:ghl-contact:loc_1', from: 'usr_123', to: 'ct_9' },
    sampleOutput: { found: true, to: 'ct_9' },
  },
  {
    id: 'flowline.links.delete',
    kind: 'action',
    connector: 'flowline',
    title: 'Forget a link',
    description: 'Removes the link of an id, e.g. when the customer is deleted.',
    input: linkInput(false),
    output: linkOutput,
    sample: { namespace: 'pushpress-customer:ghl-contact:loc_1', from: 'usr_123' },
    sampleOutput: { found: false },
  },
];

function field(input: unknown, name: string, operationId: string): string {
  const value = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[name] : undefined;
  if (typeof value !== 'string' || value === '') {
    throw new ActionError('validation', `${operationId} needs a non-empty string "${name}"`, { pointer: `/${name}`, hint: 'Map it from the event, e.g. "=$event.data.id".' });
  }
  return value;
}

/** The engine's own operations on its store: links between ids in two systems. */
export function createLinksConnector(store: Store): Connector {
  return {
    name: 'flowline',
    operations: LINK_OPERATIONS,
    async invoke({ operationId, input }) {
      const namespace = field(input, 'namespace', operationId);
      const from = field(input, 'from', operationId);
      switch (operationId) {
        case 'flowline.links.get': {
          const to = await store.getLink(namespace, from);
          return to === undefined ? { found: false } : { found: true, to };
        }
        case 'flowline.links.put': {
          const to = field(input, 'to', operationId);
          await store.putLink(namespace, from, to);
          return { found: true, to };
        }
        case 'flowline.links.delete':
          await store.deleteLink(namespace, from);
          return { found: false };
        default:
          throw new ActionError('validation', `The flowline connector has no operation "${operationId}"`);
      }
    },
  };
}
