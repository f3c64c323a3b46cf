/**
 * `event` is not covered by the signature, so whatever it holds came from anyone who holds one
 * captured delivery. PushPress names are a few dot-separated words (`customer.details.changed`);
 * anything longer than this, or shaped otherwise, is refused before any work depends on its length.
 */
export const MAX_EVENT_NAME_LENGTH = 64;

const EVENT_NAME = /^[A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z][A-Za-z0-9_-]*){1,5}$/;

/** True for a name shaped like a PushPress event type (known or not), at most MAX_EVENT_NAME_LENGTH characters. */
export function isEventName(name: string): boolean {
  return name.length <= MAX_EVENT_NAME_LENGTH && EVENT_NAME.test(name);
}
