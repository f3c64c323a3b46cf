import { ActionError } from '../errors/action-error.js';
import { ExpressionError } from '../errors/expression-error.js';
import { FlowlineError } from '../errors/flowline-error.js';
import type { ErrorRecord } from '../store/records.js';

const REDACTED = '[redacted]';

/** Replaces every occurrence of any secret in strings inside `value`. */
export type Redactor = <T>(value: T) => T;

/** A redactor for a set of secret strings (tokens, keys); short strings are ignored to avoid mangling text. */
export function createRedactor(secrets: Iterable<string>): Redactor {
  const list = [...new Set(secrets)].filter((secret) => secret.length >= 6).sort((a, b) => b.length - a.length);
  if (list.length === 0) return (value) => value;
  const redactString = (text: string): string => list.reduce((result, secret) => result.replaceAll(secret, REDACTED), text);
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return redactString(value);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item)]));
    }
    return value;
  };
  return <T>(value: T) => walk(value) as T;
}

/** Every string value found in a credentials object, for the redactor. */
export function secretStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(secretStrings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(secretStrings);
  return [];
}

/** Turns anything thrown into a storable, showable record, with secrets redacted. */
export function toErrorRecord(error: unknown, redact: Redactor): ErrorRecord {
  if (error instanceof FlowlineError) {
    return redact({
      name: error.name,
      code: error.code,
      message: error.message,
      ...(error instanceof ActionError ? { category: error.category } : {}),
      ...(error instanceof ExpressionError ? { category: 'expression' } : {}),
      ...(error.pointer === undefined ? {} : { pointer: error.pointer }),
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      ...(error instanceof ActionError && error.status !== undefined ? { status: error.status } : {}),
      ...(error instanceof ActionError && error.details !== undefined ? { details: error.details } : {}),
    });
  }
  if (error instanceof Error) {
    return redact({ name: error.name, code: 'internal', category: 'internal', message: error.message });
  }
  return redact({ name: 'Error', code: 'internal', category: 'internal', message: String(error) });
}
