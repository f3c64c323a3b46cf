import type { DuplicateField, OpenHour, ResourceType } from './records.js';

/** What a location starts with. Every list has a default (a gym) so a bare `{ id }` is a usable location. */
export interface LocationSeed {
  id: string;
  companyId?: string;
  name?: string;
  /** The location's address, as `GET /oauth/installedLocations` reports it. Default empty. */
  address?: string;
  /**
   * The location's IANA time zone. GHL's CalendarDTO has no time zone of its own: a calendar's open
   * hours are read in its location's zone. Default `America/Chicago`.
   */
  timezone?: string;
  allowDuplicateContact?: boolean;
  duplicateSearchOrder?: DuplicateField[];
  users?: UserSeed[];
  calendarGroups?: CalendarGroupSeed[];
  calendars?: CalendarSeed[];
  calendarResources?: CalendarResourceSeed[];
  pipelines?: PipelineSeed[];
  lostReasons?: NamedSeed[];
  customFields?: CustomFieldSeed[];
  /** The location's tags (`GET /locations/{locationId}/tags`); contacts' tags are added to them. */
  tags?: NamedSeed[];
  campaigns?: NamedSeed[];
  workflows?: NamedSeed[];
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

export interface CalendarGroupSeed {
  id?: string;
  name: string;
  slug: string;
  description?: string;
}

export interface CalendarSeed {
  id?: string;
  name: string;
  /** GHL's calendarType; default `round_robin`. */
  calendarType?: 'round_robin' | 'event' | 'class_booking' | 'collective' | 'service_booking' | 'personal';
  slotDurationMinutes?: number;
  /** Minutes between slot starts; default the slot duration. */
  slotIntervalMinutes?: number;
  /** Bookings per slot per user; seats per class on a class_booking calendar. Default 1. */
  appointmentsPerSlot?: number;
  /** The standard week, in the location's time zone. Default Monday to Friday 9:00 to 17:00. */
  openHours?: OpenHour[];
  /** Team members by user id; default the location's first user. */
  teamMemberIds?: string[];
  groupId?: string;
  slug?: string;
  description?: string;
}

export interface CalendarResourceSeed {
  id?: string;
  resourceType: ResourceType;
  name: string;
  description?: string;
  quantity?: number;
  capacity?: number;
  calendarIds?: string[];
}

export interface PipelineSeed {
  id?: string;
  name: string;
  stages: { id?: string; name: string }[];
}

export interface CustomFieldSeed {
  id?: string;
  name: string;
  /** GHL's dataType, e.g. TEXT, LARGE_TEXT, NUMERICAL, SINGLE_OPTIONS, DATE, FILE_UPLOAD. */
  dataType: string;
  model?: 'contact' | 'opportunity';
  placeholder?: string;
  picklistOptions?: string[];
}

export interface NamedSeed {
  id?: string;
  name: string;
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
export const DEFAULT_TIMEZONE = 'America/Chicago';

export const DEFAULT_USERS: readonly UserSeed[] = [
  { id: 'usr_coach_1', firstName: 'Casey', lastName: 'Coach', email: 'casey.coach@example.com', role: 'admin' },
  { id: 'usr_front_1', firstName: 'Frankie', lastName: 'Desk', email: 'frankie.desk@example.com', role: 'user' },
  { id: 'usr_trainer_1', firstName: 'Robin', lastName: 'Reyes', email: 'robin.reyes@example.com', role: 'user' },
];

const weekdays = (from: [number, number], to: [number, number], days = [1, 2, 3, 4, 5]): OpenHour => ({
  daysOfTheWeek: days,
  hours: [{ openHour: from[0], openMinute: from[1], closeHour: to[0], closeMinute: to[1] }],
});

export const DEFAULT_CALENDAR_GROUPS: readonly CalendarGroupSeed[] = [
  { id: 'grp_training_1', name: 'Training', slug: 'training', description: 'Classes and personal training' },
];

export const DEFAULT_CALENDARS: readonly CalendarSeed[] = [
  { id: 'cal_intro_1', name: 'Intro session', slotDurationMinutes: 30, slug: 'intro-session' },
  {
    id: 'cal_classes_1',
    name: 'Group classes',
    calendarType: 'class_booking',
    slotDurationMinutes: 60,
    appointmentsPerSlot: 12,
    // Early and evening classes on weekdays, one on Saturday morning.
    openHours: [weekdays([6, 0], [7, 0]), weekdays([17, 30], [19, 30]), weekdays([9, 0], [10, 0], [6])],
    teamMemberIds: ['usr_coach_1'],
    groupId: 'grp_training_1',
    slug: 'group-classes',
  },
  {
    id: 'cal_pt_1',
    name: 'Personal training',
    slotDurationMinutes: 60,
    openHours: [weekdays([7, 0], [19, 0]), weekdays([8, 0], [12, 0], [6])],
    teamMemberIds: ['usr_coach_1', 'usr_trainer_1'],
    groupId: 'grp_training_1',
    slug: 'personal-training',
  },
];

export const DEFAULT_CALENDAR_RESOURCES: readonly CalendarResourceSeed[] = [
  { id: 'res_studio_1', resourceType: 'rooms', name: 'Studio A', description: 'The class studio', capacity: 12, calendarIds: ['cal_classes_1'] },
  { id: 'res_racks_1', resourceType: 'equipments', name: 'Squat racks', description: 'Racks for personal training', quantity: 4, calendarIds: ['cal_pt_1'] },
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
  {
    id: 'pip_pt_1',
    name: 'Personal training',
    stages: [
      { id: 'stg_pt_enquiry', name: 'Enquiry' },
      { id: 'stg_pt_session', name: 'Taster session' },
      { id: 'stg_pt_package', name: 'Package bought' },
    ],
  },
];

export const DEFAULT_LOST_REASONS: readonly NamedSeed[] = [
  { id: 'lr_price_1', name: 'Price' },
  { id: 'lr_moved_1', name: 'Moved away' },
  { id: 'lr_schedule_1', name: 'Class times do not fit' },
];

export const DEFAULT_CUSTOM_FIELDS: readonly CustomFieldSeed[] = [
  { id: 'cf_member_id_1', name: 'PushPress member ID', dataType: 'TEXT', placeholder: 'usr_...' },
  { id: 'cf_plan_1', name: 'Membership plan', dataType: 'SINGLE_OPTIONS', picklistOptions: ['Unlimited', '3x week', 'Class pack', 'Personal training'] },
  { id: 'cf_goal_1', name: 'Fitness goal', dataType: 'LARGE_TEXT' },
  { id: 'cf_waiver_1', name: 'Signed waiver', dataType: 'FILE_UPLOAD' },
  { id: 'cf_sessions_1', name: 'Sessions in package', dataType: 'NUMERICAL', model: 'opportunity' },
];

/** A gym's tags. None is named like the tags tests create (trial, member, vip, lead, next). */
export const DEFAULT_TAGS: readonly NamedSeed[] = [
  { id: 'tag_active_member_1', name: 'active-member' },
  { id: 'tag_free_trial_1', name: 'free-trial-booked' },
  { id: 'tag_lapsed_1', name: 'lapsed' },
  { id: 'tag_pt_client_1', name: 'pt-client' },
];

export const DEFAULT_CAMPAIGNS: readonly NamedSeed[] = [{ id: 'cmpgn_trial_1', name: 'Free trial follow-up' }];

export const DEFAULT_WORKFLOWS: readonly NamedSeed[] = [
  { id: 'wf_welcome_1', name: 'New member welcome' },
  { id: 'wf_winback_1', name: 'Lapsed member win-back' },
];
