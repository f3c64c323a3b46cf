import { createHmac } from 'node:crypto';
import { FlowlineError } from '../../errors/flowline-error.js';

/** A 32-byte AES-256 key, as bytes or as text in hex (64 digits) or base64 (standard or URL-safe). */
export type EncryptionKeyInput = Uint8Array | string;

/** The name of the environment variable hosts are expected to keep the key in. */
export const SECRET_KEY_ENV = 'FLOWLINE_SECRET_KEY';

/**
 * Turns a key given as bytes, hex or base64 into 32 bytes. The message on failure never
 * includes the key. Generate one with `node -e "console.log(crypto.randomBytes(32).toString('base64'))"`.
 */
export function parseEncryptionKey(input: EncryptionKeyInput, source = '`encryptionKey`'): Buffer {
  if (input instanceof Uint8Array) {
    if (input.length !== 32) throw badKey(source, `${input.length} bytes`);
    return Buffer.from(input);
  }
  if (typeof input !== 'string') throw badKey(source, typeof input);
  const text = input.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
  }
  throw badKey(source, `text of ${text.length} characters that is neither 64 hex digits nor 32 bytes of base64`);
}

/** Reads the key from the environment (default `FLOWLINE_SECRET_KEY`); `undefined` when it is not set. */
export function encryptionKeyFromEnv(env: NodeJS.ProcessEnv = process.env, name = SECRET_KEY_ENV): Buffer | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : parseEncryptionKey(value, `the environment variable ${name}`);
}

/** A short, one-way fingerprint of a key, stored beside each ciphertext so a wrong key is named as such. */
export function keyFingerprint(key: Buffer): string {
  return `k_${createHmac('sha256', key).update('flowline-token-key-id-v1').digest('hex').slice(0, 16)}`;
}

function badKey(source: string, got: string): FlowlineError {
  return new FlowlineError('store.invalid_options', `Expected ${source} to be a 32-byte key (64 hex digits or base64), got ${got}.`, {
    hint: `Generate one with: node -e "console.log(crypto.randomBytes(32).toString('base64'))" and keep it in ${SECRET_KEY_ENV}.`,
  });
}
