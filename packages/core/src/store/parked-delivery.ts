import type { TriggerEvent } from './records.js';

/**
 * A delivery that was authentic but that no trigger handles yet (PushPress added an event type
 * this version does not know). It is kept, not refused, so that it can be replayed once a
 * version with its trigger is deployed.
 */
export interface ParkedDeliveryInput {
  /** The event as it would be submitted: `trigger` names the trigger that does not exist yet. */
  readonly event: TriggerEvent & { readonly id: string };
  /** ISO time it was received. */
  readonly receivedAt: string;
  /** Why it is parked, short and machine-readable, e.g. `unknown-trigger`. */
  readonly reason: string;
}

/** A parked delivery; `id` is the event's delivery identity. */
export type ParkedDelivery = ParkedDeliveryInput & { readonly id: string };

export interface ParkedQuery {
  /** Only deliveries for this trigger. */
  readonly trigger?: string;
  /** Oldest first; at most this many. */
  readonly limit?: number;
}
