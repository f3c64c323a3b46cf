import { FlowlineError } from '../errors/flowline-error.js';
import type { DeadLetter, IdempotencyRecord, InboxEntry, InboxStatus, PendingTimer, RunRecord, RunStatus, StepRecord, TimerRecord, TriggerEvent } from './records.js';
import type { DeadLetterQuery, PendingTimerQuery, RunQuery, Store, TenantRecord, TenantStore } from './store.js';
import { checkId, checkIsoTime, checkLimit, checkStatus, checkTimer, deadLetterId, INBOX_STATUSES, isFinishedStatus, RUN_STATUSES } from './store-checks.js';
import { checkTenantId, DEFAULT_TENANT } from '../tenants/tenant-id.js';
import { createMemoryWorkflowVersions } from './memory-workflow-versions.js';
import { runMatches, compareRuns } from './run-order.js';
import { fromStoredJson, toStoredJson } from './stored-json.js';
import { createMemoryParkedDeliveries } from './memory-parked-deliveries.js';

interface StoredInbox {
  status: InboxStatus;
  json: string;
}

interface StoredRun {
  readonly seq: number;
  readonly id: string;
  readonly workflowId: string;
  readonly workflowVersion: RunRecord['workflowVersion'];
  readonly queuedAt: string;
  readonly status: RunStatus;
  /** The record without its event, which is kept apart: a run is put several times with the same one. */
  readonly json: string;
  readonly eventJson: string;
  /** The event object last put while the run is unfinished, so putting it again reuses `eventJson`. */
  readonly event: TriggerEvent | undefined;
}

/**
 * A `Store` that keeps everything in this process, for tests and for hosts that accept losing
 * state on restart. Records are kept as serialized JSON, so callers never share objects with the
 * store and it accepts exactly the data a durable store would.
 *
 * Ordering: `listInbox` in order of acceptance (oldest first, a queue); `listRuns` newest
 * `queuedAt` first, ties greatest id first (see run-order.ts);
 * `listSteps` in order of the first `putStep` of each path (putting a path again replaces it in
 * place); `listDeadLetters` oldest `at` first, ties in order put (putting a subject again moves
 * it to the end of its `at`).
 */
export interface MemoryStoreOptions {
  /**
   * Finished runs kept, with their steps, snapshots and run-scoped effect records; older ones are
   * forgotten (failed runs on the dead-letter list are kept). Default 10,000, so a long-running
   * host does not grow without bound.
   */
  readonly maxFinishedRuns?: number;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const maxFinishedRuns = options.maxFinishedRuns ?? 10_000;
  checkLimit(maxFinishedRuns, 'createMemoryStore maxFinishedRuns');
  const views = new Map<string, MemoryTenantStore>();
  const tenantRecords = new Map<string, string>();
  const forTenant = (tenant: string): MemoryTenantStore => {
    checkTenantId(tenant, '/tenant');
    let view = views.get(tenant);
    if (view === undefined) {
      view = createMemoryTenantStore(tenant, maxFinishedRuns);
      views.set(tenant, view);
    }
    return view;
  };
  return {
    ...forTenant(DEFAULT_TENANT),
    forTenant,
    async listTenantIds() {
      return [...new Set([...views.keys(), ...tenantRecords.keys()])].sort();
    },
    async deleteTenant(tenant) {
      checkTenantId(tenant, '/tenant');
      // A fresh view replaces the default tenant's, whose methods the store itself spreads: it is emptied in place instead.
      if (tenant === DEFAULT_TENANT) views.get(DEFAULT_TENANT)?.[CLEAR]();
      else views.delete(tenant);
      tenantRecords.delete(tenant);
    },
    async listPendingTimers(query: PendingTimerQuery = {}) {
      if (query.dueBy !== undefined) checkIsoTime(query.dueBy, 'dueBy', 'listPendingTimers');
      checkLimit(query.limit, 'listPendingTimers');
      const pending: PendingTimer[] = [];
      for (const [tenant, view] of views) {
        for (const timer of view[TIMERS]()) {
          if (timer.firedAt === undefined && (query.dueBy === undefined || timer.dueAt <= query.dueBy)) pending.push({ tenant, ...timer });
        }
      }
      pending.sort(compareTimers);
      return query.limit === undefined ? pending : pending.slice(0, query.limit);
    },
    async putTenant(record: TenantRecord) {
      checkTenantId(record.id);
      tenantRecords.set(record.id, toStoredJson(record, `tenant ${record.id}`));
    },
    async getTenant(id) {
      const json = tenantRecords.get(id);
      return json === undefined ? undefined : fromStoredJson<TenantRecord>(json);
    },
    async listTenants() {
      return [...tenantRecords.keys()].sort().map((id) => fromStoredJson<TenantRecord>(tenantRecords.get(id) as string));
    },
  };
}

