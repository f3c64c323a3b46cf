import type {
  DeadLetter,
  DeadLetterInput,
  IdempotencyRecord,
  InboxEntry,
  InboxStatus,
  RunRecord,
  RunStatus,
  StepRecord,
  TriggerEvent,
} from './records.js';

export interface DeadLetterQuery {
  readonly reason?: string;
  /** Oldest first; at most this many. */
  readonly limit?: number;
}

export interface RunQuery {
  readonly workflowId?: string;
  readonly status?: RunStatus;
  /** Newest first; at most this many. */
  readonly limit?: number;
}

/**
 * Where the engine keeps what must outlive a call: accepted events, runs with their snapshots
 * and step results, idempotency records and links between ids in two systems.
 *
 * Every method is async so that a durable implementation (SQLite, Postgres) drops in for the
 * in-memory one. Records are plain JSON data; an implementation may serialize them.
 */
export interface Store {
  /** Accepts an event unless one with the same id was accepted before. */
  addToInbox(event: TriggerEvent & { readonly id: string }, receivedAt: string): Promise<{ readonly added: boolean }>;
  getInboxEntry(id: string): Promise<InboxEntry | undefined>;
  setInboxStatus(id: string, status: InboxStatus, update?: Pick<InboxEntry, 'runIds' | 'error'>): Promise<void>;
  listInbox(status: InboxStatus, limit?: number): Promise<InboxEntry[]>;

  putRun(run: RunRecord): Promise<void>;
  getRun(id: string): Promise<RunRecord | undefined>;
  listRuns(query?: RunQuery): Promise<RunRecord[]>;
  putStep(step: StepRecord): Promise<void>;
  listSteps(runId: string): Promise<StepRecord[]>;
  /** The run's machine snapshot (`actor.getPersistedSnapshot()`), replaced on each save. */
  putSnapshot(runId: string, snapshot: unknown): Promise<void>;
  getSnapshot(runId: string): Promise<unknown>;

  getIdempotency(key: string): Promise<IdempotencyRecord | undefined>;
  putIdempotency(record: IdempotencyRecord): Promise<void>;

  /** Links an id in one system to an id in another, e.g. (`pushpress-customer:ghl-contact`, `usr_1`) → `ct_9`. */
  getLink(namespace: string, fromId: string): Promise<string | undefined>;
  putLink(namespace: string, fromId: string, toId: string): Promise<void>;
  deleteLink(namespace: string, fromId: string): Promise<void>;

  /** Puts a run or an inbox entry on the dead-letter list; the same subject again replaces its entry. */
  putDeadLetter(input: DeadLetterInput): Promise<DeadLetter>;
  getDeadLetter(id: string): Promise<DeadLetter | undefined>;
  /** Oldest first: a work list to replay or discard. */
  listDeadLetters(query?: DeadLetterQuery): Promise<DeadLetter[]>;
  removeDeadLetter(id: string): Promise<{ readonly removed: boolean }>;
}
