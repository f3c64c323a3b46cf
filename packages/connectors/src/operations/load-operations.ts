import { readFileSync } from 'node:fs';
import { FlowlineError, type OperationDescriptor } from '@flowline/core';

const BUNDLE_URL = new URL('../generated/operations.json', import.meta.url);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const part of Object.values(value)) deepFreeze(part);
  }
  return value;
}

function isDescriptor(value: unknown): value is OperationDescriptor {
  if (typeof value !== 'object' || value === null) return false;
  const { id, kind, connector, title } = value as Record<string, unknown>;
  return typeof id === 'string' && (kind === 'trigger' || kind === 'action') && typeof connector === 'string' && typeof title === 'string';
}

/**
 * Reads the generated bundle (src/generated/operations.json, one parse for all 126 operations)
 * and returns the descriptors deeply frozen: they are shared by every caller.
 */
export function loadOperations(url: URL = BUNDLE_URL): readonly OperationDescriptor[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(url, 'utf8'));
  } catch (cause) {
    throw new FlowlineError('operations_unreadable', `Could not read the operation bundle at ${url.pathname}`, {
      hint: 'Run `pnpm generate` to rebuild packages/connectors/src/generated/operations.json.',
      cause,
    });
  }
  if (!Array.isArray(parsed)) {
    throw new FlowlineError('operations_invalid', `${url.pathname}: expected an array of operation descriptors`, {
      hint: 'Run `pnpm generate`.',
    });
  }
  parsed.forEach((entry, index) => {
    if (!isDescriptor(entry)) {
      throw new FlowlineError('operations_invalid', `${url.pathname}: entry ${index} is not an operation descriptor (id, kind, connector, title)`, {
        pointer: `/${index}`,
        hint: 'Run `pnpm generate`.',
      });
    }
  });
  return deepFreeze(parsed as OperationDescriptor[]);
}
