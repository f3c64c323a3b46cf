import { ActionError } from '../errors/action-error.js';
import type { TenantStore } from '../store/store.js';
import type { Connector } from './connector.js';
import { LINK_OPERATIONS } from './link-operations.js';

function field(input: unknown, name: string, operationId: string): string {
  const value = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[name] : undefined;
  if (typeof value !== 'string' || value === '') {
    throw new ActionError('validation', `${operationId} needs a non-empty string "${name}"`, { pointer: `/${name}`, hint: 'Map it from the event, e.g. "=$event.data.id".' });
  }
  return value;
}

/** The engine's own operations on its store: links between ids in two systems. */
export function createLinksConnector(store: TenantStore): Connector {
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
