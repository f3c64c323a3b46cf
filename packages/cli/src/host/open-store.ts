import { join } from 'node:path';
import { createMemoryStore, type Store } from '@flowline/core';
import { createSqliteStore, encryptionKeyFromEnv, type Durability, type SqliteStore } from '@flowline/store-sqlite';
import { makeDataDir } from './data-dir-lock.js';

export const DEFAULT_DATA_DIR = '.data';

export interface StoreChoice {
  /** Where the SQLite file lives; default `.data`. */
  readonly dataDir?: string;
  /** Keep nothing across restarts (tests, trials). */
  readonly memory?: boolean;
  readonly durability?: Durability;
}

/** The data directory a choice names (`.data` unless given). */
export function dataDirOf(choice: StoreChoice): string {
  return choice.dataDir ?? DEFAULT_DATA_DIR;
}

/**
 * The host's store: SQLite under the data directory by default, or in memory when asked. The
 * directory is made 0700 and the database file 0600 if they are new: they hold customer data.
 */
export function openStore(choice: StoreChoice): { store: Store; sqlite: SqliteStore | undefined; describe: string; close(): Promise<void> } {
  if (choice.memory) return { store: createMemoryStore(), sqlite: undefined, describe: 'in memory (lost on exit)', close: async () => {} };
  const dir = dataDirOf(choice);
  makeDataDir(dir);
  const path = join(dir, 'flowline.db');
  // OAuth tokens are kept encrypted with FLOWLINE_SECRET_KEY; without it, token calls fail clearly.
  const sqlite = createSqliteStore({ path, encryptionKey: encryptionKeyFromEnv(), ...(choice.durability ? { durability: choice.durability } : {}) });
  return { store: sqlite, sqlite, describe: `${path} (SQLite, durability ${sqlite.durability})`, close: () => sqlite.close() };
}
