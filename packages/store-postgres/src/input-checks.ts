import { FlowlineError } from '@flowline/core';

/** Checks a list limit: `undefined` (no limit) or an integer ≥ 0. Returns the SQL LIMIT (null = none). */
export function sqlLimit(limit: number | undefined, where: string): number | null {
  if (limit === undefined) return null;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new FlowlineError('store.invalid_input', `Expected \`limit\` of ${where} to be an integer ≥ 0, got ${String(limit)}.`);
  }
  return limit;
}

export function checkOneOf<T extends string>(value: unknown, allowed: readonly T[], what: string): asserts value is T {
  if (!allowed.includes(value as T)) {
    throw new FlowlineError(
      'store.invalid_input',
      `Expected ${what} to be one of ${allowed.map((s) => `'${s}'`).join(', ')}, got ${JSON.stringify(value)}.`,
    );
  }
}

export function checkId(value: unknown, name: string, where: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new FlowlineError(
      'store.invalid_input',
      `Expected \`${name}\` of ${where} to be a non-empty string, got ${JSON.stringify(value) ?? typeof value}.`,
    );
  }
}

/** Checks a workflow version: an integer ≥ 1. */
export function checkVersion(value: unknown, where: string): asserts value is number {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new FlowlineError('store.invalid_input', `Expected the version of ${where} to be an integer ≥ 1, got ${JSON.stringify(value) ?? typeof value}.`);
  }
}

/** A query that names what it expected. */
export function invalidQuery(expected: string, got: unknown): FlowlineError {
  return new FlowlineError('store.invalid_input', `Expected ${expected}, got ${JSON.stringify(got) ?? typeof got}.`);
}
