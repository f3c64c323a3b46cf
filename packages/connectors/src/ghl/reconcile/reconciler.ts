import type { Logger } from '@flowline/core';
import type { Reconcile } from '../retry/retry-policy.js';
import type { FindContext, Reconciliation } from './effect-finder.js';
import { effectFinderFor } from './registry.js';

/**
 * One way to find what a GHL request created, used in two places: by the client before it
 * re-sends a creating POST within one call (`clientHook`), and by the engine, through the
 * connector's `reconcile`, before it sends a request again whose earlier outcome is unknown.
 */
export interface Reconciler {
  /** The input to send: with the marker of the context where the operation's finder wants one. */
  prepare(operationId: string, input: unknown, context: FindContext): unknown;
  /** For one call's `GhlCall.reconcile`: found → its output; surely absent → re-send; else the failure stands. */
  clientHook(context: FindContext): Reconcile;
  /** For `Connector.reconcile`. */
  reconcile(operationId: string, input: unknown, context: FindContext, logger: Logger): Promise<Reconciliation>;
}

export function createReconciler(): Reconciler {
  return {
    prepare(operationId, input, context) {
      const finder = effectFinderFor(operationId);
      return finder?.mark ? finder.mark(input, context.marker) : input;
    },
    clientHook: (context) => async (operation, input, error) => {
      const finder = effectFinderFor(operation.id);
      if (finder === undefined) throw error;
      const lookup = await finder.find(input, context);
      if (lookup.status === 'found') return lookup.output;
      if (lookup.status === 'absent') return undefined;
      throw error;
    },
    async reconcile(operationId, input, context, logger) {
      const finder = effectFinderFor(operationId);
      if (finder === undefined) return { found: false };
      const lookup = await finder.find(input, context);
      if (lookup.status === 'unknowable') {
        logger.warn('ghl reconcile cannot tell whether an earlier attempt had its effect; it may happen twice', {
          operation: operationId,
          reason: lookup.reason,
        });
        return { found: false };
      }
      logger.info('ghl reconcile', { operation: operationId, found: lookup.status === 'found' });
      return lookup.status === 'found' ? { found: true, output: lookup.output } : { found: false };
    },
  };
}
