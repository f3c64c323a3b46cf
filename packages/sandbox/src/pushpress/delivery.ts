import type { JsonObject } from '../shared/json.js';

/** The PushPress event names the simulator produces (a subset of the 23 PushPress delivers). */
export type SimulatedEvent =
  | 'customer.created'
  | 'customer.details.changed'
  | 'customer.status.changed'
  | 'enrollment.created'
  | 'enrollment.status.changed'
  | 'appointment.scheduled'
  | 'appointment.rescheduled'
  | 'appointment.canceled'
  | 'appointment.noshowed'
  | 'checkin.created'
  | 'reservation.waitlisted';

/** One webhook body as PushPress sends it: `{ event, created (unix seconds), data }`. */
export interface Delivery {
  readonly event: SimulatedEvent;
  readonly created: number;
  readonly data: JsonObject;
}
