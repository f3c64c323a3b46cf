import { encryptionKeyFromEnv, type FlowlineError } from '@flowline/core';
import { createPostgresStore, holdOwnerLock } from '@flowline/store-postgres';
import type { OpenedStore } from './open-store.js';

export interface PostgresChoice {
  /** `postgres://user@host:5432/database` (the password may come from PGPASSWORD). */
  readonly url: string;
  /** The schema of the store's tables; default `flowline`. */
  readonly schema?: string | undefined;
  /** What opens it, for the message a second owner gets. */
  readonly command: string;
  /** Told when this process lost the ownership of the schema to another (after a cut connection). */
  readonly onLost: (error: FlowlineError) => void;
}

/** The connection string without its password, for messages and the start-up line. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

/**
 * The host's store on PostgreSQL (migrated on open), owned by this process alone (an advisory
 * lock per schema, the data-directory lock's counterpart) until work is claimed across processes.
 */
export async function openPostgresStore(choice: PostgresChoice): Promise<OpenedStore> {
  const lock = await holdOwnerLock({ connectionString: choice.url, ...(choice.schema ? { schema: choice.schema } : {}), command: choice.command, onLost: choice.onLost });
  try {
    const postgres = await createPostgresStore({ connectionString: choice.url, ...(choice.schema ? { schema: choice.schema } : {}), encryptionKey: encryptionKeyFromEnv() });
    return {
      store: postgres,
      durable: postgres,
      describe: `${redactedUrl(choice.url)} schema ${postgres.schema} (PostgreSQL)`,
      close: async () => {
        await postgres.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
