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
}

export interface UserRecord extends JsonObject {
  id: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  roles: { type: string; role: string; locationIds: string[] };
  deleted: boolean;
}

export interface CalendarRecord extends JsonObject {
  id: string;
  locationId: string;
  name: string;
  calendarType: string;
  isActive: boolean;
  slotDuration: number;
  teamMembers: JsonObject[];
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
