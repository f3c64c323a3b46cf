import { FlowlineError, toStoredJson, keyFingerprint, openSecret, parseEncryptionKey, sealSecret, SECRET_KEY_ENV, type EncryptionKeyInput } from '@flowline/core';
import { checkId } from './input-checks.js';
import type { Database } from './database.js';

/** OAuth tokens of one connection (access token, refresh token, expiry, scopes…), as a JSON object. */
export type OAuthTokens = Readonly<Record<string, unknown>>;

export interface TokenOps {
  /** Encrypts the tokens with the store's key and replaces what the connection had. */
  putTokens(connectionId: string, tokens: object): Promise<void>;
  /**
   * Decrypts the connection's tokens; fails with `store.token_key_mismatch` under another key.
   * `T` is the shape the caller put (e.g. the GHL connector's `GhlTokenSet`); it is not checked.
   */
  getTokens<T extends object = OAuthTokens>(connectionId: string): Promise<T | undefined>;
  deleteTokens(connectionId: string): Promise<{ readonly deleted: boolean }>;
  /**
   * Key rotation: re-encrypts, in one transaction, every connection's tokens sealed with
   * `previousKey` under the store's current key, every tenant's (the key is the store's). Rows
   * under any other key are left as they are and counted in `otherKey`.
   */
  reencryptTokens(previousKey: EncryptionKeyInput): Promise<{ readonly reencrypted: number; readonly otherKey: number }>;
}

interface TokenRow {
  key_id: string;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/**
 * OAuth tokens encrypted at rest with AES-256-GCM. Each row keeps a random nonce, the tag,
 * and a one-way fingerprint of the key it was sealed with; the connection id is authenticated
 * data. Without a key, every token call fails: tokens are never stored in plaintext.
 */
export function createTokenOps(db: Database, key: Buffer | undefined, now: () => Date): (tenant: string) => TokenOps {
  const keyId = key === undefined ? undefined : keyFingerprint(key);
  const tokens = db.table('tokens');
  const upsert = `INSERT INTO ${tokens} (tenant, connection_id, key_id, iv, tag, ciphertext, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (tenant, connection_id) DO UPDATE SET key_id = excluded.key_id, iv = excluded.iv, tag = excluded.tag,
       ciphertext = excluded.ciphertext, updated_at = excluded.updated_at`;
  const get = `SELECT key_id, iv, tag, ciphertext FROM ${tokens} WHERE tenant = $1 AND connection_id = $2`;
  const remove = `DELETE FROM ${tokens} WHERE tenant = $1 AND connection_id = $2`;
  // Locked while they are re-encrypted, so a put in between is not overwritten with old tokens.
  const all = `SELECT tenant, connection_id, key_id, iv, tag, ciphertext FROM ${tokens} FOR UPDATE`;

  function requireKey(action: string): Buffer {
    if (key === undefined) {
      throw new FlowlineError('store.no_encryption_key', `Cannot ${action}: the store was opened without an encryption key.`, {
        hint: `Pass \`encryptionKey\` (e.g. from ${SECRET_KEY_ENV}) to createPostgresStore; tokens are never stored unencrypted.`,
      });
    }
    return key;
  }

  return (tenant) => ({
    async putTokens(connectionId, tokens) {
      checkId(connectionId, 'connectionId', 'putTokens');
      const k = requireKey(`store the tokens of connection ${JSON.stringify(connectionId)}`);
      if (typeof tokens !== 'object' || tokens === null || Array.isArray(tokens)) {
        throw new FlowlineError('store.invalid_input', `Expected the tokens of connection ${JSON.stringify(connectionId)} to be an object.`);
      }
      const sealed = sealSecret(k, toStoredJson(tokens, `the tokens of connection ${JSON.stringify(connectionId)}`), connectionId);
      const updatedAt = now().toISOString();
      return db.write(async (sql) => {
        await sql.query(upsert, [tenant, connectionId, keyId ?? '', sealed.iv, sealed.tag, sealed.ciphertext, updatedAt]);
      });
    },

    async getTokens<T extends object = OAuthTokens>(connectionId: string): Promise<T | undefined> {
      const k = requireKey(`read the tokens of connection ${JSON.stringify(connectionId)}`);
      const row = await db.read(async (sql) => (await sql.query<TokenRow>(get, [tenant, connectionId])).rows[0]);
      if (row === undefined) return undefined;
      if (row.key_id !== keyId) {
        throw new FlowlineError(
          'store.token_key_mismatch',
          `Cannot decrypt the tokens of connection ${JSON.stringify(connectionId)}: they were encrypted with key ${row.key_id}, but the store was opened with key ${keyId ?? 'none'}.`,
          { hint: `Open the store with the ${SECRET_KEY_ENV} the tokens were saved with, or authorize the connection again.` },
        );
      }
      let plaintext: string;
      try {
        plaintext = openSecret(k, row, connectionId);
      } catch (cause) {
        throw new FlowlineError(
          'store.token_corrupt',
          `Cannot decrypt the tokens of connection ${JSON.stringify(connectionId)}: the ciphertext does not authenticate under key ${row.key_id}.`,
          { hint: 'The row was altered or copied from another connection; authorize the connection again.', cause },
        );
      }
      return JSON.parse(plaintext) as T;
    },

    async reencryptTokens(previousKey) {
      const current = requireKey('re-encrypt tokens');
      const previous = parseEncryptionKey(previousKey, '`previousKey`');
      const previousId = keyFingerprint(previous);
      const updatedAt = now().toISOString();
      return db.write(async (sql) => {
        let reencrypted = 0;
        let otherKey = 0;
        for (const row of (await sql.query<TokenRow & { tenant: string; connection_id: string }>(all)).rows) {
          if (row.key_id === keyId) continue;
          if (row.key_id !== previousId) {
            otherKey += 1;
            continue;
          }
          let plaintext: string;
          try {
            plaintext = openSecret(previous, row, row.connection_id);
          } catch (cause) {
            throw new FlowlineError('store.token_corrupt', `Cannot re-encrypt the tokens of connection ${JSON.stringify(row.connection_id)}: they do not authenticate under the previous key.`, {
              hint: 'Nothing was changed. Authorize that connection again, or delete its tokens, then rotate.',
              cause,
            });
          }
          const sealed = sealSecret(current, plaintext, row.connection_id);
          await sql.query(upsert, [row.tenant, row.connection_id, keyId ?? '', sealed.iv, sealed.tag, sealed.ciphertext, updatedAt]);
          reencrypted += 1;
        }
        return { reencrypted, otherKey };
      }, true);
    },

    async deleteTokens(connectionId) {
      return db.write(async (sql) => ({ deleted: (await sql.query(remove, [tenant, connectionId])).rowCount === 1 }));
    },
  });
}
