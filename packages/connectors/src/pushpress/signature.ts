import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header PushPress puts its signature in (node:http lower-cases header names). */
export const PUSHPRESS_SIGNATURE_HEADER = 'webhook-signature';

/** The documented form: 64 lowercase hex digits, nothing around them. */
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * The signature PushPress sends for a delivery whose `data` member is `data`: lowercase hex
 * HMAC-SHA256 of `JSON.stringify(data)`, keyed with the signing secret's UTF-8 bytes.
 *
 * The message is the re-serialized `data`, not the raw body, so a verifier must parse the body
 * and re-serialize exactly what it parsed (see `verifyPushPressSignature`).
 */
export function signPushPressData(data: unknown, secret: string): string {
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new TypeError('signPushPressData: expected `secret` to be a non-empty string.');
  }
  const message = JSON.stringify(data) as string | undefined;
  if (message === undefined) {
    throw new TypeError(
      'signPushPressData: expected `data` to be JSON-serializable (got undefined, a function or a symbol).',
    );
  }
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(message, 'utf8').digest('hex');
}

export interface VerifyPushPressSignatureOptions {
  /** The parsed `data` member of the delivery body. */
  readonly data: unknown;
  /** The `webhook-signature` header as received; missing, repeated or malformed is invalid. */
  readonly signature: string | readonly string[] | undefined;
  /** Every secret currently accepted (more than one while a secret is being rotated). */
  readonly secrets: readonly string[];
}

/**
 * True when `signature` is the signature of `data` under any of `secrets`. Comparisons are
 * constant-time (`crypto.timingSafeEqual` on equal-length digests). A header that is missing,
 * repeated, not 64 lowercase hex characters (the only form PushPress sends), or a `data` that
 * cannot be serialized, is simply
 * invalid: this never throws on bad input from the wire.
 */
export function verifyPushPressSignature(options: VerifyPushPressSignatureOptions): boolean {
  const { data, signature, secrets } = options;
  if (!Array.isArray(secrets) || secrets.length === 0) {
    throw new TypeError('verifyPushPressSignature: expected `secrets` to be a non-empty array of strings.');
  }
  if (typeof signature !== 'string' || !SHA256_HEX.test(signature)) return false;
  let message: string | undefined;
  try {
    message = JSON.stringify(data) as string | undefined;
  } catch {
    return false; // e.g. nesting too deep to re-serialize: PushPress cannot have signed it
  }
  if (message === undefined) return false;

  const received = Buffer.from(signature, 'hex');
  let valid = false;
  // Check every secret (no early exit) so timing does not tell which secret matched.
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length === 0) continue;
    const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(message, 'utf8').digest();
    if (expected.length === received.length && timingSafeEqual(expected, received)) valid = true;
  }
  return valid;
}
