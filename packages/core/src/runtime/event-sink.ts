import type { TriggerEvent } from '../store/records.js';

/** A trigger event with its delivery identity, as a receiver hands it over. */
export type IdentifiedEvent = TriggerEvent & { readonly id: string };

export interface SubmitResult {
  /** `accepted`: committed to the inbox, a run is owed. `duplicate`: seen before, dropped. */
  readonly status: 'accepted' | 'duplicate';
  readonly id: string;
}

/**
 * Where a trigger receiver hands events. `submit` resolves only once the event is committed
 * (so a webhook may answer 2xx) and rejects if it could not be; runs happen afterwards.
 */
export interface EventSink {
  submit(event: IdentifiedEvent): Promise<SubmitResult>;
}
