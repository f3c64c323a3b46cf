import { FlowlineError, type FlowlineErrorOptions } from '../errors/flowline-error.js';

/** Why a store could not read or write for now. */
export type StoreUnavailableReason = 'disk-full' | 'io-error' | 'busy';

/**
 * A store could not write (or read) for a reason that passes: the disk is full, it reported an
 * I/O error, or another process held the database's lock too long. Code `store.unavailable`.
 * Nothing about the data is wrong, so the engine does not fail runs or dead-letter deliveries
 * for it: it waits and tries again once writes succeed (a receiver answers 503 meanwhile).
 * Stores throw it with the driver's error as `cause`.
 */
export class StoreUnavailableError extends FlowlineError {
  override readonly name: string = 'StoreUnavailableError';
  readonly reason: StoreUnavailableReason;

  constructor(reason: StoreUnavailableReason, message: string, options: FlowlineErrorOptions = {}) {
    super('store.unavailable', message, options);
    this.reason = reason;
  }
}

/**
 * Whether `error`, or an error it was caused by, says the store is unavailable for now. Checked
 * by code as well as by class, so a store built against another copy of this package counts.
 */
export function isStoreUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth++) {
    if (current instanceof StoreUnavailableError || (current as { code?: unknown }).code === 'store.unavailable') return true;
  }
  return false;
}
