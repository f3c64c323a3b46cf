import type { Logger } from '@flowline/core';
import type { FindContext, Reconciliation } from './effect-finder.js';
import { effectFinderFor } from './registry.js';

/**
 * Finds what a GHL request created, for the engine: through the connector's `reconcile`, before it
 * sends a request again whose earlier outcome is unknown. The connector sends one request per
 * attempt (the step's retry policy owns retries), so this is the only place that looks.
 */
export interface Reconciler {
  /** The input to send: with the marker of the context where the operation's finder wants one. */
  prepare(operationId: string, input: unknown, context: FindContext): unknown;
  /** For `Connector.reconcile`. */
  reconcile(operationId: string, input: unknown, context: FindContext, logger: Logger): Promise<Reconciliation>;
}

export function createReconciler(): Reconciler {
  return {
    prepare(operationId, input, context) {
      const finder = effectFinderFor(operationId);
      return finder?.mark ? finder.mark(input, context.marker) : input;
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
