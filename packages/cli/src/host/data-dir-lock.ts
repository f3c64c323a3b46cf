import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { FlowlineError } from '@flowline/core';

/** The file whose lock says who owns a data directory (an SQLite database, empty: only its lock matters). */
export const LOCK_FILE = 'flowline.lock';
/** Who holds the lock, written by the holder once it has it; read only by those that did not get it. */
export const OWNER_FILE = 'flowline.owner.json';
/** A data directory holds customer data: only its owner may enter it. */
export const DATA_DIR_MODE = 0o700;

/** The process that owns a data directory. */
export interface DataDirOwner {
  readonly pid: number;
  /** What it runs, e.g. `flowline serve`. */
  readonly command: string;
  /** ISO time it took the directory. */
  readonly since: string;
}

export interface DataDirLock {
  readonly dir: string;
  /** Lets the directory go (the operating system does it too when the process ends, however it ends). */
  release(): void;
}

/** Makes the data directory if it is missing, 0700. An existing directory keeps its mode. */
export function makeDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DATA_DIR_MODE });
}

function readOwner(dir: string): DataDirOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as Partial<DataDirOwner>;
    return typeof owner.pid === 'number' && typeof owner.command === 'string' && typeof owner.since === 'string' ? (owner as DataDirOwner) : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function writeOwner(dir: string, owner: DataDirOwner): void {
  const temp = join(dir, `${OWNER_FILE}.${process.pid}.tmp`);
  writeFileSync(temp, `${JSON.stringify(owner)}\n`, { mode: 0o600 });
  renameSync(temp, join(dir, OWNER_FILE));
}

/** Thrown when another process owns the data directory. */
export class DataDirBusyError extends FlowlineError {
  override readonly name: string = 'DataDirBusyError';
  readonly owner: DataDirOwner | undefined;

  constructor(dir: string, command: string, owner: DataDirOwner | undefined) {
    super(
      'cli.data-dir-busy',
      owner === undefined
        ? `${command} is refused: another flowline process owns the data directory ${dir}; one process at a time runs its work`
        : `${command} is refused: ${owner.command} (pid ${owner.pid}, since ${owner.since}) owns the data directory ${dir}; one process at a time runs its work`,
      { hint: `Stop that process first, or give this one another --data-dir.` },
    );
    this.owner = owner;
  }
}

/**
 * Takes the data directory for this process, or throws DataDirBusyError naming the process that
 * has it. The lock is SQLite's (an exclusive transaction held open on `flowline.lock`), which is
 * an operating-system file lock: the kernel lets it go when the process ends, even by SIGKILL, so
 * there is never a stale lock to clean up. The owner file only tells the next process whom to
 * name; right after a holder took the lock it may not be written yet, so a missing or dead owner
 * is read again for a moment.
 */
export async function lockDataDir(dir: string, command: string): Promise<DataDirLock> {
  makeDataDir(dir);
  const path = join(dir, LOCK_FILE);
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch {
    // It exists already (or cannot be made: opening it below says why).
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { timeout: 0 });
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db?.close();
    if ((error as { code?: unknown }).code !== 'SQLITE_BUSY') {
      throw new FlowlineError('cli.data-dir-lock', `${command}: cannot lock the data directory ${dir}: ${error instanceof Error ? error.message : String(error)}`, {
        hint: 'Check that the directory exists and this user may write to it.',
        cause: error,
      });
    }
    let owner = readOwner(dir);
    for (let attempt = 0; attempt < 20 && (owner === undefined || !isAlive(owner.pid)); attempt++) {
      await sleep(50);
      owner = readOwner(dir);
    }
    throw new DataDirBusyError(dir, command, owner !== undefined && isAlive(owner.pid) ? owner : undefined);
  }
  const held = db;
  writeOwner(dir, { pid: process.pid, command, since: new Date().toISOString() });
  return {
    dir,
    release() {
      if (!held.open) return;
      try {
        held.exec('ROLLBACK');
      } finally {
        held.close();
      }
    },
  };
}
