/** Appends one reference token to a JSON pointer (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function appendPointer(pointer: string, token: string | number): string {
  return `${pointer}/${String(token).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}
