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

/** The engine's own operations (links between the ids two systems give one thing), offered by every engine under the `flowline` connection. */
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
