import type { DuplicateField } from './records.js';

/** What a location starts with. Every list has a default so a bare `{ id }` is a usable location. */
export interface LocationSeed {
  id: string;
  companyId?: string;
  name?: string;
  allowDuplicateContact?: boolean;
  duplicateSearchOrder?: DuplicateField[];
  users?: UserSeed[];
  calendars?: CalendarSeed[];
  pipelines?: PipelineSeed[];
  contacts?: ContactSeed[];
}

export interface UserSeed {
  id?: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  role?: string;
}

export interface CalendarSeed {
  id?: string;
  name: string;
  slotDurationMinutes?: number;
}

export interface PipelineSeed {
  id?: string;
  name: string;
  stages: { id?: string; name: string }[];
}

export interface ContactSeed {
  id?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  tags?: string[];
  businessId?: string;
}

export const DEFAULT_LOCATION_ID = 'loc_sandbox_1';
export const DEFAULT_COMPANY_ID = 'cmp_sandbox';

export const DEFAULT_USERS: readonly UserSeed[] = [
  { id: 'usr_coach_1', firstName: 'Casey', lastName: 'Coach', email: 'casey.coach@example.com', role: 'admin' },
  { id: 'usr_front_1', firstName: 'Frankie', lastName: 'Desk', email: 'frankie.desk@example.com', role: 'user' },
];

export const DEFAULT_CALENDARS: readonly CalendarSeed[] = [
  { id: 'cal_intro_1', name: 'Intro session', slotDurationMinutes: 30 },
];

export const DEFAULT_PIPELINES: readonly PipelineSeed[] = [
  {
    id: 'pip_membership_1',
    name: 'Membership',
    stages: [
      { id: 'stg_lead', name: 'Lead' },
      { id: 'stg_trial', name: 'Trial booked' },
      { id: 'stg_member', name: 'Member' },
      { id: 'stg_cancelled', name: 'Cancelled' },
    ],
  },
];
