import type { Logger } from '@flowline/core';
import type { Reconcile } from '../retry/retry-policy.js';
import { createCallScope } from './call-scope.js';
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
  /** Runs one call with its find context bound, so `clientHook` can look before a re-send. */
  during<T>(context: FindContext, send: () => Promise<T>): Promise<T>;
  /** For `GhlClientOptions.reconcile`: found → its output; surely absent → re-send; else the failure stands. */
  readonly clientHook: Reconcile;
  /** For `Connector.reconcile`. */
  reconcile(operationId: string, input: unknown, context: FindContext, logger: Logger): Promise<Reconciliation>;
}

export function createReconciler(): Reconciler {
  const scope = createCallScope();
  return {
    prepare(operationId, input, context) {
      const finder = effectFinderFor(operationId);
      return finder?.mark ? finder.mark(input, context.marker) : input;
    },
    during: (context, send) => scope.run(context, send),
    async clientHook(operation, input, error) {
      const finder = effectFinderFor(operation.id);
      const context = scope.current();
      if (finder === undefined || context === undefined) throw error;
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
