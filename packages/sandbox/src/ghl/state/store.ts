import { createPrng, type Prng } from '../../shared/prng.js';
import type {
  AppointmentRecord,
  CalendarRecord,
  ContactRecord,
  CustomFieldRecord,
  LocationSettings,
  LocationTagRecord,
  NoteRecord,
  OpportunityRecord,
  PipelineRecord,
  TaskRecord,
  UserRecord,
} from './records.js';
import {
  DEFAULT_CALENDARS,
  DEFAULT_COMPANY_ID,
  DEFAULT_PIPELINES,
  DEFAULT_USERS,
  type LocationSeed,
} from './seeds.js';

/** Everything one GHL location (sub-account) holds. Maps are keyed by id and keep insertion order. */
export interface LocationState {
  readonly id: string;
  readonly companyId: string;
  readonly name: string;
  settings: LocationSettings;
  readonly contacts: Map<string, ContactRecord>;
  readonly tasks: Map<string, TaskRecord>;
  readonly notes: Map<string, NoteRecord>;
  readonly appointments: Map<string, AppointmentRecord>;
  readonly opportunities: Map<string, OpportunityRecord>;
  readonly tags: Map<string, LocationTagRecord>;
  readonly customFields: Map<string, CustomFieldRecord>;
  readonly users: Map<string, UserRecord>;
  readonly calendars: Map<string, CalendarRecord>;
  readonly pipelines: Map<string, PipelineRecord>;
}

/**
 * The sandbox's data: locations built from seeds, and an id generator. `reset()` rebuilds
 * everything from the seeds (and restarts the id sequence) so a reset sandbox is a fresh one.
 */
export class SandboxStore {
  readonly locations = new Map<string, LocationState>();
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

  timestamp(): string {
    return new Date(this.now()).toISOString();
  }

  location(id: string): LocationState | undefined {
    return this.locations.get(id);
  }

  reset(): void {
    this.locations.clear();
    this.prng = createPrng(this.seed);
    this.populate();
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
    for (const seed of this.seeds) this.locations.set(seed.id, this.buildLocation(seed));
  }

  private buildLocation(seed: LocationSeed): LocationState {
    const location: LocationState = {
      id: seed.id,
      companyId: seed.companyId ?? DEFAULT_COMPANY_ID,
      name: seed.name ?? `Sandbox location ${seed.id}`,
      settings: {
        allowDuplicateContact: seed.allowDuplicateContact ?? false,
        duplicateSearchOrder: [...(seed.duplicateSearchOrder ?? ['email', 'phone'])],
      },
      contacts: new Map(),
      tasks: new Map(),
      notes: new Map(),
      appointments: new Map(),
      opportunities: new Map(),
      tags: new Map(),
      customFields: new Map(),
      users: new Map(),
      calendars: new Map(),
      pipelines: new Map(),
    };
    for (const u of seed.users ?? DEFAULT_USERS) {
      const user: UserRecord = {
        id: u.id ?? this.newId(),
        name: `${u.firstName} ${u.lastName}`,
        firstName: u.firstName,
        lastName: u.lastName,
        email: u.email,
        ...(u.phone === undefined ? {} : { phone: u.phone }),
        roles: { type: 'account', role: u.role ?? 'user', locationIds: [location.id] },
        deleted: false,
      };
      location.users.set(user.id, user);
    }
    const firstUser = [...location.users.values()][0];
    for (const c of seed.calendars ?? DEFAULT_CALENDARS) {
      const calendar: CalendarRecord = {
        id: c.id ?? this.newId(),
        locationId: location.id,
        name: c.name,
        calendarType: 'round_robin',
        isActive: true,
        slotDuration: c.slotDurationMinutes ?? 30,
        teamMembers: firstUser === undefined ? [] : [{ userId: firstUser.id, priority: 0.5, isPrimary: true }],
      };
      location.calendars.set(calendar.id, calendar);
    }
    for (const p of seed.pipelines ?? DEFAULT_PIPELINES) {
      const pipeline: PipelineRecord = {
        id: p.id ?? this.newId(),
        locationId: location.id,
        name: p.name,
        stages: p.stages.map((s, position) => ({ id: s.id ?? this.newId(), name: s.name, position })),
      };
      location.pipelines.set(pipeline.id, pipeline);
    }
    for (const c of seed.contacts ?? []) {
      const at = this.timestamp();
      const contact: ContactRecord = {
        id: c.id ?? this.newId(),
        locationId: location.id,
        ...(c.firstName === undefined ? {} : { firstName: c.firstName }),
        ...(c.lastName === undefined ? {} : { lastName: c.lastName }),
        name: [c.firstName, c.lastName].filter((x) => x !== undefined).join(' '),
        ...(c.email === undefined ? {} : { email: c.email.toLowerCase() }),
        ...(c.phone === undefined ? {} : { phone: c.phone }),
        ...(c.businessId === undefined ? {} : { businessId: c.businessId }),
        tags: [...(c.tags ?? [])],
        customFields: [],
        dateAdded: at,
        dateUpdated: at,
      };
      location.contacts.set(contact.id, contact);
      this.ensureTags(location, contact.tags);
    }
    return location;
  }
}
