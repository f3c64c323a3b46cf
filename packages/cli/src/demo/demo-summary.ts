import type { JsonObject, LocationDump, RequestLogEntry, SandboxDump } from '@flowline/sandbox';
import type { PlayedDelivery } from './play-day.js';
import type { RunTracker } from './run-tracker.js';

export interface ContactSummary {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly tags: readonly string[];
  readonly tasks: ReadonlyArray<{ readonly title: string; readonly completed: boolean; readonly dueDate: string; readonly assignedTo?: string }>;
  readonly notes: readonly string[];
  readonly appointments: ReadonlyArray<{ readonly title: string; readonly startTime: string; readonly status: string }>;
  readonly opportunity?: { readonly name: string; readonly status: string; readonly stage: string };
}

/** What the demo did, in numbers and in the final GHL state. */
export interface DemoSummary {
  readonly durationMs: number;
  readonly deliveries: {
    readonly sent: number;
    readonly accepted: number;
    readonly duplicates: number;
    readonly rejected: ReadonlyArray<{ readonly event: string; readonly status: number | null; readonly why: string }>;
  };
  readonly runs: {
    readonly succeeded: number;
    readonly failed: number;
    readonly byFlow: Readonly<Record<string, { readonly succeeded: number; readonly failed: number }>>;
    readonly failures: ReadonlyArray<{ readonly workflowId: string; readonly step?: string; readonly error?: string }>;
  };
  /** Records in GHL at the end (the sandbox starts empty), by kind. */
  readonly created: Readonly<Record<'contacts' | 'tasks' | 'notes' | 'appointments' | 'opportunities', number>>;
  /** Successful update requests, by kind. */
  readonly updated: Readonly<Record<'contacts' | 'tags' | 'tasks' | 'appointments' | 'opportunities', number>>;
  readonly ghl: {
    readonly requests: number;
    /** 429 answers the sandbox gave. */
    readonly rateLimited: number;
    /** The most requests the sandbox counted in one rate-limit window, against the limit. */
    readonly peakPerWindow: number;
    readonly limitPerWindow: number;
    readonly windowMs: number;
  };
  /** Step retries (engine `step.retrying` events). */
  readonly retries: number;
  /** 429s the GHL client waited out before resending. */
  readonly rateLimitWaits: number;
  /** 5xx answers the GHL client got and handled (resent, or found the effect). */
  readonly serverErrors: number;
  /** Every accepted delivery finished: its runs succeeded or failed, none left running. */
  readonly allTerminal: boolean;
  readonly contacts: readonly ContactSummary[];
}

