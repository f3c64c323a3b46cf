import type { Database } from 'better-sqlite3';
import { openSqliteStore } from '../src/sqlite-store.js';
import type { SqliteStore, SqliteStoreOptions } from '../src/index.js';

/**
 * A SQLite store whose database can be made full and given room again, as a disk that fills up
 * and is freed: `fill()` caps the file at the pages it has (`PRAGMA max_page_count`) and fills
 * their free space, so every write that needs room fails with SQLITE_FULL; `makeRoom()` lifts
 * the cap. Call `fill()` between writes of the store (not inside an open turn of its writes).
 */
export function fullableStore(options: SqliteStoreOptions): { readonly store: SqliteStore; readonly fill: () => void; readonly makeRoom: () => void } {
  let db: Database | undefined;
  const store = openSqliteStore(options, { onOpen: (opened) => (db = opened) });
  const connection = (): Database => {
    if (db === undefined) throw new Error('The store did not hand over its connection');
    return db;
  };
  return {
    store,
    fill() {
      const handle = connection();
      handle.exec('CREATE TABLE IF NOT EXISTS ballast (filler TEXT)');
      handle.pragma(`max_page_count = ${String(handle.pragma('page_count', { simple: true }))}`);
      const insert = handle.prepare('INSERT INTO ballast (filler) VALUES (?)');
      // Smaller and smaller rows, until not even one byte more fits in any page.
      for (const size of [4096, 512, 64, 8, 1]) {
        try {
          for (;;) insert.run('x'.repeat(size));
        } catch (error) {
          if ((error as { code?: unknown }).code !== 'SQLITE_FULL') throw error;
        }
      }
    },
    makeRoom() {
      connection().pragma('max_page_count = 1073741823');
    },
  };
}
