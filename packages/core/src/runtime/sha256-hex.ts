import * as crypto from 'node:crypto';

type OneShotHash = (algorithm: string, data: string, encoding: 'hex') => string;
/** Node's one-shot `crypto.hash` (20.12 and later) is several times cheaper than a Hash object for short input. */
const oneShot = (crypto as { hash?: OneShotHash }).hash;

/** The SHA-256 of `text` (UTF-8) as lowercase hex. */
export function sha256Hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');
}
