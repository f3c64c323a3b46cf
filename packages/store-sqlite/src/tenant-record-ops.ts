import type { Database } from 'better-sqlite3';
import { checkTenantId, FlowlineError, fromStoredJson, toStoredJson, type Store, type TenantRecord, keyFingerprint, openSecret, parseEncryptionKey, sealSecret, SECRET_KEY_ENV, type EncryptionKeyInput, type Sealed } from '@flowline/core';
import { checkId } from './input-checks.js';
import type { WriteQueue } from './write-queue.js';

export interface TenantRecordOps extends Pick<Store, 'putTenant' | 'getTenant' | 'listTenants'> {
  /**
   * Key rotation: re-encrypts, in one transaction, the secrets of every tenant record sealed with
   * `previousKey` under the store's current key. Records under any other key are left as they
   * are and counted in `otherKey`.
   */
  reencryptTenantSecrets(previousKey: EncryptionKeyInput): Promise<{ readonly reencrypted: number; readonly otherKey: number }>;
}

interface TenantRow {
  id: string;
  settings: string;
  secrets_key_id: string | null;
  secrets_iv: Buffer | null;
  secrets_tag: Buffer | null;
  secrets: Buffer | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, settings, secrets_key_id, secrets_iv, secrets_tag, secrets, created_at, updated_at';

/**
 * The tenants a host registers: settings as plain JSON; secrets (credentials, signing secrets)
 * sealed with AES-256-GCM under the store's encryption key, the key's fingerprint beside them
 * and the tenant id as authenticated data, as OAuth tokens are (token-ops.ts). A store without
 * a key keeps tenants without secrets and refuses the others: secrets are never stored in
 * plaintext.
 */
export function createTenantRecordOps(db: Database, queue: WriteQueue, key: Buffer | undefined): TenantRecordOps {
  const keyId = key === undefined ? undefined : keyFingerprint(key);
  const upsert = db.prepare<[string, string, string | null, Buffer | null, Buffer | null, Buffer | null, string, string]>(
    `INSERT INTO tenants (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, secrets_key_id = excluded.secrets_key_id, secrets_iv = excluded.secrets_iv,
       secrets_tag = excluded.secrets_tag, secrets = excluded.secrets, created_at = excluded.created_at, updated_at = excluded.updated_at`,
  );
  const get = db.prepare<[string], TenantRow>(`SELECT ${COLUMNS} FROM tenants WHERE id = ?`);
  const list = db.prepare<[], TenantRow>(`SELECT ${COLUMNS} FROM tenants ORDER BY id`);
  const withSecrets = db.prepare<[], TenantRow>(`SELECT ${COLUMNS} FROM tenants WHERE secrets IS NOT NULL`);
  const reseal = db.prepare<[string, Buffer, Buffer, Buffer, string]>(
    `UPDATE tenants SET secrets_key_id = ?, secrets_iv = ?, secrets_tag = ?, secrets = ? WHERE id = ?`,
  );

  const requireKey = (action: string): Buffer => {
    if (key === undefined) {
      throw new FlowlineError('store.no_encryption_key', `Cannot ${action}: the store was opened without an encryption key.`, {
        hint: `Set ${SECRET_KEY_ENV} (or pass \`encryptionKey\` to createSqliteStore); a tenant's secrets are never stored unencrypted.`,
      });
    }
    return key;
  };

  const toRecord = (row: TenantRow): TenantRecord => {
    const record: TenantRecord = { id: row.id, settings: fromStoredJson<unknown>(row.settings), createdAt: row.created_at, updatedAt: row.updated_at };
    const sealed = sealedOf(row);
    if (sealed === undefined) return record;
    const k = requireKey(`read the secrets of tenant ${JSON.stringify(row.id)}`);
    if (row.secrets_key_id !== keyId) {
      throw new FlowlineError(
        'store.secret_key_mismatch',
        `Cannot decrypt the secrets of tenant ${JSON.stringify(row.id)}: they were encrypted with key ${String(row.secrets_key_id)}, but the store was opened with key ${keyId ?? 'none'}.`,
        { hint: `Open the store with the ${SECRET_KEY_ENV} the secrets were saved with, or put the tenant's secrets again.` },
      );
    }
    let plaintext: string;
    try {
      plaintext = openSecret(k, sealed, secretsAad(row.id));
    } catch (cause) {
      throw secretsCorrupt(row.id, String(row.secrets_key_id), cause);
    }
    return { ...record, secrets: fromStoredJson<unknown>(plaintext) };
  };

  return {
    async putTenant(record) {
      if (typeof record !== 'object' || record === null) {
        throw new FlowlineError('store.invalid_input', `Expected a tenant record to be an object, got ${record === null ? 'null' : typeof record}.`);
      }
      checkTenantId(record.id);
      checkId(record.createdAt, 'createdAt', 'putTenant');
      checkId(record.updatedAt, 'updatedAt', 'putTenant');
      const settings = toStoredJson(record.settings, `the settings of tenant ${record.id}`);
      let sealed: Sealed | undefined;
      if (record.secrets !== undefined) {
        const k = requireKey(`store the secrets of tenant ${JSON.stringify(record.id)}`);
        sealed = sealSecret(k, toStoredJson(record.secrets, `the secrets of tenant ${record.id}`), secretsAad(record.id));
      }
      return queue.write(() => {
        upsert.run(record.id, settings, sealed === undefined ? null : (keyId ?? ''), sealed?.iv ?? null, sealed?.tag ?? null, sealed?.ciphertext ?? null, record.createdAt, record.updatedAt);
      });
    },

    async getTenant(id) {
      const row = queue.read(() => get.get(id));
      return row === undefined ? undefined : toRecord(row);
    },

    async listTenants() {
      return queue.read(() => list.all()).map(toRecord);
    },

    async reencryptTenantSecrets(previousKey) {
      const current = requireKey('re-encrypt tenant secrets');
      const previous = parseEncryptionKey(previousKey, '`previousKey`');
      const previousId = keyFingerprint(previous);
      const rotate = db.transaction(() => {
        let reencrypted = 0;
        let otherKey = 0;
        for (const row of withSecrets.all()) {
          if (row.secrets_key_id === keyId) continue;
          const sealed = sealedOf(row);
          if (row.secrets_key_id !== previousId || sealed === undefined) {
            otherKey += 1;
            continue;
          }
          let plaintext: string;
          try {
            plaintext = openSecret(previous, sealed, secretsAad(row.id));
          } catch (cause) {
            throw secretsCorrupt(row.id, previousId, cause);
          }
          const next = sealSecret(current, plaintext, secretsAad(row.id));
          reseal.run(keyId ?? '', next.iv, next.tag, next.ciphertext, row.id);
          reencrypted += 1;
        }
        return { reencrypted, otherKey };
      });
      return queue.write(() => rotate());
    },
  };
}

/** The authenticated data of a tenant's secrets: a ciphertext copied to another tenant's row does not decrypt. */
function secretsAad(tenant: string): string {
  return `tenant-secrets:${tenant}`;
}

function sealedOf(row: TenantRow): Sealed | undefined {
  if (row.secrets === null) return undefined;
  if (row.secrets_iv === null || row.secrets_tag === null) throw secretsCorrupt(row.id, String(row.secrets_key_id), undefined);
  return { iv: row.secrets_iv, tag: row.secrets_tag, ciphertext: row.secrets };
}

function secretsCorrupt(tenant: string, keyId: string, cause: unknown): FlowlineError {
  return new FlowlineError('store.secret_corrupt', `Cannot decrypt the secrets of tenant ${JSON.stringify(tenant)}: they do not authenticate under key ${keyId}.`, {
    hint: "The row was altered or copied from another tenant; put the tenant's secrets again.",
    cause,
  });
}
