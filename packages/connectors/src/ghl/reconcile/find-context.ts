import { ActionError, type OperationDescriptor } from '@flowline/core';
import type { GhlCall, GhlClient } from '../client/ghl-client.js';
import { effectMarker } from './effect-marker.js';
import type { FindContext } from './effect-finder.js';

export interface FindContextOptions {
  readonly client: GhlClient;
  /** The descriptor of a read a finder asks for, by operation id. */
  readonly describe: (operationId: string) => OperationDescriptor | undefined;
  /** The call whose credentials, budget and signal the reads use. */
  readonly call: GhlCall;
  readonly idempotencyKey: string;
  readonly locationId?: string;
}

/** The context finders look with: reads through the client on the caller's call, and the request's marker. */
export function createFindContext(options: FindContextOptions): FindContext {
  const { client, describe, call } = options;
  return {
    // Computed when a finder asks, so operations without one accept any key.
    get marker() {
      return effectMarker(options.idempotencyKey);
    },
    ...(options.locationId === undefined ? {} : { locationId: options.locationId }),
    read(operationId, input) {
      const operation = describe(operationId);
      if (operation === undefined || operation.http?.method.toUpperCase() !== 'GET') {
        throw new ActionError('internal', `Reconciliation asked for ${operationId}, which is not a GHL read this connector knows`, {
          hint: 'This is a bug in a finder under packages/connectors/src/ghl/reconcile/.',
        });
      }
      return client.execute(operation, input, call);
    },
  };
}
