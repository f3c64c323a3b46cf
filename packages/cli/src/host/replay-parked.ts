import type { Catalog, Logger, ParkedDelivery, SubmitResult, TenantScope, TenantStore } from '@flowline/core';

export type ReplayOutcome =
  /** Submitted (committed to the inbox, or found there already) and no longer parked. */
  | { readonly status: 'replayed'; readonly result: SubmitResult }
  /** Still no trigger of that name in this version: it stays parked. */
  | { readonly status: 'waiting' }
  /** The trigger exists but refused the delivery (e.g. its schema): it stays parked. */
  | { readonly status: 'refused'; readonly message: string };

/** One tenant's parked deliveries and where to submit them: its engine scope and its records. */
export interface ParkedOf {
  readonly catalog: Catalog;
  readonly scope: TenantScope;
  readonly store: TenantStore;
}

/**
 * Submits a parked delivery whose trigger this engine now knows, then lets it go from the
 * parked list (in that order: if the process dies between the two, replaying it again finds it
 * in the inbox and answers duplicate).
 */
export async function replayParkedDelivery(delivery: ParkedDelivery, tenant: ParkedOf): Promise<ReplayOutcome> {
  if (tenant.catalog.describe(delivery.event.trigger)?.kind !== 'trigger') return { status: 'waiting' };
  let result: SubmitResult;
  try {
    result = await tenant.scope.submit(delivery.event);
  } catch (error) {
    return { status: 'refused', message: error instanceof Error ? error.message : String(error) };
  }
  await tenant.store.removeParkedDelivery(delivery.id);
  return { status: 'replayed', result };
}

/** Replays every parked delivery of a tenant that has a trigger now (a host does it as it starts); says how many were replayed and how many wait. */
export async function replayParkedDeliveries(tenant: ParkedOf, logger: Logger): Promise<{ readonly replayed: number; readonly waiting: number }> {
  let replayed = 0;
  let waiting = 0;
  for (const delivery of await tenant.store.listParkedDeliveries()) {
    const outcome = await replayParkedDelivery(delivery, tenant);
    if (outcome.status === 'replayed') {
      replayed++;
      continue;
    }
    waiting++;
    if (outcome.status === 'refused') logger.warn('a parked delivery has a trigger now, which refuses it; it stays parked', { id: delivery.id.slice(0, 200), error: outcome.message.slice(0, 300) });
  }
  if (replayed > 0) logger.info('parked deliveries replayed: their triggers exist now', { replayed });
  if (waiting > 0) logger.warn('deliveries of event types no trigger handles are parked (flowline runs list --parked)', { parked: waiting });
  return { replayed, waiting };
}
