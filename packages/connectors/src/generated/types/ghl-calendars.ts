/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/operations/** by packages/connectors/scripts/generate-operations.ts.
 * Change the generator (or the reference documents), then run `pnpm generate`.
 */

/**
 * Successful response
 */
export type GhlCalendarsGetGroupsOutput = AllGroupsSuccessfulResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsCreateCalendarGroupOutput = GroupCreateSuccessfulResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsValidateGroupsSlugOutput = ValidateGroupSlugSuccessResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsDeleteGroupOutput = GroupSuccessfulResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsEditGroupOutput = GroupCreateSuccessfulResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsDisableGroupOutput = GroupSuccessfulResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsCreateAppointmentOutput = AppointmentSchemaResponse;
/**
 * Successful response
 */
export type GhlCalendarsEditAppointmentOutput = AppointmentSchemaResponse;
/**
 * Successful response
 */
export type GhlCalendarsGetAppointmentOutput = GetCalendarEventSuccessfulResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsGetCalendarEventsOutput = GetCalendarEventsSuccessfulResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsGetBlockedSlotsOutput = GetCalendarEventsSuccessfulResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsCreateBlockSlotOutput = BlockedSlotSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlCalendarsEditBlockSlotOutput = BlockedSlotSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlCalendarsUpdateCalendarOutput = CalendarByIdSuccessfulResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsGetCalendarOutput = CalendarByIdSuccessfulResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsDeleteCalendarOutput = CalendarDeleteSuccessfulResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsDeleteEventOutput = DeleteEventSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlCalendarsGetAppointmentNotesOutput = GetNotesListSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlCalendarsCreateAppointmentNoteOutput = GetCreateUpdateNoteSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlCalendarsUpdateAppointmentNoteOutput = GetCreateUpdateNoteSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlCalendarsDeleteAppointmentNoteOutput = DeleteNoteSuccessfulResponseDto;
/**
 * Calendar resource fetched
 */
export type GhlCalendarsGetCalendarResourceOutput = CalendarResourceByIdResponseDTO;
/**
 * Calendar resource updated
 */
export type GhlCalendarsUpdateCalendarResourceOutput = CalendarResourceResponseDTO;
/**
 * Calendar resource deleted
 */
export type GhlCalendarsDeleteCalendarResourceOutput = ResourceDeleteResponseDTO;
/**
 * Calendar resources listed
 */
export type GhlCalendarsFetchCalendarResourcesOutput = CalendarResourceByIdResponseDTO[];
/**
 * Calendar resource created
 */
export type GhlCalendarsCreateCalendarResourceOutput = CalendarResourceByIdResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsGetEventNotificationOutput = CalendarNotificationResponseDTO[];
/**
 * Successful response
 */
export type GhlCalendarsCreateEventNotificationOutput = CalendarNotificationResponseDTO[];
/**
 * Successful response
 */
export type GhlCalendarsFindEventNotificationOutput = CalendarNotificationResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsUpdateEventNotificationOutput = CalendarNotificationDeleteResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsDeleteEventNotificationOutput = CalendarNotificationDeleteResponseDTO;
/**
 * Schedules retrieved successfully
 */
export type GhlCalendarsGetAllSchedulesOutput = GetAllSchedulesResponseDTO;
/**
 * Schedule found and retrieved successfully
 */
export type GhlCalendarsGetScheduleByIdOutput = ScheduleResponseDTO;
/**
 * Schedule updated successfully
 */
export type GhlCalendarsUpdateScheduleOutput = ScheduleResponseDTO;
/**
 * Schedule created successfully
 */
export type GhlCalendarsCreateScheduleOutput = ScheduleResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsGetCalendarsOutput = CalendarsGetSuccessfulResponseDTO;
/**
 * Successful response
 */
export type GhlCalendarsCreateCalendarOutput = CalendarByIdSuccessfulResponseDTO;

/**
 * Input and output types of every ghl.calendars operation, keyed by operationId.
 */
export interface GhlCalendarsOperations {
  'get-groups': {
    input: GhlCalendarsGetGroupsInput;
    output: GhlCalendarsGetGroupsOutput;
  };
  'create-calendar-group': {
    input: GhlCalendarsCreateCalendarGroupInput;
    output: GhlCalendarsCreateCalendarGroupOutput;
  };
  'validate-groups-slug': {
    input: GhlCalendarsValidateGroupsSlugInput;
    output: GhlCalendarsValidateGroupsSlugOutput;
  };
  'delete-group': {
    input: GhlCalendarsDeleteGroupInput;
    output: GhlCalendarsDeleteGroupOutput;
  };
  'edit-group': {
    input: GhlCalendarsEditGroupInput;
    output: GhlCalendarsEditGroupOutput;
  };
  'disable-group': {
    input: GhlCalendarsDisableGroupInput;
    output: GhlCalendarsDisableGroupOutput;
  };
  'create-appointment': {
    input: GhlCalendarsCreateAppointmentInput;
    output: GhlCalendarsCreateAppointmentOutput;
  };
  'edit-appointment': {
    input: GhlCalendarsEditAppointmentInput;
    output: GhlCalendarsEditAppointmentOutput;
  };
  'get-appointment': {
    input: GhlCalendarsGetAppointmentInput;
    output: GhlCalendarsGetAppointmentOutput;
  };
  'get-calendar-events': {
    input: GhlCalendarsGetCalendarEventsInput;
    output: GhlCalendarsGetCalendarEventsOutput;
  };
  'get-blocked-slots': {
    input: GhlCalendarsGetBlockedSlotsInput;
    output: GhlCalendarsGetBlockedSlotsOutput;
  };
  'create-block-slot': {
    input: GhlCalendarsCreateBlockSlotInput;
    output: GhlCalendarsCreateBlockSlotOutput;
  };
  'edit-block-slot': {
    input: GhlCalendarsEditBlockSlotInput;
    output: GhlCalendarsEditBlockSlotOutput;
  };
  'get-slots': {
    input: GhlCalendarsGetSlotsInput;
    output: GhlCalendarsGetSlotsOutput;
  };
  'update-calendar': {
    input: GhlCalendarsUpdateCalendarInput;
    output: GhlCalendarsUpdateCalendarOutput;
  };
  'get-calendar': {
    input: GhlCalendarsGetCalendarInput;
    output: GhlCalendarsGetCalendarOutput;
  };
  'delete-calendar': {
    input: GhlCalendarsDeleteCalendarInput;
    output: GhlCalendarsDeleteCalendarOutput;
  };
  'delete-event': {
    input: GhlCalendarsDeleteEventInput;
    output: GhlCalendarsDeleteEventOutput;
  };
  'get-appointment-notes': {
    input: GhlCalendarsGetAppointmentNotesInput;
    output: GhlCalendarsGetAppointmentNotesOutput;
  };
  'create-appointment-note': {
    input: GhlCalendarsCreateAppointmentNoteInput;
    output: GhlCalendarsCreateAppointmentNoteOutput;
  };
  'update-appointment-note': {
    input: GhlCalendarsUpdateAppointmentNoteInput;
    output: GhlCalendarsUpdateAppointmentNoteOutput;
  };
  'delete-appointment-note': {
    input: GhlCalendarsDeleteAppointmentNoteInput;
    output: GhlCalendarsDeleteAppointmentNoteOutput;
  };
  'get-calendar-resource': {
    input: GhlCalendarsGetCalendarResourceInput;
    output: GhlCalendarsGetCalendarResourceOutput;
  };
  'update-calendar-resource': {
    input: GhlCalendarsUpdateCalendarResourceInput;
    output: GhlCalendarsUpdateCalendarResourceOutput;
  };
  'delete-calendar-resource': {
    input: GhlCalendarsDeleteCalendarResourceInput;
    output: GhlCalendarsDeleteCalendarResourceOutput;
  };
  'fetch-calendar-resources': {
    input: GhlCalendarsFetchCalendarResourcesInput;
    output: GhlCalendarsFetchCalendarResourcesOutput;
  };
  'create-calendar-resource': {
    input: GhlCalendarsCreateCalendarResourceInput;
    output: GhlCalendarsCreateCalendarResourceOutput;
  };
  'get-event-notification': {
    input: GhlCalendarsGetEventNotificationInput;
    output: GhlCalendarsGetEventNotificationOutput;
  };
  'create-event-notification': {
    input: GhlCalendarsCreateEventNotificationInput;
    output: GhlCalendarsCreateEventNotificationOutput;
  };
  'find-event-notification': {
    input: GhlCalendarsFindEventNotificationInput;
    output: GhlCalendarsFindEventNotificationOutput;
  };
  'update-event-notification': {
    input: GhlCalendarsUpdateEventNotificationInput;
    output: GhlCalendarsUpdateEventNotificationOutput;
  };
  'delete-event-notification': {
    input: GhlCalendarsDeleteEventNotificationInput;
    output: GhlCalendarsDeleteEventNotificationOutput;
  };
  getAllSchedules: {
    input: GhlCalendarsGetAllSchedulesInput;
    output: GhlCalendarsGetAllSchedulesOutput;
  };
  getScheduleById: {
    input: GhlCalendarsGetScheduleByIdInput;
    output: GhlCalendarsGetScheduleByIdOutput;
  };
  updateSchedule: {
    input: GhlCalendarsUpdateScheduleInput;
    output: GhlCalendarsUpdateScheduleOutput;
  };
  deleteSchedule: {
    input: GhlCalendarsDeleteScheduleInput;
    output: GhlCalendarsDeleteScheduleOutput;
  };
  createSchedule: {
    input: GhlCalendarsCreateScheduleInput;
    output: GhlCalendarsCreateScheduleOutput;
  };
  'add-calendar-to-schedule': {
    input: GhlCalendarsAddCalendarToScheduleInput;
    output: GhlCalendarsAddCalendarToScheduleOutput;
  };
  'remove-calendar-from-schedule': {
    input: GhlCalendarsRemoveCalendarFromScheduleInput;
    output: GhlCalendarsRemoveCalendarFromScheduleOutput;
  };
  'get-calendars': {
    input: GhlCalendarsGetCalendarsInput;
    output: GhlCalendarsGetCalendarsOutput;
  };
  'create-calendar': {
    input: GhlCalendarsCreateCalendarInput;
    output: GhlCalendarsCreateCalendarOutput;
  };
}
/**
 * Input of Get Groups (GET /calendars/groups).
 */
