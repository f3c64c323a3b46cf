import type { Connector } from '@flowline/core';
import type { OperationInput } from '../client/request-builder.js';

/** What `Connector.reconcile` answers (core does not export the type by name). */
export type Reconciliation = Awaited<ReturnType<NonNullable<Connector['reconcile']>>>;

/**
 * What a finder learned about an earlier attempt:
 * - `found`: the thing it would have created exists; `output` is shaped like the operation's answer;
 * - `absent`: the finder looked and it is not there, so sending again creates it once;
 * - `unknowable`: the request carries nothing to look for (e.g. a contact without email or
 *   phone); nobody can tell whether it happened, and `reason` says why.
 */
export type Lookup =
  | { readonly status: 'found'; readonly output: unknown }
  | { readonly status: 'absent' }
  | { readonly status: 'unknowable'; readonly reason: string };

/** Reads GHL on behalf of a finder: a read-only operation by id, with the caller's credentials, budget and signal. */
export type GhlRead = (operationId: string, input: OperationInput) => Promise<unknown>;

export interface FindContext {
  readonly read: GhlRead;
  /** The marker `mark` put into the request (from its idempotency key; see effect-marker.ts). */
  readonly marker: string;
  /** The connection's `settings.locationId`, for requests that do not name their location. */
  readonly locationId?: string;
}

/**
 * How to find what one creating operation would have created, so a request whose answer was lost
 * is not sent twice. One per operation; see registry.ts.
 */
export interface EffectFinder {
  readonly operationId: string;
  /** One line on how the effect is found, for docs and logs. */
  readonly strategy: string;
  /** Puts into the input what `find` will look for later (a marker); called on every send. */
  mark?(input: unknown, marker: string): unknown;
  /** Looks for the effect of `input` (marked or not: finders read the marker from the context). */
  find(input: unknown, context: FindContext): Promise<Lookup>;
}

export const found = (output: unknown): Lookup => ({ status: 'found', output });
export const absent: Lookup = { status: 'absent' };
export const unknowable = (reason: string): Lookup => ({ status: 'unknowable', reason });
