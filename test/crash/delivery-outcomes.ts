import type { RunRecord, Store } from '../../packages/core/src/index.js';

export interface DeliveryOutcomes {
  /** Deliveries whose runs all succeeded. */
  readonly done: number;
  /** Deliveries with a dead-lettered run or themselves dead-lettered. */
  readonly deadLettered: number;
  /** `<identity> <workflow>: <reason> <error code>` for every dead letter, sorted. */
  readonly deadLetters: string[];
  /** Everything that breaks "every acknowledged delivery reached a terminal state". */
  readonly problems: string[];
  /** Steps that took an effect found by reconciliation instead of sending again. */
  readonly reconciledSteps: number;
}

/**
 * Reads the store after the engine stopped and checks every acknowledged delivery: it is in the
 * inbox (not lost), its entry is `done` with every run succeeded or failed and dead-lettered
 * with a reason, or it is `dead` with a dead letter and a reason. Runs still queued or running
 * anywhere are problems too. A retried run counts as its last attempt.
 */
export async function deliveryOutcomes(store: Store, acknowledged: readonly string[]): Promise<DeliveryOutcomes> {
  const problems: string[] = [];
  const deadLetters: string[] = [];
  let done = 0;
  let deadLettered = 0;
  let reconciledSteps = 0;
  for (const identity of acknowledged) {
    const entry = await store.getInboxEntry(identity);
    if (!entry) {
      problems.push(`${identity}: acknowledged but not in the inbox (lost)`);
      continue;
    }
    if (entry.status === 'pending') {
      problems.push(`${identity}: still pending in the inbox`);
      continue;
    }
    if (entry.status === 'dead') {
      const letter = await store.getDeadLetter(`inbox:${identity}`);
      if (!letter || letter.reason === '') problems.push(`${identity}: inbox entry is dead but has no dead letter with a reason`);
      else deadLetters.push(`${identity} (whole delivery): ${letter.reason} ${letter.error?.code ?? ''}`.trim());
      deadLettered++;
      continue;
    }
    let failed = false;
    for (const firstId of entry.runIds) {
      const run = await lastAttempt(store, firstId);
      const runId = run?.id ?? firstId;
      if (!run) {
        problems.push(`${identity}: run ${runId} is named by the inbox but does not exist`);
        continue;
      }
      for (const step of await store.listSteps(runId)) if (step.reason === 'reconciled') reconciledSteps++;
      if (run.status === 'succeeded') continue;
      if (run.status === 'failed') {
        failed = true;
        const letter = await store.getDeadLetter(`run:${runId}`);
        if (!letter || letter.reason === '') problems.push(`${identity}: run ${runId} (${run.workflowId}) failed without a dead letter with a reason`);
        else deadLetters.push(`${identity} ${run.workflowId}: ${letter.reason} ${letter.error?.code ?? ''} ${letter.error?.message ?? ''}`.trim());
        continue;
      }
      problems.push(`${identity}: run ${runId} (${run.workflowId}) is still ${run.status}`);
    }
    if (failed) deadLettered++;
    else done++;
  }
  for (const status of ['queued', 'running'] as const) {
    for (const run of await store.listRuns({ status })) problems.push(`run ${run.id} (${run.workflowId}, event ${run.event.id ?? '?'}) is still ${status}`);
  }
  for (const entry of await store.listInbox('pending')) problems.push(`inbox entry ${entry.id} is still pending`);
  return { done, deadLettered, deadLetters: [...new Set(deadLetters)].sort(), problems: [...new Set(problems)], reconciledSteps };
}

/** A run's last attempt: retries are new attempts `<id>~2`, `<id>~3`, … each linked to the one before. */
async function lastAttempt(store: Store, runId: string): Promise<RunRecord | undefined> {
  let last = await store.getRun(runId);
  for (let attempt = 2; last; attempt++) {
    const next = await store.getRun(`${runId}~${attempt}`);
    if (!next) break;
    last = next;
  }
  return last;
}
