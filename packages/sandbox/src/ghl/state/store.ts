import { createPrng, type Prng } from '../../shared/prng.js';
import type {
  AppointmentNoteRecord,
  AppointmentRecord,
  AutomationRecord,
  BlockedSlotRecord,
  CalendarGroupRecord,
  CalendarNotificationRecord,
  CalendarRecord,
  CalendarResourceRecord,
  ContactRecord,
  CustomFieldRecord,
  EnrollmentRecord,
  LocationSettings,
  LocationTagRecord,
  LostReasonRecord,
  NoteRecord,
  OpportunityRecord,
  PipelineRecord,
  ScheduleRecord,
  TaskRecord,
  UploadedFileRecord,
  UserRecord,
} from './records.js';
import { buildLocation } from './build-location.js';
import type { LocationSeed } from './seeds.js';

/** Everything one GHL location (sub-account) holds. Maps are keyed by id and keep insertion order. */
export interface LocationState {
  readonly id: string;
  readonly companyId: string;
  readonly name: string;
  readonly address: string;
  /** IANA zone the location's calendars keep their open hours in. */
  readonly timezone: string;
  settings: LocationSettings;
  readonly contacts: Map<string, ContactRecord>;
  readonly tasks: Map<string, TaskRecord>;
  readonly notes: Map<string, NoteRecord>;
  readonly appointments: Map<string, AppointmentRecord>;
  readonly appointmentNotes: Map<string, AppointmentNoteRecord>;
  readonly opportunities: Map<string, OpportunityRecord>;
  readonly lostReasons: Map<string, LostReasonRecord>;
  readonly tags: Map<string, LocationTagRecord>;
  readonly customFields: Map<string, CustomFieldRecord>;
  readonly files: Map<string, UploadedFileRecord>;
  readonly users: Map<string, UserRecord>;
  readonly calendars: Map<string, CalendarRecord>;
  readonly calendarGroups: Map<string, CalendarGroupRecord>;
  readonly calendarResources: Map<string, CalendarResourceRecord>;
  readonly calendarNotifications: Map<string, CalendarNotificationRecord>;
  readonly schedules: Map<string, ScheduleRecord>;
  readonly blockedSlots: Map<string, BlockedSlotRecord>;
  readonly pipelines: Map<string, PipelineRecord>;
  readonly campaigns: Map<string, AutomationRecord>;
  readonly workflows: Map<string, AutomationRecord>;
  /** Contacts in campaigns and workflows. */
  readonly enrollments: Map<string, EnrollmentRecord>;
}

/** The members of a LocationState that hold records. */
export type RecordMapName = {
  [K in keyof LocationState]: LocationState[K] extends Map<string, infer _R> ? K : never;
}[keyof LocationState];

/** A copy of one location's records and the id generator's position, taken before a write. */
export interface LocationSnapshot {
  readonly locationId: string;
  readonly settings: LocationSettings;
  readonly maps: ReadonlyMap<RecordMapName, readonly [string, unknown][]>;
  readonly prng: number;
}

const isRecordMap = (value: unknown): value is Map<string, object> => value instanceof Map;

/**
 * The sandbox's data: locations built from seeds, and an id generator. `reset()` rebuilds
 * everything from the seeds (and restarts the id sequence) so a reset sandbox is a fresh one.
 */
export class SandboxStore {
  readonly locations = new Map<string, LocationState>();
  /** Bytes of uploaded files by file id (their records live in each location's `files`). */
  readonly blobs = new Map<string, Buffer>();
  private prng: Prng;

  constructor(
    private readonly seeds: readonly LocationSeed[],
    private readonly seed: number,
    private readonly now: () => number,
  ) {
    this.prng = createPrng(seed);
    this.populate();
  }

  /** A new GHL-style id (20 characters of [A-Za-z0-9]). */
  newId(): string {
    return this.prng.id(20);
  }

  /** The sandbox clock, in ms since the epoch. */
  nowMs(): number {
    return this.now();
  }

  timestamp(): string {
    return new Date(this.now()).toISOString();
  }

  location(id: string): LocationState | undefined {
    return this.locations.get(id);
  }

  reset(): void {
    this.locations.clear();
    this.blobs.clear();
    this.prng = createPrng(this.seed);
    this.populate();
  }

  /** Copies a location's records (deeply) so `restore` can undo a request that was refused half way. */
  snapshot(location: LocationState): LocationSnapshot {
    const maps = new Map<RecordMapName, [string, unknown][]>();
    for (const [name, value] of Object.entries(location) as [RecordMapName, unknown][]) {
      if (isRecordMap(value)) maps.set(name, structuredClone([...value.entries()]));
    }
    return { locationId: location.id, settings: structuredClone(location.settings), maps, prng: this.prng.save() };
  }

  /** Puts a location back as `snapshot` found it, keeping the same Map objects. */
  restore(location: LocationState, snapshot: LocationSnapshot): void {
    if (snapshot.locationId !== location.id) throw new Error(`Snapshot of ${snapshot.locationId} cannot restore ${location.id}`);
    for (const [name, entries] of snapshot.maps) {
      const map = location[name] as Map<string, unknown>;
      map.clear();
      for (const [id, record] of entries) map.set(id, record);
    }
    location.settings = snapshot.settings;
    this.prng.restore(snapshot.prng);
  }

  /** Finds the location a tag name belongs to and creates the tag when it is new (GHL does so for contact tags). */
  ensureTags(location: LocationState, names: readonly string[]): void {
    const known = new Set([...location.tags.values()].map((t) => t.name.toLowerCase()));
    for (const name of names) {
      if (known.has(name.toLowerCase())) continue;
      const tag: LocationTagRecord = { id: this.newId(), locationId: location.id, name };
      location.tags.set(tag.id, tag);
      known.add(name.toLowerCase());
    }
  }

  private populate(): void {
    for (const seed of this.seeds) {
      this.locations.set(seed.id, buildLocation(seed, { newId: () => this.newId(), timestamp: () => this.timestamp(), ensureTags: (l, t) => this.ensureTags(l, t) }));
    }
  }
}
