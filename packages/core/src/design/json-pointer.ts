import { FlowlineError } from '../errors/flowline-error.js';

/** The tokens of a JSON pointer (RFC 6901): `''` is the whole document, else it starts with `/`. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (typeof pointer !== 'string' || !pointer.startsWith('/')) {
    throw new FlowlineError('scope.bad-pointer', `${JSON.stringify(pointer)} is not a JSON pointer`, {
      pointer: String(pointer),
      hint: 'A JSON pointer is empty (the whole workflow) or starts with "/", e.g. /steps/0/input.',
    });
  }
  return pointer.slice(1).split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The pointer of the first `count` tokens. */
export function pointerOf(tokens: readonly string[], count = tokens.length): string {
  return tokens.slice(0, count).map((token) => `/${token.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** How many of the tokens lead to something in the document, from the first. */
export function existingDepth(document: unknown, tokens: readonly string[]): number {
  let at = document;
  for (const [depth, token] of tokens.entries()) {
    if (Array.isArray(at)) {
      if (!/^(0|[1-9]\d*)$/.test(token) || Number(token) >= at.length) return depth;
      at = at[Number(token)];
    } else if (at !== null && typeof at === 'object' && Object.hasOwn(at, token)) {
      at = (at as Record<string, unknown>)[token];
    } else {
      return depth;
    }
  }
  return tokens.length;
}
