import type { InboxEntry, RunRecord } from '../store/records.js';
import type { TenantStore } from '../store/store.js';

export interface LeftoverOptions<R> {
  readonly store: TenantStore;
  /** Queues a pending inbox event in its ordering key's lane; resolves with its runs. */
  readonly queueEvent: (entry: InboxEntry) => Promise<R[]>;
  /** Runs `work` in the lane of ordering key `key`, after what is queued there before it. */
  readonly inLane: <T>(key: string, work: () => Promise<T>) => Promise<T>;
  /** Whether the processing of the run's pending event finds and resumes it (its workflow version is deployed). */
  readonly resumedByItsEvent: (run: RunRecord) => boolean;
  /** Resumes a leftover run by id, at its turn; undefined when it finished meanwhile or cannot resume. */
  readonly resumeRun: (id: string) => Promise<R | undefined>;
  /** Told once every leftover is queued in its lane (or nothing was left): work queued after this goes behind them. */
  readonly queued?: () => void;
  /** Runs the listing of leftovers, e.g. again while the store cannot be read for now (nothing is queued until it is done). */
  readonly persist?: <T>(list: () => Promise<T>) => Promise<T>;
}

/** A run an earlier process left unfinished that no pending event stands for (a killed retry, a dispatched run). */
interface LeftoverRun {
  readonly runId: string;
  /** Its lane: the ordering key of its event (else the event's id, else the run's). */
  readonly key: string;
  /** When its event was accepted into the inbox; when it was queued, for a run of no inbox event. */
  readonly acceptedAt: string;
}

type Turn = { readonly entry: InboxEntry } | { readonly run: LeftoverRun };

/**
 * What an earlier process left, in order: the pending inbox events (in order of acceptance) and
 * the unfinished runs no pending event stands for, placed among them by when their events were
 * accepted (a run before an event accepted at the same moment). Each goes through its ordering
 * key's lane, so a customer's older leftover run finishes before that customer's newer event
 * runs, and never beside it.
 */
export function inAcceptanceOrder(pending: readonly InboxEntry[], runs: readonly LeftoverRun[]): Turn[] {
  const sorted = [...runs].sort((a, b) => (a.acceptedAt < b.acceptedAt ? -1 : a.acceptedAt > b.acceptedAt ? 1 : 0));
  const turns: Turn[] = [];
  let next = 0;
  for (const entry of pending) {
    for (let run = sorted[next]; run !== undefined && run.acceptedAt <= entry.receivedAt; run = sorted[++next]) turns.push({ run });
    turns.push({ entry });
  }
  for (const run of sorted.slice(next)) turns.push({ run });
  return turns;
}

/** The pending inbox events and the unfinished runs no pending event stands for. */
async function listLeftovers<R>(options: LeftoverOptions<R>): Promise<{ pending: InboxEntry[]; leftovers: LeftoverRun[] }> {
  const { store } = options;
  const unfinished = [...(await store.listRuns({ status: 'running' })), ...(await store.listRuns({ status: 'queued' }))];
  const pending = await store.listInbox('pending');
  const pendingIds = new Set(pending.map((entry) => entry.id));
  const leftovers: LeftoverRun[] = [];
  for (const run of unfinished) {
    // A sub-workflow's run is resumed by its caller's call step, never beside it.
    if (run.parent !== undefined) continue;
    const eventId = run.event.id;
    if (eventId !== undefined && pendingIds.has(eventId) && options.resumedByItsEvent(run)) continue;
    const entry = eventId === undefined ? undefined : await store.getInboxEntry(eventId);
    leftovers.push({ runId: run.id, key: run.event.orderingKey ?? eventId ?? run.id, acceptedAt: entry?.receivedAt ?? run.queuedAt });
  }
  return { pending, leftovers };
}

/**
 * Resumes what an earlier process left. Everything unfinished is listed before anything runs, so
 * a run started meanwhile by a newly submitted event is never taken for a leftover.
 */
export async function resumeLeftovers<R>(options: LeftoverOptions<R>): Promise<R[]> {
  const persist = options.persist ?? ((list) => list());
  const { pending, leftovers } = await persist(() => listLeftovers(options));
  const results = inAcceptanceOrder(pending, leftovers).map(async (turn): Promise<R[]> => {
    if ('entry' in turn) return options.queueEvent(turn.entry);
    const resumed = await options.inLane(turn.run.key, () => options.resumeRun(turn.run.runId));
    return resumed === undefined ? [] : [resumed];
  });
  options.queued?.();
  return (await Promise.all(results)).flat();
}
