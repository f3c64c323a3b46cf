import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryStore, type Store } from '@flowline/core';
import { createSqliteStore, encryptionKeyFromEnv, type Durability, type SqliteStore } from '@flowline/store-sqlite';

export const DEFAULT_DATA_DIR = '.data';

export interface StoreChoice {
  /** Where the SQLite file lives; default `.data`. */
  readonly dataDir?: string;
  /** Keep nothing across restarts (tests, trials). */
  readonly memory?: boolean;
  readonly durability?: Durability;
}

/** The host's store: SQLite under the data directory by default, or in memory when asked. */
export function openStore(choice: StoreChoice): { store: Store; sqlite: SqliteStore | undefined; describe: string; close(): Promise<void> } {
  if (choice.memory) return { store: createMemoryStore(), sqlite: undefined, describe: 'in memory (lost on exit)', close: async () => {} };
  const dir = choice.dataDir ?? DEFAULT_DATA_DIR;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'flowline.db');
  // OAuth tokens are kept encrypted with FLOWLINE_SECRET_KEY; without it, token calls fail clearly.
  const sqlite = createSqliteStore({ path, encryptionKey: encryptionKeyFromEnv(), ...(choice.durability ? { durability: choice.durability } : {}) });
  return { store: sqlite, sqlite, describe: `${path} (SQLite, durability ${sqlite.durability})`, close: () => sqlite.close() };
}
