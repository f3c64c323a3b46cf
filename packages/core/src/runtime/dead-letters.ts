import { FlowlineError } from '../errors/flowline-error.js';
import type { DeadLetter } from '../store/records.js';
import type { DeadLetterQuery, TenantStore } from '../store/store.js';

/** The dead letter an id names: `run:<id>` and `inbox:<id>` as they are, a bare id as a run's. */
export function deadLetterIdOf(id: string): string {
  return id.startsWith('run:') || id.startsWith('inbox:') ? id : `run:${id}`;
}

/**
 * Takes a run's dead letter off the list, if it has one: the run succeeded since (resumed after a
 * restart, or retried). Only a read when there is none.
 */
export async function clearDeadLetterOfRun(store: TenantStore, runId: string): Promise<void> {
  const id = `run:${runId}`;
  if (await store.getDeadLetter(id)) await store.removeDeadLetter(id);
}

/**
 * The dead letters that still stand, oldest first. A run's letter whose run has succeeded since
 * (one left by a version that did not clear them, or whose clearing could not be written) is
 * taken off the list as it is found, not listed.
 */
export async function standingDeadLetters(store: TenantStore, query: DeadLetterQuery = {}): Promise<DeadLetter[]> {
  for (;;) {
    const letters = await store.listDeadLetters(query);
    const stale: DeadLetter[] = [];
    for (const letter of letters) {
      if (letter.runId !== undefined && (await store.getRun(letter.runId))?.status === 'succeeded') stale.push(letter);
    }
    if (stale.length === 0) return letters;
    for (const letter of stale) await store.removeDeadLetter(letter.id);
  }
}

/** An operator discards a dead letter (`run:<id>`, `inbox:<id>` or a run id): it is not retried, and no longer listed. */
export async function discardDeadLetter(store: TenantStore, id: string): Promise<DeadLetter> {
  const letterId = deadLetterIdOf(id);
  const letter = await store.getDeadLetter(letterId);
  if (!letter || !(await store.removeDeadLetter(letterId)).removed) {
    throw new FlowlineError('dead-letters.not-found', `There is no dead letter ${letterId}`, {
      hint: 'List the dead letters (`flowline runs list --dead`, or engine.deadLetters()) and give one of their ids.',
    });
  }
  return letter;
}