const UPDATE_KINDS: Readonly<Record<string, keyof DemoSummary['updated']>> = {
  'update-contact': 'contacts',
  'add-tags': 'tags',
  'remove-tags': 'tags',
  'update-task': 'tasks',
  'update-task-completed': 'tasks',
  'edit-appointment': 'appointments',
  'update-opportunity': 'opportunities',
  'update-opportunity-status': 'opportunities',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The GHL connector ends created notes and tasks with a `[flowline:<hash>]` line (to find them after a lost answer); a person does not need it. */
const withoutMarker = (value: unknown): string => String(value).replace(/\n?\[flowline:[0-9a-f]{12}\]\s*$/, '');

function peak(requests: readonly RequestLogEntry[], windowMs: number): number {
  const times = requests.filter((r) => r.status !== 429).map((r) => Date.parse(r.at)).sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    while ((times[end] as number) - (times[start] as number) >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

function contactSummary(c: JsonObject, location: LocationDump): ContactSummary {
  const list = (key: string): JsonObject[] => (Array.isArray(c[key]) ? (c[key] as JsonObject[]) : []);
  const opportunity = location.opportunities.find((o) => o['contactId'] === c['id']);
  const email = text(c['email']);
  const phone = text(c['phone']);
  return {
    name: text(c['name']) ?? [text(c['firstName']), text(c['lastName'])].filter(Boolean).join(' '),
    ...(email === undefined ? {} : { email }),
    ...(phone === undefined ? {} : { phone }),
    tags: Array.isArray(c['tags']) ? c['tags'].map(String) : [],
    tasks: list('tasks').map((t) => ({
      title: String(t['title']),
      completed: t['completed'] === true,
      dueDate: String(t['dueDate']),
      ...(text(t['assignedTo']) === undefined ? {} : { assignedTo: String(t['assignedTo']) }),
    })),
    notes: list('notes').map((n) => withoutMarker(n['body'])),
    appointments: list('appointments').map((a) => ({ title: String(a['title']), startTime: String(a['startTime']), status: String(a['appointmentStatus']) })),
    ...(opportunity === undefined
      ? {}
      : {
          opportunity: {
            name: String(opportunity['name']),
            status: String(opportunity['status']),
            stage:
              String(
                (location.pipelines.find((p) => p['id'] === opportunity['pipelineId'])?.['stages'] as JsonObject[] | undefined)?.find(
                  (s) => s['id'] === opportunity['pipelineStageId'],
                )?.['name'] ?? opportunity['pipelineStageId'],
              ),
          },
        }),
  };
}

export interface SummarizeInput {
  readonly startedAt: number;
  readonly played: readonly PlayedDelivery[];
  readonly tracker: RunTracker;
  readonly dump: SandboxDump;
  readonly requests: readonly RequestLogEntry[];
  readonly locationId: string;
  readonly limitPerWindow: number;
  readonly windowMs: number;
  readonly pendingInbox: number;
}

export function summarize(input: SummarizeInput): DemoSummary {
  const location = input.dump.locations.find((l) => l.id === input.locationId);
  if (location === undefined) throw new Error(`The sandbox has no location ${input.locationId}`);
  const runs = input.tracker.all();
  const byFlow: Record<string, { succeeded: number; failed: number }> = {};
  for (const run of runs) {
    const flow = run.workflowId.split('.')[0] ?? run.workflowId;
    const entry = (byFlow[flow] ??= { succeeded: 0, failed: 0 });
    entry[run.status] += 1;
  }
  const updated = { contacts: 0, tags: 0, tasks: 0, appointments: 0, opportunities: 0 };
  for (const r of input.requests) {
    const kind = r.operationId === undefined ? undefined : UPDATE_KINDS[r.operationId];
    if (kind !== undefined && r.status !== null && r.status < 300) updated[kind] += 1;
  }
  const contacts = location.contacts as JsonObject[];
  const count = (key: string): number => contacts.reduce((n, c) => n + (Array.isArray(c[key]) ? c[key].length : 0), 0);
  const rejected = input.played
    .filter((p) => p.status !== 202 && p.status !== 200)
    .map((p) => ({ event: p.delivery.event, status: p.status, why: p.status === 401 ? 'bad signature' : p.status === null ? 'no answer' : `HTTP ${p.status}` }));
  return {
    durationMs: Date.now() - input.startedAt,
    deliveries: {
      sent: input.played.length,
      accepted: input.played.filter((p) => p.status === 202).length,
      duplicates: input.played.filter((p) => p.status === 200).length,
      rejected,
    },
    runs: {
      succeeded: runs.filter((r) => r.status === 'succeeded').length,
      failed: runs.filter((r) => r.status === 'failed').length,
      byFlow,
      failures: runs
        .filter((r) => r.status === 'failed')
        .map((r) => ({ workflowId: r.workflowId, ...(r.failedStep === undefined ? {} : { step: r.failedStep }), ...(r.error === undefined ? {} : { error: r.error }) })),
    },
    created: {
      contacts: contacts.length,
      tasks: count('tasks'),
      notes: count('notes'),
      appointments: count('appointments'),
      opportunities: location.opportunities.length,
    },
    updated,
    ghl: {
      requests: input.dump.requests.total,
      rateLimited: input.dump.requests.rateLimited,
      peakPerWindow: peak(input.requests, input.windowMs),
      limitPerWindow: input.limitPerWindow,
      windowMs: input.windowMs,
    },
    retries: input.tracker.retries,
    rateLimitWaits: input.tracker.rateLimitWaits,
    serverErrors: input.tracker.serverErrors,
    allTerminal: input.pendingInbox === 0 && input.played.every((p) => p.status !== null),
    contacts: contacts.map((c) => contactSummary(c, location)).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
