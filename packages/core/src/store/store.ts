import type {
  DeadLetter,
  DeadLetterInput,
  IdempotencyRecord,
  InboxEntry,
  InboxStatus,
  PendingTimer,
  RunRecord,
  RunStatus,
  StepRecord,
  TimerRecord,
  TriggerEvent,
} from './records.js';
import type { ParkedDelivery, ParkedDeliveryInput, ParkedQuery } from './parked-delivery.js';

export interface DeadLetterQuery {
  readonly reason?: string;
  /** Oldest first; at most this many. */
  readonly limit?: number;
}

/** Where a run stands in the newest-first order of `listRuns`: the last run of a page. */
export interface RunPosition {
  readonly queuedAt: string;
  readonly id: string;
}

export interface RunQuery {
  readonly workflowId?: string;
  /** Only runs of this version of the workflow. */
  readonly version?: number;
  readonly status?: RunStatus;
  /** Only runs queued at or after this ISO time. */
  readonly since?: string;
  /** Only runs queued before this ISO time. */
  readonly until?: string;
  /** Only runs after this one in the order (newest `queuedAt` first, then greatest id first): the next page. */
  readonly after?: RunPosition;
  /** Newest first; at most this many. */
  readonly limit?: number;
}

/**
 * One tenant's records: accepted events, runs with their snapshots and step results,
 * idempotency records, links between ids in two systems, dead letters, parked deliveries and
 * the workflow versions its runs use. Nothing here reads or writes another tenant's records:
 * the same event id, run id or link in two tenants are two records.
 *
 * Every method is async so that a durable implementation (SQLite, Postgres) drops in for the
 * in-memory one. Records are plain JSON data; an implementation may serialize them.
 */
export interface TenantStore {
  /** The tenant these records belong to. */
  readonly tenant: string;

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

  /** Keeps an authentic delivery no trigger handles yet (see ParkedDelivery); the same event id again is not added. */
  parkDelivery(input: ParkedDeliveryInput): Promise<{ readonly added: boolean }>;
  getParkedDelivery(id: string): Promise<ParkedDelivery | undefined>;
  /** Oldest first: what waits for a trigger. */
  listParkedDeliveries(query?: ParkedQuery): Promise<ParkedDelivery[]>;
  removeParkedDelivery(id: string): Promise<{ readonly removed: boolean }>;

  /** Saves a version of a workflow (the same id and version again replaces it). */
  putWorkflowVersion(record: WorkflowVersionRecord): Promise<void>;
  getWorkflowVersion(workflowId: string, version: number): Promise<WorkflowVersionRecord | undefined>;
  /** By workflow id, then version, ascending; only `workflowId`'s when given. */
  listWorkflowVersions(workflowId?: string): Promise<WorkflowVersionRecord[]>;
  deleteWorkflowVersion(workflowId: string, version: number): Promise<{ readonly removed: boolean }>;

  /** Saves a run's timer (the same run and path again replaces it). */
  putTimer(timer: TimerRecord): Promise<void>;
  getTimer(runId: string, path: string): Promise<TimerRecord | undefined>;
  /** Deletes every timer of a run (it was cancelled, or is gone). */
  deleteTimers(runId: string): Promise<void>;

  /** Everything this tenant has in the store, e.g. before it is deleted. */
  exportRecords(): Promise<TenantExport>;
}

export interface PendingTimerQuery {
  /** Only timers due at or before this ISO time. */
  readonly dueBy?: string;
  /** Earliest due first; at most this many. */
  readonly limit?: number;
}

/**
 * The records of every tenant. The store itself reads and writes the `default` tenant's records
 * (what a single-gym host and every store before tenants had); `forTenant` gives another's.
 * Reading across tenants, and deleting one, are operator calls of their own.
 */
export interface Store extends TenantStore {
  /** The records of `tenant` (an id `checkTenantId` accepts). */
  forTenant(tenant: string): TenantStore;
  /** Operator: every tenant with a record here (settings or data), sorted. */
  listTenantIds(): Promise<string[]>;
  /** Operator: deletes every record of `tenant`, its settings included. */
  deleteTenant(tenant: string): Promise<void>;
  /** Operator: timers not fired yet, of every tenant, earliest `dueAt` first (ties by tenant, run id, path). */
  listPendingTimers(query?: PendingTimerQuery): Promise<PendingTimer[]>;

  /** A tenant's settings, kept for a host that registers tenants at run time (secrets encrypted at rest where the store can). */
  putTenant(record: TenantRecord): Promise<void>;
  getTenant(id: string): Promise<TenantRecord | undefined>;
  /** Sorted by id. */
  listTenants(): Promise<TenantRecord[]>;
}

/** How far a workflow version is: drafts get no deliveries, one version per workflow is published, retired ones finish their runs. */
export type WorkflowVersionState = 'draft' | 'published' | 'retired';

export interface WorkflowVersionRecord {
  readonly workflowId: string;
  readonly version: number;
  readonly state: WorkflowVersionState;
  /** The definition as validated (plain JSON). */
  readonly definition: unknown;
  /** ISO time it was saved, and (once published) when it was. */
  readonly savedAt: string;
  readonly publishedAt?: string;
}

/** A tenant as a host registers it: `settings` is plain JSON; `secrets` (credentials, signing secrets) are kept apart, encrypted at rest where the store can. */
export interface TenantRecord {
  readonly id: string;
  readonly settings: unknown;
  readonly secrets?: unknown;
  /** ISO times. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** What `exportRecords` gives: one tenant's records, as JSON data. */
export interface TenantExport {
  readonly tenant: string;
  readonly inbox: readonly InboxEntry[];
  readonly runs: readonly (RunRecord & { readonly steps: readonly StepRecord[] })[];
  readonly deadLetters: readonly DeadLetter[];
  readonly links: readonly { readonly namespace: string; readonly from: string; readonly to: string }[];
  readonly effects: readonly IdempotencyRecord[];
  readonly parked: readonly ParkedDelivery[];
  readonly workflowVersions: readonly WorkflowVersionRecord[];
}