/** Empties a memory tenant view in place (how the default tenant's records are deleted). */
const CLEAR = Symbol('clear');
/** A memory tenant view's timers, for the store's listing across tenants. */
const TIMERS = Symbol('timers');

type MemoryTenantStore = TenantStore & { readonly [CLEAR]: () => void; readonly [TIMERS]: () => Iterable<TimerRecord> };

function compareTimers(a: PendingTimer, b: PendingTimer): number {
  for (const key of ['dueAt', 'tenant', 'runId', 'path'] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  return 0;
}

function createMemoryTenantStore(tenant: string, maxFinishedRuns: number): MemoryTenantStore {
  const finished = createFinishedOrder();
  const inbox = new Map<string, StoredInbox>();
  /** What is kept about each run id, forgotten together. */
  const runs = new Map<string, RunBucket>();
  const bucketOf = (runId: string): RunBucket => {
    let bucket = runs.get(runId);
    if (bucket === undefined) {
      bucket = {};
      runs.set(runId, bucket);
    }
    return bucket;
  };
  const idempotency = new Map<string, string>();
  /** Timers by run id, then path. */
  const timers = new Map<string, Map<string, TimerRecord>>();
  const links = new Map<string, Map<string, string>>();
  const deadLetters = new Map<string, { readonly seq: number; readonly at: string; readonly json: string }>();
  let deadLetterSeq = 0;
  let runSeq = 0;

  const forgetOldRuns = () => {
    while (finished.size > maxFinishedRuns) {
      const id = finished.takeOldest();
      if (id === undefined) return;
      if (deadLetters.size > 0 && deadLetters.has(`run:${id}`)) continue;
      for (const key of runs.get(id)?.effectKeys ?? []) idempotency.delete(key);
      runs.delete(id);
      timers.delete(id);
    }
  };

  const versions = createMemoryWorkflowVersions();
  const parked = createMemoryParkedDeliveries();
  const store: MemoryTenantStore = {
    tenant,
    *[TIMERS]() {
      for (const byPath of timers.values()) yield* byPath.values();
    },
    [CLEAR]() {
      timers.clear();
      inbox.clear();
      runs.clear();
      idempotency.clear();
      links.clear();
      deadLetters.clear();
      versions.clear();
      parked.clear();
    },
    async addToInbox(event: TriggerEvent & { readonly id: string }, receivedAt: string) {
      checkId(event.id, 'event.id', 'addToInbox');
      checkId(receivedAt, 'receivedAt', 'addToInbox');
      if (inbox.has(event.id)) return { added: false };
      const entry: InboxEntry = { id: event.id, event, receivedAt, status: 'pending', runIds: [] };
      inbox.set(event.id, { status: 'pending', json: toStoredJson(entry, `inbox entry ${event.id}`) });
      return { added: true };
    },

    async getInboxEntry(id: string) {
      const stored = inbox.get(id);
      return stored === undefined ? undefined : fromStoredJson<InboxEntry>(stored.json);
    },

    async setInboxStatus(id: string, status: InboxStatus, update?: Pick<InboxEntry, 'runIds' | 'error'>) {
      checkStatus(status, INBOX_STATUSES, `inbox entry ${id}`);
      const stored = inbox.get(id);
      if (stored === undefined) throw inboxNotFound(id);
      const entry = fromStoredJson<InboxEntry>(stored.json);
      const next: InboxEntry =
        update === undefined
          ? { ...entry, status }
          : { id: entry.id, event: entry.event, receivedAt: entry.receivedAt, status, runIds: update.runIds, ...(update.error === undefined ? {} : { error: update.error }) };
      inbox.set(id, { status, json: toStoredJson(next, `inbox entry ${id}`) });
    },

    async listInbox(status: InboxStatus, limit?: number) {
      checkStatus(status, INBOX_STATUSES, 'listInbox');
      checkLimit(limit, 'listInbox');
      const out: InboxEntry[] = [];
      for (const stored of inbox.values()) {
        if (limit !== undefined && out.length >= limit) break;
        if (stored.status === status) out.push(fromStoredJson<InboxEntry>(stored.json));
      }
      return out;
    },

    async putRun(run: RunRecord) {
      checkId(run.id, 'run.id', 'putRun');
      checkStatus(run.status, RUN_STATUSES, `run ${run.id}`);
      const { event, ...rest } = run;
      const bucket = bucketOf(run.id);
      const previous = bucket.run;
      const eventJson = previous?.event === event ? previous.eventJson : toStoredJson(event, `the event of run ${run.id}`);
      const json = toStoredJson(rest, `run ${run.id}`);
      const seq = previous?.seq ?? ++runSeq;
      const finishedRun = isFinishedStatus(run.status);
      bucket.run = { seq, id: run.id, workflowId: run.workflowId, workflowVersion: run.workflowVersion, queuedAt: run.queuedAt, status: run.status, json, eventJson, event: finishedRun ? undefined : event };
      if (finishedRun) {
        finished.add(run.id);
        forgetOldRuns();
      } else {
        finished.delete(run.id);
      }
    },

    async getRun(id: string) {
      const stored = runs.get(id)?.run;
      return stored === undefined ? undefined : storedRun(stored);
    },

    async listRuns(query: RunQuery = {}) {
      if (query.status !== undefined) checkStatus(query.status, RUN_STATUSES, 'listRuns');
      checkLimit(query.limit, 'listRuns');
      const matching: StoredRun[] = [];
      for (const { run } of runs.values()) {
        if (run !== undefined && runMatches(run, query)) matching.push(run);
      }
      matching.sort(compareRuns);
      const limited = query.limit === undefined ? matching : matching.slice(0, query.limit);
      return limited.map(storedRun);
    },

    async putStep(step: StepRecord) {
      checkId(step.runId, 'step.runId', 'putStep');
      checkId(step.path, 'step.path', 'putStep');
      const json = toStoredJson(step, `step ${step.path} of run ${step.runId}`);
      const bucket = bucketOf(step.runId);
      bucket.steps ??= new Map();
      bucket.steps.set(step.path, json);
    },

    async listSteps(runId: string) {
      const byPath = runs.get(runId)?.steps;
      return byPath === undefined ? [] : [...byPath.values()].map((json) => fromStoredJson<StepRecord>(json));
    },

    async putSnapshot(runId: string, snapshot: unknown) {
      checkId(runId, 'runId', 'putSnapshot');
      bucketOf(runId).snapshot = toStoredJson(snapshot, `the snapshot of run ${runId}`);
    },

    async getSnapshot(runId: string) {
      const json = runs.get(runId)?.snapshot;
      return json === undefined ? undefined : fromStoredJson<unknown>(json);
    },

    async getIdempotency(key: string) {
      const json = idempotency.get(key);
      return json === undefined ? undefined : fromStoredJson<IdempotencyRecord>(json);
    },

    async putIdempotency(record: IdempotencyRecord) {
      checkId(record.key, 'record.key', 'putIdempotency');
      const known = idempotency.has(record.key);
      idempotency.set(record.key, toStoredJson(record, `idempotency record ${record.key}`));
      if (!known && record.key.startsWith(`run/${record.runId}/`)) (bucketOf(record.runId).effectKeys ??= []).push(record.key);
    },

    async getLink(namespace: string, fromId: string) {
      return links.get(namespace)?.get(fromId);
    },

    async putLink(namespace: string, fromId: string, toId: string) {
      checkId(namespace, 'namespace', 'putLink');
      checkId(fromId, 'fromId', 'putLink');
      checkId(toId, 'toId', 'putLink');
      let byFrom = links.get(namespace);
      if (byFrom === undefined) {
        byFrom = new Map();
        links.set(namespace, byFrom);
      }
      byFrom.set(fromId, toId);
    },

    async deleteLink(namespace: string, fromId: string) {
      links.get(namespace)?.delete(fromId);
    },

    async putDeadLetter(input) {
      const id = deadLetterId(input);
      const json = toStoredJson({ ...input, id }, `dead letter ${id}`);
      // Putting a subject again replaces its entry, which then lists as the newest put.
      deadLetters.set(id, { seq: ++deadLetterSeq, at: input.at, json });
      return fromStoredJson<DeadLetter>(json);
    },

    async getDeadLetter(id: string) {
      const stored = deadLetters.get(id);
      return stored === undefined ? undefined : fromStoredJson<DeadLetter>(stored.json);
    },

    async listDeadLetters(query: DeadLetterQuery = {}) {
      checkLimit(query.limit, 'listDeadLetters');
      const all = [...deadLetters.values()]
        .sort((a, b) => (a.at === b.at ? a.seq - b.seq : a.at < b.at ? -1 : 1))
        .map((stored) => fromStoredJson<DeadLetter>(stored.json))
        .filter((letter) => query.reason === undefined || letter.reason === query.reason);
      return query.limit === undefined ? all : all.slice(0, query.limit);
    },

    async removeDeadLetter(id: string) {
      return { removed: deadLetters.delete(id) };
    },

    ...parked.ops,
    ...versions.ops,

    async putTimer(timer: TimerRecord) {
      checkTimer(timer);
      let byPath = timers.get(timer.runId);
      if (byPath === undefined) {
        byPath = new Map();
        timers.set(timer.runId, byPath);
      }
      byPath.set(timer.path, fromStoredJson<TimerRecord>(toStoredJson(timer, `timer ${timer.path} of run ${timer.runId}`)));
    },

    async getTimer(runId: string, path: string) {
      const timer = timers.get(runId)?.get(path);
      return timer === undefined ? undefined : { ...timer };
    },

    async deleteTimers(runId: string) {
      timers.delete(runId);
    },

    async exportRecords() {
      const allRuns = await store.listRuns();
      return {
        tenant,
        inbox: [...inbox.values()].map((stored) => fromStoredJson<InboxEntry>(stored.json)),
        runs: await Promise.all(allRuns.map(async (run) => ({ ...run, steps: await store.listSteps(run.id) }))),
        deadLetters: await store.listDeadLetters(),
        links: [...links].flatMap(([namespace, byFrom]) => [...byFrom].map(([from, to]) => ({ namespace, from, to }))),
        effects: [...idempotency.values()].map((json) => fromStoredJson<IdempotencyRecord>(json)),
        parked: await store.listParkedDeliveries(),
        workflowVersions: await store.listWorkflowVersions(),
      };
    },
  };
  return store;
}

/**
 * Finished runs in the order they (last) finished, to forget the oldest in O(1). A Set would
 * keep that order too, but taking its first entry again and again walks over the holes its
 * deletions leave, which made every put slower as the store filled.
 */
function createFinishedOrder() {
  /** Each finished run's latest position. */
  const positions = new Map<string, number>();
  /** Positions in order; an entry whose run finished again later, or is running again, is stale. */
  let order: Array<{ readonly id: string; readonly position: number }> = [];
  let head = 0;
  let next = 0;
  return {
    get size() {
      return positions.size;
    },
    add(id: string) {
      next += 1;
      positions.set(id, next);
      order.push({ id, position: next });
      // Stale entries (runs put as finished again) are dropped once they outnumber the live ones.
      if (order.length - head > 2 * positions.size + 1024) {
        order = order.slice(head).filter((entry) => positions.get(entry.id) === entry.position);
        head = 0;
      }
    },
    delete(id: string) {
      positions.delete(id);
    },
    takeOldest(): string | undefined {
      while (head < order.length) {
        const entry = order[head];
        head += 1;
        if (entry && positions.get(entry.id) === entry.position) {
          positions.delete(entry.id);
          if (head > 1024 && head * 2 > order.length) {
            order = order.slice(head);
            head = 0;
          }
          return entry.id;
        }
      }
      return undefined;
    },
  };
}

/** Everything kept about one run id: forgetting the run drops it all at once. */
interface RunBucket {
  run?: StoredRun;
  /** Step records by path, in the order each path was first put. */
  steps?: Map<string, string>;
  snapshot?: string;
  /** Keys of the effect records placed in this run (`run/<id>/...`), forgotten with it. */
  effectKeys?: string[];
}

function storedRun(stored: StoredRun): RunRecord {
  return { ...fromStoredJson<Omit<RunRecord, 'event'>>(stored.json), event: fromStoredJson<TriggerEvent>(stored.eventJson) };
}

function inboxNotFound(id: string): FlowlineError {
  return new FlowlineError('store.not_found', `Cannot set the status of inbox entry ${JSON.stringify(id)}: no such entry.`, {
    hint: 'Add the event with addToInbox before changing its status.',
  });
}
