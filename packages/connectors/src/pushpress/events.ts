/**
 * The 23 PushPress webhook event types, and for each where its delivery identity and the
 * customer it is about live in `data` (read from reference/pushpress/webhooks/<event>.json).
 */
export interface PushPressEventTraits {
  /** The `data` member that identifies the delivered object (`id` except for app.* events). */
  readonly identityField: 'id' | 'installationId';
  /** The `data` member holding the PushPress customer id, when the event is about one customer. */
  readonly customerField?: 'id' | 'customerId' | 'customer';
}

export const PUSHPRESS_EVENTS = {
  'customer.created': { identityField: 'id', customerField: 'id' },
  'customer.details.changed': { identityField: 'id', customerField: 'id' },
  'customer.status.changed': { identityField: 'id', customerField: 'id' },
  'customer.deleted': { identityField: 'id', customerField: 'id' },
  'enrollment.created': { identityField: 'id', customerField: 'customerId' },
  'enrollment.status.changed': { identityField: 'id', customerField: 'customerId' },
  // enrollment.deleted carries only the enrollment id.
  'enrollment.deleted': { identityField: 'id' },
  // Check-ins name their customer `customer`, except the deletion, which says `customerId`.
  'checkin.created': { identityField: 'id', customerField: 'customer' },
  'checkin.updated': { identityField: 'id', customerField: 'customer' },
  'checkin.failed': { identityField: 'id', customerField: 'customer' },
  'checkin.deleted': { identityField: 'id', customerField: 'customerId' },
  'appointment.scheduled': { identityField: 'id', customerField: 'customerId' },
  'appointment.rescheduled': { identityField: 'id', customerField: 'customerId' },
  'appointment.canceled': { identityField: 'id', customerField: 'customerId' },
  'appointment.noshowed': { identityField: 'id', customerField: 'customerId' },
  // Reservations may have a null customerId (then there is no ordering key).
  'reservation.created': { identityField: 'id', customerField: 'customerId' },
  'reservation.waitlisted': { identityField: 'id', customerField: 'customerId' },
  'reservation.canceled': { identityField: 'id', customerField: 'customerId' },
  'reservation.noshowed': { identityField: 'id', customerField: 'customerId' },
  // A class cancellation concerns every reservation of the class, not one customer.
  'class.canceled': { identityField: 'id' },
  // Documented with no payload: data is an open object; see deliveryIdentity for the fallback.
  'memberapp.updated': { identityField: 'id' },
  'app.installed': { identityField: 'installationId' },
  'app.uninstalled': { identityField: 'installationId' },
} as const satisfies Record<string, PushPressEventTraits>;

export type PushPressEventName = keyof typeof PUSHPRESS_EVENTS;

export const PUSHPRESS_EVENT_NAMES = Object.keys(PUSHPRESS_EVENTS) as readonly PushPressEventName[];

export function isPushPressEventName(name: unknown): name is PushPressEventName {
  return typeof name === 'string' && Object.hasOwn(PUSHPRESS_EVENTS, name);
}

/** The trigger operation id of an event: `pushpress.<event>`. */
export function triggerIdOf(event: string): string {
  return `pushpress.${event}`;
}