export interface GhlCalendarsGetGroupsInput {
  /**
   * Query string parameters.
   */
  query: {
    locationId: string;
  };
}
export interface AllGroupsSuccessfulResponseDTO {
  groups?: GroupDTO[];
}
export interface GroupDTO {
  locationId: string;
  name: string;
  description: string;
  slug: string;
  isActive?: boolean;
  id?: string;
}
/**
 * Input of Create Calendar Group (POST /calendars/groups).
 */
export interface GhlCalendarsCreateCalendarGroupInput {
  body: GroupCreateDTO;
}
export interface GroupCreateDTO {
  locationId: string;
  name: string;
  description: string;
  slug: string;
  isActive?: boolean;
}
export interface GroupCreateSuccessfulResponseDTO {
  group?: GroupDTO;
}
/**
 * Input of Validate group slug (POST /calendars/groups/validate-slug).
 */
export interface GhlCalendarsValidateGroupsSlugInput {
  body: ValidateGroupSlugPostBody;
}
export interface ValidateGroupSlugPostBody {
  locationId: string;
  slug: string;
}
export interface ValidateGroupSlugSuccessResponseDTO {
  available: boolean;
}
/**
 * Input of Delete Group (DELETE /calendars/groups/{groupId}).
 */
export interface GhlCalendarsDeleteGroupInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    groupId: string;
  };
}
export interface GroupSuccessfulResponseDTO {
  success?: boolean;
}
/**
 * Input of Update Group (PUT /calendars/groups/{groupId}).
 */
export interface GhlCalendarsEditGroupInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    groupId: string;
  };
  body: GroupUpdateDTO;
}
export interface GroupUpdateDTO {
  name: string;
  description: string;
  slug: string;
}
/**
 * Input of Disable Group (PUT /calendars/groups/{groupId}/status).
 */
export interface GhlCalendarsDisableGroupInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    groupId: string;
  };
  body: GroupStatusUpdateParams;
}
export interface GroupStatusUpdateParams {
  isActive: boolean;
}
/**
 * Input of Create appointment (POST /calendars/events/appointments).
 */
export interface GhlCalendarsCreateAppointmentInput {
  body: AppointmentCreateSchema;
}
export interface AppointmentCreateSchema {
  title?: string;
  /**
   * Meeting location type. - If `address` is provided in the request body, the `meetingLocationType` defaults to **custom**.
   */
  meetingLocationType?: 'custom' | 'zoom' | 'gmeet' | 'phone' | 'address' | 'ms_teams' | 'google';
  /**
   * The unique identifier for the meeting location. - This value can be found in `calendar.locationConfigurations`or `calendar.teamMembers[].locationConfigurations`
   */
  meetingLocationId?: string;
  /**
   * Flag to override location config - **false** - If only `meetingLocationId` is provided - **true** - If only `meetingLocationType` is provided
   */
  overrideLocationConfig?: boolean;
  appointmentStatus?: 'new' | 'confirmed' | 'cancelled' | 'showed' | 'noshow' | 'invalid';
  assignedUserId?: string;
  description?: string;
  address?: string;
  /**
   * If set to true, the minimum scheduling notice and date range would be ignored
   */
  ignoreDateRange?: boolean;
  /**
   * If set to false, the automations will not run
   */
  toNotify?: boolean;
  /**
   * If true the time slot validation would be avoided for any appointment creation (even the ignoreDateRange)
   */
  ignoreFreeSlotValidation?: boolean;
  /**
   * RRULE as per the iCalendar (RFC 5545) specification for recurring events. DTSTART is not required, instance ids are calculated on the basis of startTime of the event. The rrule only be applied if ignoreFreeSlotValidation is true.
   */
  rrule?: string;
  calendarId: string;
  locationId: string;
  contactId: string;
  startTime: string;
  endTime?: string;
}
export interface AppointmentSchemaResponse {
  calendarId: string;
  locationId: string;
  contactId: string;
  startTime?: string;
  endTime?: string;
  title?: string;
  meetingLocationType?: string;
  appointmentStatus?: 'new' | 'confirmed' | 'cancelled' | 'showed' | 'noshow' | 'invalid' | 'active' | 'completed';
  assignedUserId?: string;
  address?: string;
  /**
   * true if the event is recurring otherwise false
   */
  isRecurring?: boolean;
  /**
   * RRULE as per the iCalendar (RFC 5545) specification for recurring events
   */
  rrule?: string;
  id: string;
}
/**
 * Input of Update Appointment (PUT /calendars/events/appointments/{eventId}).
 */
export interface GhlCalendarsEditAppointmentInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    /**
     * Event Id or Instance id. For recurring appointments send masterEventId to modify original series.
     */
    eventId: string;
  };
  body: AppointmentEditSchema;
}
export interface AppointmentEditSchema {
  title?: string;
  /**
   * Meeting location type. - If `address` is provided in the request body, the `meetingLocationType` defaults to **custom**.
   */
  meetingLocationType?: 'custom' | 'zoom' | 'gmeet' | 'phone' | 'address' | 'ms_teams' | 'google';
  /**
   * The unique identifier for the meeting location. - This value can be found in `calendar.locationConfigurations`or `calendar.teamMembers[].locationConfigurations`
   */
  meetingLocationId?: string;
  /**
   * Flag to override location config - **false** - If only `meetingLocationId` is provided - **true** - If only `meetingLocationType` is provided
   */
  overrideLocationConfig?: boolean;
  appointmentStatus?: 'new' | 'confirmed' | 'cancelled' | 'showed' | 'noshow' | 'invalid';
  assignedUserId?: string;
  description?: string;
  address?: string;
  /**
   * If set to true, the minimum scheduling notice and date range would be ignored
   */
  ignoreDateRange?: boolean;
  /**
   * If set to false, the automations will not run
   */
  toNotify?: boolean;
  /**
   * If true the time slot validation would be avoided for any appointment creation (even the ignoreDateRange)
   */
  ignoreFreeSlotValidation?: boolean;
  /**
   * RRULE as per the iCalendar (RFC 5545) specification for recurring events. DTSTART is not required, instance ids are calculated on the basis of startTime of the event. The rrule only be applied if ignoreFreeSlotValidation is true.
   */
  rrule?: string;
  calendarId?: string;
  startTime?: string;
  endTime?: string;
}
/**
 * Input of Get Appointment (GET /calendars/events/appointments/{eventId}).
 */
export interface GhlCalendarsGetAppointmentInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    /**
     * Event Id or Instance id. For recurring appointments send masterEventId to modify original series.
     */
    eventId: string;
  };
}
export interface GetCalendarEventSuccessfulResponseDTO {
  event?: CalendarEventDTO;
}
export interface CalendarEventDTO {
  /**
   * Event Id or Instance id for a recurring event
   */
  id: string;
  address?: string;
  title: string;
  calendarId: string;
  locationId: string;
  contactId: string;
  groupId: string;
  appointmentStatus: string;
  /**
   * AssignedUser - the primary owner of an appointment
   */
  assignedUserId: string;
  /**
   * Users - the secondary owners of an appointment.
   */
  users: string[];
  notes?: string;
  description?: string;
  /**
   * true if the event is recurring otherwise false
   */
  isRecurring?: boolean;
  /**
   * RRULE as per the iCalendar (RFC 5545) specification for recurring events. DTSTART is not required, instance ids are calculated on the basis of startTime of the event.
   */
  rrule?: string;
  startTime: {
    [k: string]: unknown;
  };
  endTime: {
    [k: string]: unknown;
  };
  dateAdded: {
    [k: string]: unknown;
  };
  dateUpdated: {
    [k: string]: unknown;
  };
  /**
   * Ids of associated resources rooms and/or equipments
   */
  assignedResources?: string[];
  /**
   * Appointment booked by metadata
   */
  createdBy?: CreatedOrUpdatedBy;
  /**
   * Master event id for a recurring instance
   */
  masterEventId?: string;
}
export interface CreatedOrUpdatedBy {
  /**
   * The ID of the user who created or updated the appointment
   */
  userId?: string;
  /**
   * The source of the appointment
   */
  source: string;
}
/**
 * Input of Get Calendar Events (GET /calendars/events).
 */
export interface GhlCalendarsGetCalendarEventsInput {
  /**
   * Query string parameters.
   */
  query: {
    locationId: string;
    /**
     * User Id - Owner of an appointment. Either of userId, groupId or calendarId is required
     */
    userId?: string;
    /**
     * Either of calendarId, userId or groupId is required
     */
    calendarId?: string;
    /**
     * Either of groupId, calendarId or userId is required
     */
    groupId?: string;
    /**
     * Start Time (in millis)
     */
    startTime: string;
    /**
     * End Time (in millis)
     */
    endTime: string;
  };
}
export interface GetCalendarEventsSuccessfulResponseDTO {
  events?: CalendarEventDTO[];
}
/**
 * Input of Get Blocked Slots (GET /calendars/blocked-slots).
 */
export interface GhlCalendarsGetBlockedSlotsInput {
  /**
   * Query string parameters.
   */
  query: {
    locationId: string;
    /**
     * User Id - Owner of an appointment. Either of userId, groupId or calendarId is required
     */
    userId?: string;
    /**
     * Either of calendarId, userId or groupId is required
     */
    calendarId?: string;
    /**
     * Either of groupId, calendarId or userId is required
     */
    groupId?: string;
    /**
     * Start Time (in millis)
     */
    startTime: string;
    /**
     * End Time (in millis)
     */
    endTime: string;
  };
}
/**
 * Input of Create Block Slot (POST /calendars/events/block-slots).
 */
export interface GhlCalendarsCreateBlockSlotInput {
  body: BlockSlotCreateRequestDTO;
}
export interface BlockSlotCreateRequestDTO {
  title?: string;
  /**
   * Either calendarId or assignedUserId can be set, not both.
   */
  calendarId: string;
  /**
   * Either calendarId or assignedUserId can be set, not both.
   */
  assignedUserId?: string;
  locationId: string;
  startTime?: string;
  endTime?: string;
}
export interface BlockedSlotSuccessfulResponseDto {
  id: string;
  locationId: string;
  title: string;
  startTime: {
    [k: string]: unknown;
  };
  endTime: {
    [k: string]: unknown;
  };
  calendarId?: string;
  assignedUserId?: string;
}
/**
 * Input of Update Block Slot (PUT /calendars/events/block-slots/{eventId}).
 */
export interface GhlCalendarsEditBlockSlotInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    /**
     * Event Id or Instance id. For recurring appointments send masterEventId to modify original series.
     */
    eventId: string;
  };
  body: BlockSlotEditRequestDTO;
}
export interface BlockSlotEditRequestDTO {
  title?: string;
  /**
   * Either calendarId or assignedUserId can be set, not both.
   */
  calendarId: string;
  /**
   * Either calendarId or assignedUserId can be set, not both.
   */
  assignedUserId?: string;
  locationId: string;
  startTime?: string;
  endTime?: string;
}
/**
 * Input of Get Free Slots (GET /calendars/{calendarId}/free-slots).
 */
export interface GhlCalendarsGetSlotsInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    calendarId: string;
  };
  /**
   * Query string parameters.
   */
  query: {
    /**
     * Start Date (**⚠️ Important:** Date range cannot be more than 31 days)
     */
    startDate: number;
    /**
     * End Date (**⚠️ Important:** Date range cannot be more than 31 days)
     */
    endDate: number;
    /**
     * The timezone in which the free slots are returned
     */
    timezone?: string;
    /**
     * The user for whom the free slots are returned
     */
    userId?: string;
    /**
     * The users for whom the free slots are returned
     */
    userIds?: string[];
  };
}
/**
 * Availability map keyed by date (YYYY-MM-DD)
 */
export interface GhlCalendarsGetSlotsOutput {
  [k: string]: SlotsSchema;
}
export interface SlotsSchema {
  slots: string[];
}
/**
 * Input of Update Calendar (PUT /calendars/{calendarId}).
 */
export interface GhlCalendarsUpdateCalendarInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    calendarId: string;
  };
  body: CalendarUpdateDTO;
}
export interface CalendarUpdateDTO {
  /**
   * @deprecated
   * 🚨 Deprecated! Please use 'Calendar Notifications APIs' instead.
   */
  notifications?: CalendarNotification[];
  groupId?: string;
  /**
   * Team members are required for calendars of type: Round Robin, Collective, Class, Service. Personal calendar must have exactly one team member.
   */
  teamMembers?: TeamMember[];
  eventType?: 'RoundRobin_OptimizeForAvailability' | 'RoundRobin_OptimizeForEqualDistribution';
  name?: string;
  description?: string;
  slug?: string;
  widgetSlug?: string;
  /**
   * Calendar widget type. Choose "default" for "neo" and "classic" for "classic" layout.
   */
  widgetType?: 'default' | 'classic';
  eventTitle?: string;
  eventColor?: string;
  /**
   * Meeting location configuration for event calendar
   */
  locationConfigurations?: LocationConfiguration[];
  /**
   * @deprecated
   * 🚨 Deprecated! Use `locationConfigurations.location` or `teamMembers[].locationConfigurations.location` instead.
   */
  meetingLocation?: string;
  /**
   * This controls the duration of the meeting
   */
  slotDuration?: number;
  /**
   * Unit for slot duration.
   */
  slotDurationUnit?: 'mins' | 'hours';
  /**
   * Unit for pre-buffer.
   */
  preBufferUnit?: 'mins' | 'hours';
  /**
   * Slot interval reflects the amount of time the between booking slots that will be shown in the calendar.
   */
  slotInterval?: number;
  /**
   * Unit for slot interval.
   */
  slotIntervalUnit?: 'mins' | 'hours';
  /**
   * Slot-Buffer is additional time that can be added after an appointment, allowing for extra time to wrap up
   */
  slotBuffer?: number;
  /**
   * Pre-Buffer is additional time that can be added before an appointment, allowing for extra time to get ready
   */
  preBuffer?: number;
  appoinmentPerSlot?: number;
  /**
   * Number of appointments that can be booked for a given day
   */
  appoinmentPerDay?: number;
  /**
   * Minimum scheduling notice for events
   */
  allowBookingAfter?: number;
  /**
   * Unit for minimum scheduling notice
   */
  allowBookingAfterUnit?: 'hours' | 'days' | 'weeks' | 'months';
  /**
   * Minimum number of days/weeks/months for which to allow booking events
   */
  allowBookingFor?: number;
  /**
   * Unit for controlling the duration for which booking would be allowed for
   */
  allowBookingForUnit?: 'days' | 'weeks' | 'months';
  openHours?: OpenHour[];
  /**
   * Enable recurring appointments for the calendars. Please note that only one member should be added in the calendar to enable this
   */
  enableRecurring?: boolean;
  recurring?: Recurring;
  formId?: string;
  stickyContact?: boolean;
  isLivePaymentMode?: boolean;
  autoConfirm?: boolean;
  shouldSendAlertEmailsToAssignedMember?: boolean;
  alertEmail?: string;
  googleInvitationEmails?: boolean;
  allowReschedule?: boolean;
  allowCancellation?: boolean;
  shouldAssignContactToTeamMember?: boolean;
  shouldSkipAssigningContactForExisting?: boolean;
  notes?: string;
  pixelId?: string;
  formSubmitType?: 'RedirectURL' | 'ThankYouMessage';
  formSubmitRedirectURL?: string;
  formSubmitThanksMessage?: string;
  /**
   * Determines which availability type to consider: - **1**: Only custom availabilities will be used. - **0**: Only open hours will be used. - **null**: Both the custom availabilities and open hours will be considered.
   */
  availabilityType?: 0 | 1;
  /**
   * This is only to set the custom availability. For standard availability, use the openHours property
   */
  availabilities?: UpdateAvailability[];
  guestType?: 'count_only' | 'collect_detail';
  consentLabel?: string;
  calendarCoverImage?: string;
  /**
   * Look Busy Configuration
   */
  lookBusyConfig?: LookBusyConfiguration;
  isActive?: boolean;
}
export interface CalendarNotification {
  /**
   * Calendar Notification
   */
  type?: 'email';
  shouldSendToContact: boolean;
  shouldSendToGuest: boolean;
  shouldSendToUser: boolean;
  shouldSendToSelectedUsers: boolean;
  /**
   * Comma separated emails
   */
  selectedUsers: string;
}
export interface TeamMember {
  userId: string;
  priority?: 0 | 0.5 | 1;
  /**
   * @deprecated
   * 🚨 Deprecated! Use `locationConfigurations.kind` instead.
   */
  meetingLocationType?: 'custom' | 'zoom' | 'gmeet' | 'phone' | 'address' | 'teams' | 'booker';
  /**
   * @deprecated
   * 🚨 Deprecated! Use `locationConfigurations.location` instead.
   */
  meetingLocation?: string;
  /**
   * Marks a user as primary. This property is required in case of collective booking calendars. Only one user can be primary.
   */
  isPrimary?: boolean;
  /**
   * Meeting location configuration for event calendar. - *Multiple locations are allowed only when one team member is selected.* - *For **Class booking** and **Collective** calendars, only one location configuration is allowed for each team member.*
   */
  locationConfigurations?: LocationConfiguration[];
}
export interface LocationConfiguration {
  /**
   * Type of meeting location. zoom_conference/google_conference/ms_teams_conference is not supported in event calendar type
   */
  kind:
    | 'custom'
    | 'zoom_conference'
    | 'google_conference'
    | 'inbound_call'
    | 'outbound_call'
    | 'physical'
    | 'booker'
    | 'ms_teams_conference';
  /**
   * Address for meeting location. Not applicable on "zoom_conference", "google_conference" and "ms_teams_conference" kind
   */
  location?: string;
}
export interface OpenHour {
  daysOfTheWeek: number[];
  hours: Hour[];
}
export interface Hour {
  openHour: number;
  openMinute: number;
  closeHour: number;
  closeMinute: number;
}
export interface Recurring {
  freq?: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  /**
   * Number of recurrences
   */
  count?: number;
  /**
   * This setting contols what to do incase a recurring slot is unavailable
   */
  bookingOption?: 'skip' | 'continue' | 'book_next';
  /**
   * This setting contols what to do incase a recurring slot is unavailable
   */
  bookingOverlapDefaultStatus?: 'confirmed' | 'new';
}
export interface UpdateAvailability {
  /**
   * Formulate the date string in the format of `<YYYY-MM-DD in local timezone>T00:00:00.000Z`.
   */
  date: string;
  hours: Hour[];
  deleted?: boolean;
  /**
   * The ID of the custom availability object. It is required while updating or deleting the existing custom date availability
   */
  id?: string;
}
export interface LookBusyConfiguration {
  /**
   * Apply Look Busy
   */
  enabled: boolean;
  /**
   * Percentage of slots that will be hidden
   */
  LookBusyPercentage: number;
}
export interface CalendarByIdSuccessfulResponseDTO {
  calendar: CalendarDTO;
}
export interface CalendarDTO {
  /**
   * Should the created calendar be active or draft
   */
  isActive?: boolean;
  /**
   * @deprecated
   * 🚨 Deprecated! Please use 'Calendar Notifications APIs' instead.
   */
  notifications?: CalendarNotification[];
  locationId: string;
  groupId?: string;
  /**
   * Team members are for calendars of type: Round Robin, Collective, Class, Service. Personal calendar must have exactly one team member.
   */
  teamMembers?: TeamMemberResponse[];
  eventType?: 'RoundRobin_OptimizeForAvailability' | 'RoundRobin_OptimizeForEqualDistribution';
  name: string;
  description?: string;
  slug?: string;
  widgetSlug?: string;
  calendarType?: 'round_robin' | 'event' | 'class_booking' | 'collective' | 'service_booking' | 'personal';
  /**
   * Calendar widget type. Choose "default" for "neo" and "classic" for "classic" layout.
   */
  widgetType?: 'default' | 'classic';
  eventTitle?: string;
  eventColor?: string;
  /**
   * @deprecated
   * 🚨 Deprecated! Use `locationConfigurations.location` or `teamMembers[].locationConfigurations.location` instead.
   */
  meetingLocation?: string;
  /**
   * Meeting location configuration for event calendar
   */
  locationConfigurations?: LocationConfigurationResponse[];
  /**
   * This controls the duration of the meeting
   */
  slotDuration?: number;
  /**
   * Unit for slot duration.
   */
  slotDurationUnit?: 'mins' | 'hours';
  /**
   * Slot interval reflects the amount of time the between booking slots that will be shown in the calendar.
   */
  slotInterval?: number;
  /**
   * Unit for slot interval.
   */
  slotIntervalUnit?: 'mins' | 'hours';
  /**
   * Slot-Buffer is additional time that can be added after an appointment, allowing for extra time to wrap up
   */
  slotBuffer?: number;
  /**
   * Unit for slot buffer.
   */
  slotBufferUnit?: 'mins' | 'hours';
  /**
   * Pre-Buffer is additional time that can be added before an appointment, allowing for extra time to get ready
   */
  preBuffer?: number;
  /**
   * Unit for pre-buffer.
   */
  preBufferUnit?: 'mins' | 'hours';
  /**
   * Maximum bookings per slot (per user). Maximum seats per slot in case of Class Booking Calendar.
   */
  appoinmentPerSlot?: number;
  /**
   * Number of appointments that can be booked for a given day
   */
  appoinmentPerDay?: number;
  /**
   * Minimum scheduling notice for events
   */
  allowBookingAfter?: number;
  /**
   * Unit for minimum scheduling notice
   */
  allowBookingAfterUnit?: 'hours' | 'days' | 'weeks' | 'months';
  /**
   * Minimum number of days/weeks/months for which to allow booking events
   */
  allowBookingFor?: number;
  /**
   * Unit for controlling the duration for which booking would be allowed for
   */
  allowBookingForUnit?: 'days' | 'weeks' | 'months';
  /**
   * This is only to set the standard availability. For custom availability, use the availabilities property
   */
  openHours?: OpenHour[];
  /**
   * Enable recurring appointments for the calendars. Please note that only one member should be added in the calendar to enable this
   */
  enableRecurring?: boolean;
  recurring?: Recurring;
  formId?: string;
  stickyContact?: boolean;
  isLivePaymentMode?: boolean;
  autoConfirm?: boolean;
  shouldSendAlertEmailsToAssignedMember?: boolean;
  alertEmail?: string;
  googleInvitationEmails?: boolean;
  allowReschedule?: boolean;
  allowCancellation?: boolean;
  shouldAssignContactToTeamMember?: boolean;
  shouldSkipAssigningContactForExisting?: boolean;
  notes?: string;
  pixelId?: string;
  formSubmitType?: 'RedirectURL' | 'ThankYouMessage';
  formSubmitRedirectURL?: string;
  formSubmitThanksMessage?: string;
  /**
   * Determines which availability type to consider: - **1**: Only custom availabilities will be used. - **0**: Only open hours will be used. - **null**: Both custom availabilities and open hours will be considered.
   */
  availabilityType?: 0 | 1;
  /**
   * This is only to set the custom availability. For standard availability, use the openHours property
   */
  availabilities?: Availability[];
  guestType?: 'count_only' | 'collect_detail';
  consentLabel?: string;
  calendarCoverImage?: string;
  /**
   * Look Busy Configuration
   */
  lookBusyConfig?: LookBusyConfiguration;
  id: string;
}
export interface TeamMemberResponse {
  userId: string;
  priority?: 0 | 0.5 | 1;
  /**
   * @deprecated
   * 🚨 Deprecated! Use `locationConfigurations.kind` instead.
   */
  meetingLocationType?: 'custom' | 'zoom' | 'gmeet' | 'phone' | 'address' | 'teams' | 'booker';
  /**
   * @deprecated
   * 🚨 Deprecated! Use `locationConfigurations.location` instead.
   */
  meetingLocation?: string;
  /**
   * Marks a user as primary. This property is required in case of collective booking calendars. Only one user can be primary.
   */
  isPrimary?: boolean;
  locationConfigurations?: LocationConfigurationResponse[];
}
export interface LocationConfigurationResponse {
  /**
   * Type of meeting location. zoom_conference/google_conference/ms_teams_conference is not supported in event calendar type
   */
  kind:
    | 'custom'
    | 'zoom_conference'
    | 'google_conference'
    | 'inbound_call'
    | 'outbound_call'
    | 'physical'
    | 'booker'
    | 'ms_teams_conference';
  /**
   * Address for meeting location. Not applicable on "zoom_conference", "google_conference" and "ms_teams_conference" kind
   */
  location?: string;
  /**
   * Unique ID used to select a specific meeting location
   */
  meetingId?: string;
}
export interface Availability {
  /**
   * Formulate the date string in the format of `<YYYY-MM-DD in local timezone>T00:00:00.000Z`.
   */
  date: string;
  hours: Hour[];
  deleted?: boolean;
}
/**
 * Input of Get Calendar (GET /calendars/{calendarId}).
 */
export interface GhlCalendarsGetCalendarInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    calendarId: string;
  };
}
/**
 * Input of Delete Calendar (DELETE /calendars/{calendarId}).
 */
export interface GhlCalendarsDeleteCalendarInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    calendarId: string;
  };
}
export interface CalendarDeleteSuccessfulResponseDTO {
  success: boolean;
}
/**
 * Input of Delete Event (DELETE /calendars/events/{eventId}).
 */
export interface GhlCalendarsDeleteEventInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    /**
     * Event Id or Instance id. For recurring appointments send masterEventId to modify original series.
     */
    eventId: string;
  };
  body: DeleteAppointmentSchema;
}
export interface DeleteAppointmentSchema {
  [k: string]: unknown;
}
export interface DeleteEventSuccessfulResponseDto {
  succeeded?: boolean;
}
/**
 * Input of Get Notes (GET /calendars/appointments/{appointmentId}/notes).
 */
export interface GhlCalendarsGetAppointmentNotesInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    appointmentId: string;
  };
  /**
   * Query string parameters.
   */
  query: {
    /**
     * Limit of notes to fetch
     */
    limit: number;
    /**
     * Offset of notes to fetch
     */
    offset: number;
  };
}
export interface GetNotesListSuccessfulResponseDto {
  notes?: GetNoteSchema[];
  hasMore?: boolean;
}
export interface GetNoteSchema {
  id?: string;
  body?: string;
  userId?: string;
  dateAdded?: string;
  contactId?: string;
  createdBy?: NoteCreatedBySchema;
}
export interface NoteCreatedBySchema {
  id?: string;
  name?: string;
}
/**
 * Input of Create Note (POST /calendars/appointments/{appointmentId}/notes).
 */
