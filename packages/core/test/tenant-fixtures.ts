import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryStore, type Store, type TenantSettings } from '../src/index.js';
import type { TestAction } from '../src/testing/index.js';
// Core does not depend on the SQLite store; its tests reach its source (as the crash tests do).
import { createSqliteStore } from '../../store-sqlite/src/index.js';

/** Polls `condition` every millisecond; bounded, so a broken engine fails the test instead of hanging it. */
export async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let tick = 0; tick < 5000; tick++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`Gave up waiting until ${what}`);
}

/** An action that answers its input only once the test opens the gate; `entered` counts the calls waiting or done. */
export function gate(): { readonly action: TestAction; readonly open: () => void; readonly entered: () => number } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let entered = 0;
  return {
    action: {
      run: async (input) => {
        entered += 1;
        await opened;
        return input;
      },
    },
    open,
    entered: () => entered,
  };
}

/** An action that never answers: the process "dies" while it waits. */
export const hanging: TestAction = { run: () => new Promise(() => {}) };

/** An action that answers who ran it: its input, the run's tenant and the settings of the connection it was given. */
export const whoAmI: TestAction = {
  run: (input, context) => ({ input, tenant: context.tenant, connection: context.connection.settings }),
  sampleOutput: { dry: true },
};

/** A tenant with its own `main` connection (settings naming the gym, its own token) and `$config`. */
export function gym(id: string, extra: Partial<TenantSettings> = {}): TenantSettings {
  return {
    id,
    connections: { main: { connector: 'shop', settings: { gym: id }, credentials: { token: `sk_${id}_secret_token` } } },
    config: { locationId: `loc_${id}` },
    ...extra,
  };
}

/** A store every test of a kind opens fresh, and closes (and removes) afterwards. */
export interface StoreKind {
  readonly name: string;
  open(): OpenStore;
}

export interface OpenStore {
  readonly store: Store;
  /**
   * The store as a new process finds it: the same file opened again once the first process's
   * handle is closed (it "died"); the memory store itself (it hands out copies, as a database does).
   */
  restart(): Promise<Store>;
  close(): Promise<void>;
}

export const STORE_KINDS: readonly StoreKind[] = [
  {
    name: 'memory store',
    open: () => {
      const store = createMemoryStore();
      return { store, restart: async () => store, close: async () => undefined };
    },
  },
  {
    name: 'SQLite store (a temp file)',
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), 'flowline-core-'));
      const path = join(dir, 'flowline.db');
      let current = createSqliteStore({ path, durability: 'process' });
      return {
        store: current,
        async restart() {
          await current.close();
          current = createSqliteStore({ path, durability: 'process' });
          return current;
        },
        async close() {
          await current.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
];
