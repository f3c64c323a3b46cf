import { findUnsafeKeys } from '@flowline/core';
import { ApiError } from './api-error.js';

/** How deep a request body may nest; deeper ones are refused before any check walks them (a stack overflow otherwise). */
export const MAX_BODY_DEPTH = 64;

/** The pointer of the first value nested deeper than `max`, or undefined; walks without recursion. */
export function tooDeepAt(value: unknown, max = MAX_BODY_DEPTH): string | undefined {
  const pending: Array<{ value: unknown; depth: number; pointer: string }> = [{ value, depth: 0, pointer: '' }];
  while (pending.length > 0) {
    const next = pending.pop() as (typeof pending)[number];
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > max) return next.pointer;
    for (const [key, item] of Object.entries(next.value)) pending.push({ value: item, depth: next.depth + 1, pointer: `${next.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}` });
  }
  return undefined;
}

/**
 * A JSON body, refused (400, with a pointer) when it nests deeper than anything below may walk
 * (validation, previews and the store recurse) or has a key such as `__proto__`.
 */
export function parseBody(text: string): unknown {
  if (text === '') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'api.bad-json', `The body is not valid JSON: ${(error as Error).message}`, { hint: 'Send JSON, as /api/openapi.json describes.' });
  }
  const deep = tooDeepAt(body);
  if (deep !== undefined) throw new ApiError(400, 'api.too-deep', `The request body nests deeper than ${MAX_BODY_DEPTH} levels`, { pointer: deep, hint: 'Flatten the value at this pointer.' });
  const [unsafe] = findUnsafeKeys(body);
  if (unsafe !== undefined) throw new ApiError(400, 'api.unsafe-key', `The body has the key "${unsafe.split('/').at(-1) ?? ''}", which is refused`, { pointer: unsafe, hint: 'Rename it: __proto__, constructor and prototype are never taken.' });
  return body;
}
