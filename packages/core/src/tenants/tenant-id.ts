import { FlowlineError } from '../errors/flowline-error.js';

/** The tenant of a single-gym host, and of every record stored before tenants existed. */
export const DEFAULT_TENANT = 'default';

/** Letters, digits, `_` and `-`, starting with a letter or digit, at most 64: safe in a URL path, a file name and a log line. */
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export function isTenantId(value: unknown): value is string {
  return typeof value === 'string' && TENANT_ID.test(value);
}

/** Throws `tenants.invalid-id` unless `value` is a tenant id. */
export function checkTenantId(value: unknown, pointer = '/id'): asserts value is string {
  if (isTenantId(value)) return;
  throw new FlowlineError('tenants.invalid-id', `${JSON.stringify(value) ?? typeof value} is not a tenant id`, {
    pointer,
    hint: 'Use 1 to 64 letters, digits, "_" or "-", starting with a letter or digit (e.g. a PushPress company id or "gym-42").',
  });
}