export interface GhlCalendarsCreateAppointmentNoteInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    appointmentId: string;
  };
  body: NotesDTO;
}
export interface NotesDTO {
  userId?: string;
  body: string;
}
export interface GetCreateUpdateNoteSuccessfulResponseDto {
  note?: GetNoteSchema;
}
/**
 * Input of Update Note (PUT /calendars/appointments/{appointmentId}/notes/{noteId}).
 */
export interface GhlCalendarsUpdateAppointmentNoteInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    appointmentId: string;
    /**
     * Path parameter {noteId}: the OpenAPI document names it in the path but does not declare it.
     */
    noteId: string;
  };
  body: NotesDTO;
}
/**
 * Input of Delete Note (DELETE /calendars/appointments/{appointmentId}/notes/{noteId}).
 */
export interface GhlCalendarsDeleteAppointmentNoteInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    appointmentId: string;
    /**
     * Path parameter {noteId}: the OpenAPI document names it in the path but does not declare it.
     */
    noteId: string;
  };
}
export interface DeleteNoteSuccessfulResponseDto {
  success?: boolean;
}
/**
 * Input of Get Calendar Resource (GET /calendars/resources/{resourceType}/{id}).
 */
export interface GhlCalendarsGetCalendarResourceInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    resourceType: 'equipments' | 'rooms';
    id: string;
  };
}
export interface CalendarResourceByIdResponseDTO {
  /**
   * Location ID of the resource
   */
  locationId: string;
  /**
   * Name of the resource
   */
  name: string;
  resourceType: 'equipments' | 'rooms';
  isActive: boolean;
  /**
   * Description of the resource
   */
  description?: string;
  /**
   * Quantity of the resource
   */
  quantity?: number;
  /**
   * Indicates if the resource is out of service
   */
  outOfService?: number;
  /**
   * Capacity of the resource
   */
  capacity?: number;
  calendarIds: string[];
}
/**
 * Input of Update Calendar Resource (PUT /calendars/resources/{resourceType}/{id}).
 */
export interface GhlCalendarsUpdateCalendarResourceInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    resourceType: 'equipments' | 'rooms';
    id: string;
  };
  body: UpdateCalendarResourceDTO;
}
export interface UpdateCalendarResourceDTO {
  locationId?: string;
  name?: string;
  description?: string;
  /**
   * Quantity of the equipment.
   */
  quantity?: number;
  /**
   * Quantity of the out of service equipment.
   */
  outOfService?: number;
  /**
   * Capacity of the room.
   */
  capacity?: number;
  /**
   * Service calendar IDs to be mapped with the resource. One equipment can only be mapped with one service calendar. One room can be mapped with multiple service calendars.
   *
   * @maxItems 100
   */
  calendarIds?: string[];
  isActive?: boolean;
}
export interface CalendarResourceResponseDTO {
  /**
   * Location ID of the resource
   */
  locationId: string;
  /**
   * Name of the resource
   */
  name: string;
  resourceType: 'equipments' | 'rooms';
  isActive: boolean;
  /**
   * Description of the resource
   */
  description?: string;
  /**
   * Quantity of the resource
   */
  quantity?: number;
  /**
   * Indicates if the resource is out of service
   */
  outOfService?: number;
  /**
   * Capacity of the resource
   */
  capacity?: number;
}
/**
 * Input of Delete Calendar Resource (DELETE /calendars/resources/{resourceType}/{id}).
 */
export interface GhlCalendarsDeleteCalendarResourceInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    resourceType: 'equipments' | 'rooms';
    id: string;
  };
}
export interface ResourceDeleteResponseDTO {
  success?: boolean;
}
/**
 * Input of List Calendar Resources (GET /calendars/resources/{resourceType}).
 */
export interface GhlCalendarsFetchCalendarResourcesInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    resourceType: 'equipments' | 'rooms';
  };
  /**
   * Query string parameters.
   */
  query: {
    locationId: string;
    limit: number;
    skip: number;
  };
}
/**
 * Input of Create Calendar Resource (POST /calendars/resources/{resourceType}).
 */
export interface GhlCalendarsCreateCalendarResourceInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    resourceType: 'equipments' | 'rooms';
  };
  body: CreateCalendarResourceDTO;
}
export interface CreateCalendarResourceDTO {
  locationId: string;
  name: string;
  description: string;
  /**
   * Quantity of the equipment.
   */
  quantity: number;
  /**
   * Quantity of the out of service equipment.
   */
  outOfService: number;
  /**
   * Capacity of the room.
   */
  capacity: number;
  /**
   * Service calendar IDs to be mapped with the resource. One equipment can only be mapped with one service calendar. One room can be mapped with multiple service calendars.
   *
   * @maxItems 100
   */
  calendarIds: string[];
}
/**
 * Input of Get notifications (GET /calendars/{calendarId}/notifications).
 */
export interface GhlCalendarsGetEventNotificationInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    calendarId: string;
  };
  /**
   * Query string parameters.
   */
  query?: {
    isActive?: boolean;
    deleted?: boolean;
    /**
     * Number of records to return
     */
    limit?: number;
    skip?: number;
  };
}
export interface CalendarNotificationResponseDTO {
  _id?: string;
  receiverType?: 'contact' | 'guest' | 'assignedUser' | 'emails' | 'phoneNumbers' | 'business';
  additionalEmailIds?: string[];
  additionalPhoneNumbers?: string[];
  channel?: 'email' | 'inApp' | 'sms' | 'whatsapp';
  notificationType?: 'booked' | 'confirmation' | 'cancellation' | 'reminder' | 'followup' | 'reschedule';
  isActive?: boolean;
  additionalWhatsappNumbers?: string[];
  templateId?: string;
  body?: string;
  subject?: string;
  afterTime?: SchedulesDTO[];
  beforeTime?: SchedulesDTO[];
  selectedUsers?: string[];
  deleted?: boolean;
}
export interface SchedulesDTO {
  timeOffset?: number;
  unit?: string;
}
/**
 * Input of Create notification (POST /calendars/{calendarId}/notifications).
 */
export interface GhlCalendarsCreateEventNotificationInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    calendarId: string;
  };
  body: CreateCalendarNotificationDTO[];
}
export interface CreateCalendarNotificationDTO {
  /**
   * notification recipient type
   */
  receiverType: 'contact' | 'guest' | 'assignedUser' | 'emails' | 'phoneNumbers' | 'business';
  channel: 'email' | 'inApp' | 'sms' | 'whatsapp';
  notificationType: 'booked' | 'confirmation' | 'cancellation' | 'reminder' | 'followup' | 'reschedule';
  /**
   * Is the notification active
   */
  isActive?: boolean;
  /**
   * Template ID for email notification. Not necessary for in-App notification
   */
  templateId?: string;
  /**
   * Body for email notification. Not necessary for in-App notification
   */
  body?: string;
  /**
   * Subject for email notification. Not necessary for in-App notification
   */
  subject?: string;
  /**
   * Specifies the time after which the follow-up notification should be sent. This is not required for other notification types.
   */
  afterTime?: SchedulesDTO[];
  /**
   * Specifies the time before which the reminder notification should be sent. This is not required for other notification types.
   */
  beforeTime?: SchedulesDTO[];
  /**
   * Additional email addresses to receive notifications.
   */
  additionalEmailIds?: string[];
  /**
   * Additional phone numbers to receive notifications.
   */
  additionalPhoneNumbers?: string[];
  /**
   * Selected users for in-App and business email notifications. Supports user IDs and special keyword "sub_account_admin"
   */
  selectedUsers?: string[];
  /**
   * from address for email notification
   */
  fromAddress?: string;
  /**
   * from name for email/sms notification
   */
  fromName?: string;
  /**
   * from number for sms notification
   */
  fromNumber?: string;
}
/**
 * Input of Get notification (GET /calendars/{calendarId}/notifications/{notificationId}).
 */
export interface GhlCalendarsFindEventNotificationInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    calendarId: string;
    notificationId: string;
  };
}
/**
 * Input of Update notification (PUT /calendars/{calendarId}/notifications/{notificationId}).
 */
export interface GhlCalendarsUpdateEventNotificationInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    calendarId: string;
    notificationId: string;
  };
  body: UpdateCalendarNotificationsDTO;
}
export interface UpdateCalendarNotificationsDTO {
  /**
   * Notification recipient type
   */
  receiverType?: 'contact' | 'guest' | 'assignedUser' | 'emails' | 'phoneNumbers' | 'business';
  /**
   * Additional email addresses to receive notifications.
   */
  additionalEmailIds?: string[];
  /**
   * Additional phone numbers to receive notifications.
   */
  additionalPhoneNumbers?: string[];
  /**
   * Selected users for in-App and business email notifications. Supports user IDs and special keyword "sub_account_admin"
   */
  selectedUsers?: string[];
  channel?: 'email' | 'inApp' | 'sms' | 'whatsapp';
  notificationType?: 'booked' | 'confirmation' | 'cancellation' | 'reminder' | 'followup' | 'reschedule';
  /**
   * Is the notification active
   */
  isActive?: boolean;
  /**
   * Marks the notification as deleted (soft delete)
   */
  deleted?: boolean;
  /**
   * Template ID for email notification
   */
  templateId?: string;
  /**
   * Body for email notification. Not necessary for in-App notification
   */
  body?: string;
  /**
   * Subject for email notification. Not necessary for in-App notification
   */
  subject?: string;
  /**
   * Specifies the time after which the follow-up notification should be sent. This is not required for other notification types.
   */
  afterTime?: SchedulesDTO[];
  /**
   * Specifies the time before which the reminder notification should be sent. This is not required for other notification types.
   */
  beforeTime?: SchedulesDTO[];
  /**
   * From address for email notification
   */
  fromAddress?: string;
  /**
   * from number for sms notification
   */
  fromNumber?: string;
  /**
   * From name for email/sms notification
   */
  fromName?: string;
}
export interface CalendarNotificationDeleteResponseDTO {
  /**
   * Result of delete/update operation
   */
  message: string;
}
/**
 * Input of Delete Notification (DELETE /calendars/{calendarId}/notifications/{notificationId}).
 */
export interface GhlCalendarsDeleteEventNotificationInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    calendarId: string;
    notificationId: string;
  };
}
/**
 * Input of List user availability schedule (GET /calendars/schedules/search).
 */
export interface GhlCalendarsGetAllSchedulesInput {
  /**
   * Query string parameters.
   */
  query: {
    /**
     * Location ID to filter schedules by
     */
    locationId: string;
    /**
     * User ID to filter schedules by specific user
     */
    userId: string;
    /**
     * Calendar ID for filtering schedules by specific calendar
     */
    calendarId?: string;
    /**
     * Number of items to skip for pagination
     */
    skip?: number;
    /**
     * Maximum number of items to return (max 500)
     */
    limit?: number;
  };
}
export interface GetAllSchedulesResponseDTO {
  schedules: ScheduleObjectResponseDTO[];
}
export interface ScheduleObjectResponseDTO {
  /**
   * Unique identifier for the schedule
   */
  id: string;
  /**
   * Human-readable name for the schedule
   */
  name: string;
  /**
   * Location ID where this schedule applies
   */
  locationId: string;
  /**
   * Schedule rules defining when the schedule is active
   */
  rules: ScheduleRuleDTO[];
  /**
   * Timezone for the schedule (IANA timezone identifier)
   */
  timezone: string;
  /**
   * ISO date string when the schedule was created
   */
  dateAdded: string;
  /**
   * ISO date string when the schedule was last updated
   */
  dateUpdated: string;
  /**
   * User ID associated with the schedule
   */
  userId: string;
  /**
   * Calendar IDs associated with the schedule
   */
  calendarIds?: string[];
  /**
   * Whether the schedule has been deleted
   */
  deleted: boolean;
}
export interface ScheduleRuleDTO {
  /**
   * Type of schedule rule - weekday (recurring) or date (specific date)
   */
  type: 'wday' | 'date';
  /**
   * Time intervals for the rule (e.g., 9 AM to 5 PM)
   */
  intervals: ScheduleIntervalDTO[];
  /**
   * Specific date in YYYY-MM-DD format (only for date-type rules)
   */
  date?: string;
  /**
   * Day of week (only for weekday-type rules)
   */
  day?: 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday';
}
export interface ScheduleIntervalDTO {
  /**
   * Start time in HH:MM format (24-hour format)
   */
  from: string;
  /**
   * End time in HH:MM format (24-hour format)
   */
  to: string;
}
/**
 * Input of Get user availability schedule (GET /calendars/schedules/{id}).
 */
export interface GhlCalendarsGetScheduleByIdInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    /**
     * Unique identifier of the schedule
     */
    id: string;
  };
}
export interface ScheduleResponseDTO {
  schedule: ScheduleObjectResponseDTO;
}
/**
 * Input of Update user availability schedule (PUT /calendars/schedules/{id}).
 */
export interface GhlCalendarsUpdateScheduleInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    /**
     * Unique identifier of the schedule to update
     */
    id: string;
  };
  body: UpdateScheduleDTO;
}
export interface UpdateScheduleDTO {
  /**
   * Human-readable name for the schedule
   */
  name?: string;
  /**
   * Updated schedule rules defining when the schedule is active
   */
  rules?: ScheduleRuleDTO[];
  /**
   * Updated timezone for the schedule (IANA timezone identifier)
   */
  timezone?: string;
}
/**
 * Input of Delete user availability schedule (DELETE /calendars/schedules/{id}).
 */
export interface GhlCalendarsDeleteScheduleInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    /**
     * Unique identifier of the schedule to delete
     */
    id: string;
  };
}
/**
 * Schedule deleted successfully
 */
export interface GhlCalendarsDeleteScheduleOutput {
  /**
   * Whether the deletion was successful
   */
  success?: boolean;
}
/**
 * Input of Create user availability schedule (POST /calendars/schedules).
 */
export interface GhlCalendarsCreateScheduleInput {
  body: CreateScheduleDTO;
}
export interface CreateScheduleDTO {
  /**
   * Schedule rules defining when the schedule is active
   */
  rules?: ScheduleRuleDTO[];
  /**
   * Timezone for the schedule (IANA timezone identifier)
   */
  timezone: string;
  /**
   * Location ID where this schedule applies
   */
  locationId: string;
  /**
   * Human-readable name for the schedule
   */
  name: string;
  /**
   * User ID associated with the schedule
   */
  userId: string;
  /**
   * Calendar IDs associated with the schedule
   */
  calendarIds?: string[];
}
/**
 * Input of Apply user availability schedule to a calendar (PUT /calendars/schedules/{id}/associations/{calendarId}).
 */
export interface GhlCalendarsAddCalendarToScheduleInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    /**
     * Unique identifier of the schedule
     */
    id: string;
    /**
     * Unique identifier of the team calendar to add to the schedule
     */
    calendarId: string;
  };
}
/**
 * Calendar successfully added to schedule
 */
export interface GhlCalendarsAddCalendarToScheduleOutput {
  success?: boolean;
}
/**
 * Input of Remove user availability schedule from a calendar (DELETE /calendars/schedules/{id}/associations/{calendarId}).
 */
export interface GhlCalendarsRemoveCalendarFromScheduleInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    /**
     * Unique identifier of the schedule
     */
    id: string;
    /**
     * Unique identifier of the calendar to remove from the schedule
     */
    calendarId: string;
  };
}
/**
 * Calendar successfully removed from schedule
 */
export interface GhlCalendarsRemoveCalendarFromScheduleOutput {
  success?: boolean;
}
/**
 * Input of Get Calendars (GET /calendars/).
 */
export interface GhlCalendarsGetCalendarsInput {
  /**
   * Query string parameters.
   */
  query: {
    locationId: string;
    groupId?: string;
    showDrafted?: boolean;
  };
}
export interface CalendarsGetSuccessfulResponseDTO {
  calendars?: CalendarDTO[];
}
/**
 * Input of Create Calendar (POST /calendars/).
 */
export interface GhlCalendarsCreateCalendarInput {
  body: CalendarCreateDTO;
}
export interface CalendarCreateDTO {
  /**
   * Should the created calendar be active or draft
   */
  isActive?: boolean;
  /**
   * @deprecated
   * 🚨 Deprecated! Please use 'Calendar Notifications APIs' instead.
   */
  notifications?: CalendarNotification[];
  locationId: string;
  groupId?: string;
  /**
   * Team members are required for calendars of type: Round Robin, Collective, Class, Service. Personal calendar must have exactly one team member.
   */
  teamMembers?: TeamMember[];
  eventType?: 'RoundRobin_OptimizeForAvailability' | 'RoundRobin_OptimizeForEqualDistribution';
  name: string;
  description?: string;
  slug?: string;
  widgetSlug?: string;
  calendarType?: 'round_robin' | 'event' | 'class_booking' | 'collective' | 'service_booking' | 'personal';
  /**
   * Calendar widget type. Choose "default" for "neo" and "classic" for "classic" layout.
   */
  widgetType?: 'default' | 'classic';
  eventTitle?: string;
  eventColor?: string;
  /**
   * @deprecated
   * 🚨 Deprecated! Use `locationConfigurations.location` or `teamMembers[].locationConfigurations.location` instead.
   */
  meetingLocation?: string;
  /**
   * Meeting location configuration for event calendar
   */
  locationConfigurations?: LocationConfiguration[];
  /**
   * This controls the duration of the meeting
   */
  slotDuration?: number;
  /**
   * Unit for slot duration.
   */
  slotDurationUnit?: 'mins' | 'hours';
  /**
   * Slot interval reflects the amount of time the between booking slots that will be shown in the calendar.
   */
  slotInterval?: number;
  /**
   * Unit for slot interval.
   */
  slotIntervalUnit?: 'mins' | 'hours';
  /**
   * Slot-Buffer is additional time that can be added after an appointment, allowing for extra time to wrap up
   */
  slotBuffer?: number;
  /**
   * Unit for slot buffer.
   */
  slotBufferUnit?: 'mins' | 'hours';
  /**
   * Pre-Buffer is additional time that can be added before an appointment, allowing for extra time to get ready
   */
  preBuffer?: number;
  /**
   * Unit for pre-buffer.
   */
  preBufferUnit?: 'mins' | 'hours';
  /**
   * Maximum bookings per slot (per user). Maximum seats per slot in case of Class Booking Calendar.
   */
  appoinmentPerSlot?: number;
  /**
   * Number of appointments that can be booked for a given day
   */
  appoinmentPerDay?: number;
  /**
   * Minimum scheduling notice for events
   */
  allowBookingAfter?: number;
  /**
   * Unit for minimum scheduling notice
   */
  allowBookingAfterUnit?: 'hours' | 'days' | 'weeks' | 'months';
  /**
   * Minimum number of days/weeks/months for which to allow booking events
   */
  allowBookingFor?: number;
  /**
   * Unit for controlling the duration for which booking would be allowed for
   */
  allowBookingForUnit?: 'days' | 'weeks' | 'months';
  /**
   * This is only to set the standard availability. For custom availability, use the availabilities property
   */
  openHours?: OpenHour[];
  /**
   * Enable recurring appointments for the calendars. Please note that only one member should be added in the calendar to enable this
   */
  enableRecurring?: boolean;
  recurring?: Recurring;
  formId?: string;
  stickyContact?: boolean;
  isLivePaymentMode?: boolean;
  autoConfirm?: boolean;
  shouldSendAlertEmailsToAssignedMember?: boolean;
  alertEmail?: string;
  googleInvitationEmails?: boolean;
  allowReschedule?: boolean;
  allowCancellation?: boolean;
  shouldAssignContactToTeamMember?: boolean;
  shouldSkipAssigningContactForExisting?: boolean;
  notes?: string;
  pixelId?: string;
  formSubmitType?: 'RedirectURL' | 'ThankYouMessage';
  formSubmitRedirectURL?: string;
  formSubmitThanksMessage?: string;
  /**
   * Determines which availability type to consider: - **1**: Only custom availabilities will be used. - **0**: Only open hours will be used. - **null**: Both custom availabilities and open hours will be considered.
   */
  availabilityType?: 0 | 1;
  /**
   * This is only to set the custom availability. For standard availability, use the openHours property
   */
  availabilities?: Availability[];
  guestType?: 'count_only' | 'collect_detail';
  consentLabel?: string;
  calendarCoverImage?: string;
  /**
   * Look Busy Configuration
   */
  lookBusyConfig?: LookBusyConfiguration;
}
