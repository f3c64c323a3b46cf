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
