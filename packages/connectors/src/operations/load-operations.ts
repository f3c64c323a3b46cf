import type { OperationDescriptor } from '@flowline/core/design';
import { operations } from '../generated/operations.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const part of Object.values(value)) deepFreeze(part);
  }
  return value;
}

/**
 * The generated descriptors of the 126 catalog operations (src/generated/operations.ts, a module:
 * no file is read, so it loads in a browser too), deeply frozen: they are shared by every caller.
 */
export function loadOperations(): readonly OperationDescriptor[] {
  return deepFreeze(operations);
}
