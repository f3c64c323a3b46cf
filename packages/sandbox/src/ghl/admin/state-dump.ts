import { cloneJson, type JsonObject } from '../../shared/json.js';
import type { Fault } from '../faults/fault-registry.js';
import type { LocationSettings } from '../state/records.js';
import type { LocationState, SandboxStore } from '../state/store.js';
import type { RequestStats } from './request-log.js';

export interface LocationDump {
  readonly id: string;
  readonly companyId: string;
  readonly name: string;
  readonly timezone: string;
  readonly settings: LocationSettings;
  /**
   * Each contact with its tasks, notes, appointments (each with its notes), and the ids of the
   * campaigns and workflows it is in (`{ id, eventStartTime?, dateAdded }`).
   */
  readonly contacts: JsonObject[];
  readonly opportunities: JsonObject[];
  readonly lostReasons: JsonObject[];
  readonly tags: JsonObject[];
  readonly customFields: JsonObject[];
  /** Files uploaded for custom fields (their bytes at `GET /__sandbox/files/{id}`). */
  readonly files: JsonObject[];
  readonly users: JsonObject[];
  readonly calendars: JsonObject[];
  readonly calendarGroups: JsonObject[];
  readonly calendarResources: JsonObject[];
  /** Per calendar; deleted ones stay, marked `deleted`. */
  readonly calendarNotifications: JsonObject[];
  /** Users' availability schedules; deleted ones stay, marked `deleted`. */
  readonly schedules: JsonObject[];
  readonly blockedSlots: JsonObject[];
  readonly pipelines: JsonObject[];
  readonly campaigns: JsonObject[];
  readonly workflows: JsonObject[];
}

/** A plain-JSON picture of the sandbox: what `GET /__sandbox/state` and `sandbox.dump()` return. */
export interface SandboxDump {
  readonly locations: LocationDump[];
  readonly requests: RequestStats;
  readonly faults: Fault[];
  readonly faultsTriggered: number;
}

const values = <T extends JsonObject>(m: Map<string, T>): JsonObject[] => [...m.values()].map((v) => cloneJson(v));

function enrolments(l: LocationState, contactId: string, kind: 'campaign' | 'workflow'): JsonObject[] {
  return [...l.enrollments.values()]
    .filter((e) => e.contactId === contactId && e.kind === kind)
    .map((e) => ({ id: e.targetId, ...(e.eventStartTime === undefined ? {} : { eventStartTime: e.eventStartTime }), dateAdded: e.dateAdded }));
}

function dumpLocation(l: LocationState): LocationDump {
  return {
    id: l.id,
    companyId: l.companyId,
    name: l.name,
    timezone: l.timezone,
    settings: cloneJson(l.settings),
    contacts: [...l.contacts.values()].map((c) => ({
      ...cloneJson(c),
      tasks: [...l.tasks.values()].filter((t) => t.contactId === c.id).map((t) => cloneJson(t)),
      notes: [...l.notes.values()].filter((n) => n.contactId === c.id).map((n) => cloneJson(n)),
      appointments: [...l.appointments.values()]
        .filter((a) => a.contactId === c.id)
        .map((a) => ({ ...cloneJson(a), notes: [...l.appointmentNotes.values()].filter((n) => n.appointmentId === a.id).map((n) => cloneJson(n)) })),
      campaigns: enrolments(l, c.id, 'campaign'),
      workflows: enrolments(l, c.id, 'workflow'),
    })),
    opportunities: values(l.opportunities),
    lostReasons: values(l.lostReasons),
    tags: values(l.tags),
    customFields: values(l.customFields),
    files: values(l.files),
    users: values(l.users),
    calendars: values(l.calendars),
    calendarGroups: values(l.calendarGroups),
    calendarResources: values(l.calendarResources),
    calendarNotifications: values(l.calendarNotifications),
    schedules: values(l.schedules),
    blockedSlots: values(l.blockedSlots),
    pipelines: values(l.pipelines),
    campaigns: values(l.campaigns),
    workflows: values(l.workflows),
  };
}

export function dumpState(store: SandboxStore, requests: RequestStats, faults: Fault[], faultsTriggered: number): SandboxDump {
  return { locations: [...store.locations.values()].map(dumpLocation), requests, faults, faultsTriggered };
}
