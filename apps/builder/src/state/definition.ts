/** A workflow definition as the editor holds it: JSON of schemas/workflow.schema.json, kept loose so a step kind the builder does not know yet is kept as it is. */
export interface StepJson {
  readonly id: string;
  readonly type: string;
  readonly [field: string]: unknown;
}

export interface DefinitionJson {
  readonly id: string;
  readonly name?: string;
  readonly version: number;
  readonly trigger: { readonly operation: string; readonly filter?: string };
  readonly steps: readonly StepJson[];
  readonly [field: string]: unknown;
}

export function emptyDefinition(): DefinitionJson {
  return { id: 'new-workflow', name: 'New workflow', version: 1, trigger: { operation: '' }, steps: [] };
}

/** JSON pointer tokens, RFC 6901. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

export function pointerOf(tokens: readonly (string | number)[]): string {
  return tokens.map((token) => `/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] => typeof value === 'object' && value !== null;

export function getAt(root: unknown, pointer: string): unknown {
  let here: unknown = root;
  for (const token of pointerTokens(pointer)) {
    if (!isContainer(here)) return undefined;
    here = (here as Record<string, unknown>)[token];
  }
  return here;
}

/** A copy of `root` with the value at `pointer` replaced (created along the way as objects); `undefined` removes it. */
export function setAt<T>(root: T, pointer: string, value: unknown): T {
  const tokens = pointerTokens(pointer);
  const write = (here: unknown, index: number): unknown => {
    if (index === tokens.length) return value;
    const token = tokens[index] as string;
    if (Array.isArray(here)) {
      const copy = [...here];
      const position = Number(token);
      const next = write(copy[position], index + 1);
      if (next === undefined) copy.splice(position, 1);
      else copy[position] = next;
      return copy;
    }
    const object: Record<string, unknown> = isContainer(here) ? { ...(here as Record<string, unknown>) } : {};
    const next = write(object[token], index + 1);
    if (next === undefined) delete object[token];
    else object[token] = next;
    return object;
  };
  return write(root, 0) as T;
}
