const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of the given secrets in `text`. Used on anything an error or a log
 * line carries that came from outside (GHL's own messages), as a second line of defence: the
 * client never puts a secret there itself.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** `redactText` over every string of a JSON-like value. */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = redactValue(item, secrets);
    return out;
  }
  return value;
}
