import { createHash } from 'node:crypto';

/** `[flowline:` + 12 hex digits + `]`: what a marker line looks like. */
const MARKER_LINE = /^\[flowline:[0-9a-f]{12}\]$/;

/**
 * The marker a creating request carries so its effect can be found again: the first 12 hex digits
 * of the SHA-256 of the idempotency key. The same key always gives the same marker; the key itself
 * (which may hold event ids or other data) cannot be read back from it.
 */
export function effectMarker(idempotencyKey: string): string {
  if (typeof idempotencyKey !== 'string' || idempotencyKey === '') {
    throw new TypeError(`Expected \`idempotencyKey\` to be a non-empty string, got ${JSON.stringify(idempotencyKey)}`);
  }
  return `[flowline:${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 12)}]`;
}

/**
 * `text` with `marker` as its last line. The text above it is kept as it was; a marker line
 * already at the end (e.g. copied from another record) is replaced rather than stacked; no text
 * gives just the marker.
 */
export function withMarker(text: string | undefined, marker: string): string {
  if (text === undefined || text === '') return marker;
  const lines = text.split('\n');
  const last = lines.at(-1)?.trimEnd() ?? '';
  if (MARKER_LINE.test(last)) lines.pop();
  return lines.length === 0 ? marker : `${lines.join('\n')}\n${marker}`;
}

/**
 * Whether `text` carries the marker. Anywhere, not only on the last line: GHL may reformat a body
 * (HTML paragraphs, trimmed lines), and 48 bits of a hash do not turn up by chance.
 */
export function carriesMarker(text: unknown, marker: string): boolean {
  return typeof text === 'string' && text.includes(marker);
}
