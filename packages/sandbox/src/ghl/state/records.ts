import type { JsonObject, JsonValue } from '../../shared/json.js';

/** Fields a GoHighLevel contact can hold: the ones the sandbox reasons about, plus any other documented field. */
export interface ContactRecord extends JsonObject {
  id: string;
  locationId: string;
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  businessId?: string;
  tags: string[];
  /** User ids following the contact (POST/DELETE /contacts/{contactId}/followers). */
  followers?: string[];
  customFields: JsonValue[];
  dateAdded: string;
  dateUpdated: string;
}

export interface TaskRecord extends JsonObject {
  id: string;
  contactId: string;
  title: string;
  body?: string;
  dueDate: string;
  completed: boolean;
  assignedTo?: string;
}

export interface NoteRecord extends JsonObject {
  id: string;
  contactId: string;
  body: string;
  userId?: string;
  title?: string;
  color?: string;
  pinned?: boolean;
  dateAdded: string;
}

export type AppointmentStatus = 'new' | 'confirmed' | 'cancelled' | 'showed' | 'noshow' | 'invalid';

export interface AppointmentRecord extends JsonObject {
  id: string;
  calendarId: string;
  locationId: string;
  contactId: string;
  title: string;
  startTime: string;
  endTime: string;
  appointmentStatus: AppointmentStatus;
  assignedUserId: string;
  address?: string;
  meetingLocationType?: string;
  rrule?: string;
  dateAdded: string;
  dateUpdated: string;
}

export type OpportunityStatus = 'open' | 'won' | 'lost' | 'abandoned' | 'all';

export interface OpportunityRecord extends JsonObject {
  id: string;
  locationId: string;
  name: string;
  pipelineId: string;
  pipelineStageId: string;
  status: OpportunityStatus;
  contactId?: string;
  monetaryValue?: number;
  assignedTo?: string;
  lostReasonId?: string;
  customFields: JsonValue[];
  followers: string[];
  source?: string;
  createdAt: string;
  updatedAt: string;
  lastStatusChangeAt: string;
  lastStageChangeAt: string;
}

export interface LocationTagRecord extends JsonObject {
  id: string;
  locationId: string;
  name: string;
}

export interface CustomFieldRecord extends JsonObject {
  id: string;
  locationId: string;
  name: string;
  fieldKey: string;
  dataType: string;
  model: 'contact' | 'opportunity';
  position: number;
  placeholder?: string;
  picklistOptions?: string[];
  isMultiFileAllowed?: boolean;
  maxFileLimit?: number;
}

export interface UserRecord extends JsonObject {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  roles: { type: string; role: string; locationIds: string[]; restrictSubAccount?: boolean };
  permissions?: JsonObject;
  /** What CreateUserDto took; kept, but left out of answers (UserSchema types `scopes` as one string). */
  scopes?: string[];
  scopesAssignedToOnly?: string[];
  profilePhoto?: string;
  platformLanguage?: string;
  deleted: boolean;
}

/** One opening of a calendar's standard week (OpenHour in calendars.json), in the calendar's time zone. */
export interface OpenHour extends JsonObject {
  /** 0 = Sunday ... 6 = Saturday. */
  daysOfTheWeek: number[];
  hours: { openHour: number; openMinute: number; closeHour: number; closeMinute: number }[];
}

/** CalendarDTO: the members the sandbox reasons about; the rest of CalendarCreateDTO is kept as sent. */
export interface CalendarRecord extends JsonObject {
  id: string;
  locationId: string;
  name: string;
  calendarType: string;
  isActive: boolean;
  /** In `slotDurationUnit` (minutes unless `hours`). */
  slotDuration: number;
  slotDurationUnit: 'mins' | 'hours';
  teamMembers: JsonObject[];
  openHours: OpenHour[];
  groupId?: string;
  slug?: string;
  description?: string;
  /** Bookings per slot (per user); seats per slot on a class_booking calendar. */
  appoinmentPerSlot?: number;
}

export interface CalendarGroupRecord extends JsonObject {
  id: string;
  locationId: string;
  name: string;
  description: string;
  slug: string;
  isActive: boolean;
}

export type ResourceType = 'equipments' | 'rooms';

export interface CalendarResourceRecord extends JsonObject {
  id: string;
  locationId: string;
  resourceType: ResourceType;
  name: string;
  description: string;
  quantity: number;
  outOfService: number;
  capacity: number;
  calendarIds: string[];
  isActive: boolean;
}

export interface CalendarNotificationRecord extends JsonObject {
  _id: string;
  calendarId: string;
  receiverType: string;
  channel: string;
  notificationType: string;
  isActive: boolean;
  deleted: boolean;
}

export interface ScheduleRecord extends JsonObject {
  id: string;
  locationId: string;
  name: string;
  userId: string;
  timezone: string;
  rules: JsonObject[];
  calendarIds: string[];
  deleted: boolean;
  dateAdded: string;
  dateUpdated: string;
}

/** A blocked slot: busy time on a calendar, or on a user across calendars. */
export interface BlockedSlotRecord extends JsonObject {
  id: string;
  locationId: string;
  title: string;
  startTime: string;
  endTime: string;
  calendarId?: string;
  assignedUserId?: string;
  dateAdded: string;
  dateUpdated: string;
}

export interface AppointmentNoteRecord extends JsonObject {
  id: string;
  appointmentId: string;
  contactId: string;
  body: string;
  userId?: string;
  dateAdded: string;
}

/** A campaign or workflow of the location (made in GHL's app; the API only enrols contacts in them). */
export interface AutomationRecord extends JsonObject {
  id: string;
  locationId: string;
  name: string;
  status: string;
}

/** A contact in a campaign or workflow. */
export interface EnrollmentRecord extends JsonObject {
  id: string;
  contactId: string;
  kind: 'campaign' | 'workflow';
  /** The campaign's or workflow's id. */
  targetId: string;
  eventStartTime?: string;
  dateAdded: string;
}

export interface LostReasonRecord extends JsonObject {
  id: string;
  locationId: string;
  name: string;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A file uploaded for a custom field (POST /locations/{locationId}/customFields/upload). */
export interface UploadedFileRecord extends JsonObject {
  id: string;
  locationId: string;
  /** The contact, opportunity or custom field the upload names (`id` of the form). */
  ownerId: string;
  fieldname: string;
  originalname: string;
  encoding: string;
  mimetype: string;
  size: number;
  url: string;
  dateAdded: string;
}

export interface PipelineStageRecord extends JsonObject {
  id: string;
  name: string;
  position: number;
}

export interface PipelineRecord extends JsonObject {
  id: string;
  locationId: string;
  name: string;
  stages: PipelineStageRecord[];
}

/** Where the location's duplicate-contact check looks first. */
export type DuplicateField = 'email' | 'phone';

export interface LocationSettings {
  /** GHL's "Allow Duplicate Contact" setting. Off (the GHL default): email and phone identify a contact. */
  allowDuplicateContact: boolean;
  /** The priority order used to find an existing contact when duplicates are allowed. */
  duplicateSearchOrder: DuplicateField[];
}
