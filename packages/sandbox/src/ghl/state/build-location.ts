import type { CalendarRecord, ContactRecord, OpenHour, UserRecord } from './records.js';
import {
  DEFAULT_CALENDAR_GROUPS,
  DEFAULT_CALENDAR_RESOURCES,
  DEFAULT_CALENDARS,
  DEFAULT_CAMPAIGNS,
  DEFAULT_COMPANY_ID,
  DEFAULT_CUSTOM_FIELDS,
  DEFAULT_LOST_REASONS,
  DEFAULT_PIPELINES,
  DEFAULT_TAGS,
  DEFAULT_TIMEZONE,
  DEFAULT_USERS,
  DEFAULT_WORKFLOWS,
  type LocationSeed,
} from './seeds.js';
import type { LocationState } from './store.js';

export interface BuildTools {
  newId(): string;
  timestamp(): string;
  ensureTags(location: LocationState, names: readonly string[]): void;
}

/** Monday to Friday, 9:00 to 17:00: a calendar's open hours when its seed gives none. */
export const DEFAULT_OPEN_HOURS: readonly OpenHour[] = [
  { daysOfTheWeek: [1, 2, 3, 4, 5], hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }] },
];

/** `contact.preferred_class_time` from "Preferred class time", the way GHL derives field keys. */
export function fieldKey(model: string, name: string): string {
  const slug = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return `${model}.${slug}`;
}

function emptyLocation(seed: LocationSeed): LocationState {
  return {
    id: seed.id,
    companyId: seed.companyId ?? DEFAULT_COMPANY_ID,
    name: seed.name ?? `Sandbox location ${seed.id}`,
    address: seed.address ?? '',
    timezone: seed.timezone ?? DEFAULT_TIMEZONE,
    settings: {
      allowDuplicateContact: seed.allowDuplicateContact ?? false,
      duplicateSearchOrder: [...(seed.duplicateSearchOrder ?? ['email', 'phone'])],
    },
    contacts: new Map(),
    tasks: new Map(),
    notes: new Map(),
    appointments: new Map(),
    appointmentNotes: new Map(),
    opportunities: new Map(),
    lostReasons: new Map(),
    tags: new Map(),
    customFields: new Map(),
    files: new Map(),
    users: new Map(),
    calendars: new Map(),
    calendarGroups: new Map(),
    calendarResources: new Map(),
    calendarNotifications: new Map(),
    schedules: new Map(),
    blockedSlots: new Map(),
    pipelines: new Map(),
    campaigns: new Map(),
    workflows: new Map(),
    enrollments: new Map(),
  };
}

/** A location as its seed describes it; lists the seed leaves out get the gym defaults. */
export function buildLocation(seed: LocationSeed, tools: BuildTools): LocationState {
  const location = emptyLocation(seed);
  const at = tools.timestamp();
  for (const u of seed.users ?? DEFAULT_USERS) {
    const user: UserRecord = {
      id: u.id ?? tools.newId(),
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
  const firstUser = [...location.users.keys()][0];
  for (const g of seed.calendarGroups ?? DEFAULT_CALENDAR_GROUPS) {
    const id = g.id ?? tools.newId();
    location.calendarGroups.set(id, { id, locationId: location.id, name: g.name, description: g.description ?? '', slug: g.slug, isActive: true });
  }
  for (const c of seed.calendars ?? DEFAULT_CALENDARS) {
    const members = (c.teamMemberIds ?? (firstUser === undefined ? [] : [firstUser])).filter((id) => location.users.has(id));
    const duration = c.slotDurationMinutes ?? 30;
    const calendar: CalendarRecord = {
      id: c.id ?? tools.newId(),
      locationId: location.id,
      name: c.name,
      ...(c.description === undefined ? {} : { description: c.description }),
      ...(c.slug === undefined ? {} : { slug: c.slug, widgetSlug: c.slug }),
      ...(c.groupId === undefined || !location.calendarGroups.has(c.groupId) ? {} : { groupId: c.groupId }),
      calendarType: c.calendarType ?? 'round_robin',
      isActive: true,
      slotDuration: duration,
      slotDurationUnit: 'mins',
      slotInterval: c.slotIntervalMinutes ?? duration,
      slotIntervalUnit: 'mins',
      appoinmentPerSlot: c.appointmentsPerSlot ?? 1,
      teamMembers: members.map((userId, i) => ({ userId, priority: 0.5, isPrimary: i === 0 })),
      openHours: structuredClone([...(c.openHours ?? DEFAULT_OPEN_HOURS)]),
    };
    location.calendars.set(calendar.id, calendar);
  }
  for (const r of seed.calendarResources ?? DEFAULT_CALENDAR_RESOURCES) {
    const id = r.id ?? tools.newId();
    location.calendarResources.set(id, {
      id,
      locationId: location.id,
      resourceType: r.resourceType,
      name: r.name,
      description: r.description ?? '',
      quantity: r.quantity ?? 1,
      outOfService: 0,
      capacity: r.capacity ?? 1,
      calendarIds: (r.calendarIds ?? []).filter((calendarId) => location.calendars.has(calendarId)),
      isActive: true,
    });
  }
  for (const p of seed.pipelines ?? DEFAULT_PIPELINES) {
    const id = p.id ?? tools.newId();
    location.pipelines.set(id, { id, locationId: location.id, name: p.name, stages: p.stages.map((s, position) => ({ id: s.id ?? tools.newId(), name: s.name, position })) });
  }
  for (const r of seed.lostReasons ?? DEFAULT_LOST_REASONS) {
    const id = r.id ?? tools.newId();
    location.lostReasons.set(id, { id, locationId: location.id, name: r.name, deleted: false, createdAt: at, updatedAt: at });
  }
  for (const [position, f] of (seed.customFields ?? DEFAULT_CUSTOM_FIELDS).entries()) {
    const id = f.id ?? tools.newId();
    const model = f.model ?? 'contact';
    location.customFields.set(id, {
      id,
      locationId: location.id,
      name: f.name,
      fieldKey: fieldKey(model, f.name),
      dataType: f.dataType,
      model,
      position,
      ...(f.placeholder === undefined ? {} : { placeholder: f.placeholder }),
      ...(f.picklistOptions === undefined ? {} : { picklistOptions: [...f.picklistOptions] }),
    });
  }
  for (const t of seed.tags ?? DEFAULT_TAGS) {
    const id = t.id ?? tools.newId();
    location.tags.set(id, { id, locationId: location.id, name: t.name });
  }
  for (const [list, map] of [
    [seed.campaigns ?? DEFAULT_CAMPAIGNS, location.campaigns],
    [seed.workflows ?? DEFAULT_WORKFLOWS, location.workflows],
  ] as const) {
    for (const a of list) {
      const id = a.id ?? tools.newId();
      map.set(id, { id, locationId: location.id, name: a.name, status: 'published' });
    }
  }
  for (const c of seed.contacts ?? []) {
    const contact: ContactRecord = {
      id: c.id ?? tools.newId(),
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
    tools.ensureTags(location, contact.tags);
  }
  return location;
}
