import { join } from 'node:path';
import { createMemoryStore, encryptionKeyFromEnv, type Store } from '@flowline/core';
import { createSqliteStore, type Durability } from '@flowline/store-sqlite';
import { makeDataDir } from './data-dir-lock.js';
import type { DurableTokens } from './tenant-token-store.js';

export const DEFAULT_DATA_DIR = '.data';

export interface StoreChoice {
  /** Where the SQLite file lives; default `.data`. */
  readonly dataDir?: string;
  /** Keep nothing across restarts (tests, trials). */
  readonly memory?: boolean;
  readonly durability?: Durability;
}

/** The host's store, opened: the records, and (when durable) the encrypted tokens and leases the GHL connector keeps there. */
export interface OpenedStore {
  readonly store: Store;
  readonly durable: DurableTokens | undefined;
  /** What it is, for the start-up line. */
  readonly describe: string;
  close(): Promise<void>;
}

/** The data directory a choice names (`.data` unless given). */
export function dataDirOf(choice: StoreChoice): string {
  return choice.dataDir ?? DEFAULT_DATA_DIR;
}

/**
 * The host's store: SQLite under the data directory by default, or in memory when asked. The
 * directory is made 0700 and the database file 0600 if they are new: they hold customer data.
 */
export function openStore(choice: StoreChoice): OpenedStore {
  if (choice.memory) return { store: createMemoryStore(), durable: undefined, describe: 'in memory (lost on exit)', close: async () => {} };
  const dir = dataDirOf(choice);
  makeDataDir(dir);
  const path = join(dir, 'flowline.db');
  // OAuth tokens are kept encrypted with FLOWLINE_SECRET_KEY; without it, token calls fail clearly.
  const sqlite = createSqliteStore({ path, encryptionKey: encryptionKeyFromEnv(), ...(choice.durability ? { durability: choice.durability } : {}) });
  return { store: sqlite, durable: sqlite, describe: `${path} (SQLite, durability ${sqlite.durability})`, close: () => sqlite.close() };
}
