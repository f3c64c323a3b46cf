import { cloneJson, type JsonObject } from '../../shared/json.js';
import type { Fault } from '../faults/fault-registry.js';
import type { LocationSettings } from '../state/records.js';
import type { LocationState, SandboxStore } from '../state/store.js';
import type { RequestStats } from './request-log.js';

export interface LocationDump {
  readonly id: string;
  readonly companyId: string;
  readonly name: string;
  readonly settings: LocationSettings;
  /** Each contact with its tasks, notes and appointments. */
  readonly contacts: JsonObject[];
  readonly opportunities: JsonObject[];
  readonly tags: JsonObject[];
  readonly customFields: JsonObject[];
  readonly users: JsonObject[];
  readonly calendars: JsonObject[];
  readonly pipelines: JsonObject[];
}

/** A plain-JSON picture of the sandbox: what `GET /__sandbox/state` and `sandbox.dump()` return. */
export interface SandboxDump {
  readonly locations: LocationDump[];
  readonly requests: RequestStats;
  readonly faults: Fault[];
  readonly faultsTriggered: number;
}

const values = <T extends JsonObject>(m: Map<string, T>): JsonObject[] => [...m.values()].map((v) => cloneJson(v));

function dumpLocation(l: LocationState): LocationDump {
  return {
    id: l.id,
    companyId: l.companyId,
    name: l.name,
    settings: cloneJson(l.settings),
    contacts: [...l.contacts.values()].map((c) => ({
      ...cloneJson(c),
      tasks: [...l.tasks.values()].filter((t) => t.contactId === c.id).map((t) => cloneJson(t)),
      notes: [...l.notes.values()].filter((n) => n.contactId === c.id).map((n) => cloneJson(n)),
      appointments: [...l.appointments.values()].filter((a) => a.contactId === c.id).map((a) => cloneJson(a)),
    })),
    opportunities: values(l.opportunities),
    tags: values(l.tags),
    customFields: values(l.customFields),
    users: values(l.users),
    calendars: values(l.calendars),
    pipelines: values(l.pipelines),
  };
}

export function dumpState(store: SandboxStore, requests: RequestStats, faults: Fault[], faultsTriggered: number): SandboxDump {
  return { locations: [...store.locations.values()].map(dumpLocation), requests, faults, faultsTriggered };
}
