/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/operations/** by packages/connectors/scripts/generate-operations.ts.
 * Change the generator (or the reference documents), then run `pnpm generate`.
 */

import type {
  PushpressTriggers,
  PushpressCustomerCreatedPayload,
  PushpressCustomerDetailsChangedPayload,
  PushpressCustomerStatusChangedPayload,
  PushpressCustomerDeletedPayload,
  PushpressEnrollmentCreatedPayload,
  PushpressEnrollmentStatusChangedPayload,
  PushpressEnrollmentDeletedPayload,
  PushpressCheckinCreatedPayload,
  PushpressCheckinUpdatedPayload,
  PushpressCheckinFailedPayload,
  PushpressCheckinDeletedPayload,
  PushpressAppointmentScheduledPayload,
  PushpressAppointmentRescheduledPayload,
  PushpressAppointmentCanceledPayload,
  PushpressAppointmentNoshowedPayload,
  PushpressReservationCreatedPayload,
  PushpressReservationWaitlistedPayload,
  PushpressReservationCanceledPayload,
  PushpressReservationNoshowedPayload,
  PushpressClassCanceledPayload,
  PushpressMemberappUpdatedPayload,
  PushpressAppInstalledPayload,
  PushpressAppUninstalledPayload,
} from './pushpress.js';
export type {
  PushpressTriggers,
  PushpressCustomerCreatedPayload,
  PushpressCustomerDetailsChangedPayload,
  PushpressCustomerStatusChangedPayload,
  PushpressCustomerDeletedPayload,
  PushpressEnrollmentCreatedPayload,
  PushpressEnrollmentStatusChangedPayload,
  PushpressEnrollmentDeletedPayload,
  PushpressCheckinCreatedPayload,
  PushpressCheckinUpdatedPayload,
  PushpressCheckinFailedPayload,
  PushpressCheckinDeletedPayload,
  PushpressAppointmentScheduledPayload,
  PushpressAppointmentRescheduledPayload,
  PushpressAppointmentCanceledPayload,
  PushpressAppointmentNoshowedPayload,
  PushpressReservationCreatedPayload,
  PushpressReservationWaitlistedPayload,
  PushpressReservationCanceledPayload,
  PushpressReservationNoshowedPayload,
  PushpressClassCanceledPayload,
  PushpressMemberappUpdatedPayload,
  PushpressAppInstalledPayload,
  PushpressAppUninstalledPayload,
} from './pushpress.js';
import type {
  GhlContactsOperations,
  GhlContactsSearchContactsAdvancedInput,
  GhlContactsSearchContactsAdvancedOutput,
  GhlContactsGetDuplicateContactInput,
  GhlContactsGetDuplicateContactOutput,
  GhlContactsGetAllTasksInput,
  GhlContactsGetAllTasksOutput,
  GhlContactsCreateTaskInput,
  GhlContactsCreateTaskOutput,
  GhlContactsGetTaskInput,
  GhlContactsGetTaskOutput,
  GhlContactsUpdateTaskInput,
  GhlContactsUpdateTaskOutput,
  GhlContactsDeleteTaskInput,
  GhlContactsDeleteTaskOutput,
  GhlContactsUpdateTaskCompletedInput,
  GhlContactsUpdateTaskCompletedOutput,
  GhlContactsGetAppointmentsForContactInput,
  GhlContactsGetAppointmentsForContactOutput,
  GhlContactsAddTagsInput,
  GhlContactsAddTagsOutput,
  GhlContactsRemoveTagsInput,
  GhlContactsRemoveTagsOutput,
  GhlContactsGetAllNotesInput,
  GhlContactsGetAllNotesOutput,
  GhlContactsCreateNoteInput,
  GhlContactsCreateNoteOutput,
  GhlContactsGetNoteInput,
  GhlContactsGetNoteOutput,
  GhlContactsUpdateNoteInput,
  GhlContactsUpdateNoteOutput,
  GhlContactsDeleteNoteInput,
  GhlContactsDeleteNoteOutput,
  GhlContactsCreateAssociationInput,
  GhlContactsCreateAssociationOutput,
  GhlContactsAddRemoveContactFromBusinessInput,
  GhlContactsAddRemoveContactFromBusinessOutput,
  GhlContactsGetContactInput,
  GhlContactsGetContactOutput,
  GhlContactsUpdateContactInput,
  GhlContactsUpdateContactOutput,
  GhlContactsDeleteContactInput,
  GhlContactsDeleteContactOutput,
  GhlContactsUpsertContactInput,
  GhlContactsUpsertContactOutput,
  GhlContactsGetContactsByBusinessIdInput,
  GhlContactsGetContactsByBusinessIdOutput,
  GhlContactsAddFollowersContactInput,
  GhlContactsAddFollowersContactOutput,
  GhlContactsRemoveFollowersContactInput,
  GhlContactsRemoveFollowersContactOutput,
  GhlContactsAddContactToCampaignInput,
  GhlContactsAddContactToCampaignOutput,
  GhlContactsRemoveContactFromCampaignInput,
  GhlContactsRemoveContactFromCampaignOutput,
  GhlContactsRemoveContactFromEveryCampaignInput,
  GhlContactsRemoveContactFromEveryCampaignOutput,
  GhlContactsAddContactToWorkflowInput,
  GhlContactsAddContactToWorkflowOutput,
  GhlContactsDeleteContactFromWorkflowInput,
  GhlContactsDeleteContactFromWorkflowOutput,
  GhlContactsCreateContactInput,
  GhlContactsCreateContactOutput,
  GhlContactsGetContactsInput,
  GhlContactsGetContactsOutput,
} from './ghl-contacts.js';
export type {
  GhlContactsOperations,
  GhlContactsSearchContactsAdvancedInput,
  GhlContactsSearchContactsAdvancedOutput,
  GhlContactsGetDuplicateContactInput,
  GhlContactsGetDuplicateContactOutput,
  GhlContactsGetAllTasksInput,
  GhlContactsGetAllTasksOutput,
  GhlContactsCreateTaskInput,
  GhlContactsCreateTaskOutput,
  GhlContactsGetTaskInput,
  GhlContactsGetTaskOutput,
  GhlContactsUpdateTaskInput,
  GhlContactsUpdateTaskOutput,
  GhlContactsDeleteTaskInput,
  GhlContactsDeleteTaskOutput,
  GhlContactsUpdateTaskCompletedInput,
  GhlContactsUpdateTaskCompletedOutput,
  GhlContactsGetAppointmentsForContactInput,
  GhlContactsGetAppointmentsForContactOutput,
  GhlContactsAddTagsInput,
  GhlContactsAddTagsOutput,
  GhlContactsRemoveTagsInput,
  GhlContactsRemoveTagsOutput,
  GhlContactsGetAllNotesInput,
  GhlContactsGetAllNotesOutput,
  GhlContactsCreateNoteInput,
  GhlContactsCreateNoteOutput,
  GhlContactsGetNoteInput,
  GhlContactsGetNoteOutput,
  GhlContactsUpdateNoteInput,
  GhlContactsUpdateNoteOutput,
  GhlContactsDeleteNoteInput,
  GhlContactsDeleteNoteOutput,
  GhlContactsCreateAssociationInput,
  GhlContactsCreateAssociationOutput,
  GhlContactsAddRemoveContactFromBusinessInput,
  GhlContactsAddRemoveContactFromBusinessOutput,
  GhlContactsGetContactInput,
  GhlContactsGetContactOutput,
  GhlContactsUpdateContactInput,
  GhlContactsUpdateContactOutput,
  GhlContactsDeleteContactInput,
  GhlContactsDeleteContactOutput,
  GhlContactsUpsertContactInput,
  GhlContactsUpsertContactOutput,
  GhlContactsGetContactsByBusinessIdInput,
  GhlContactsGetContactsByBusinessIdOutput,
  GhlContactsAddFollowersContactInput,
  GhlContactsAddFollowersContactOutput,
  GhlContactsRemoveFollowersContactInput,
  GhlContactsRemoveFollowersContactOutput,
  GhlContactsAddContactToCampaignInput,
  GhlContactsAddContactToCampaignOutput,
  GhlContactsRemoveContactFromCampaignInput,
  GhlContactsRemoveContactFromCampaignOutput,
  GhlContactsRemoveContactFromEveryCampaignInput,
  GhlContactsRemoveContactFromEveryCampaignOutput,
  GhlContactsAddContactToWorkflowInput,
  GhlContactsAddContactToWorkflowOutput,
  GhlContactsDeleteContactFromWorkflowInput,
  GhlContactsDeleteContactFromWorkflowOutput,
  GhlContactsCreateContactInput,
  GhlContactsCreateContactOutput,
  GhlContactsGetContactsInput,
  GhlContactsGetContactsOutput,
} from './ghl-contacts.js';
import type {
  GhlCalendarsOperations,
  GhlCalendarsGetGroupsInput,
  GhlCalendarsGetGroupsOutput,
  GhlCalendarsCreateCalendarGroupInput,
  GhlCalendarsCreateCalendarGroupOutput,
  GhlCalendarsValidateGroupsSlugInput,
  GhlCalendarsValidateGroupsSlugOutput,
  GhlCalendarsDeleteGroupInput,
  GhlCalendarsDeleteGroupOutput,
  GhlCalendarsEditGroupInput,
  GhlCalendarsEditGroupOutput,
  GhlCalendarsDisableGroupInput,
  GhlCalendarsDisableGroupOutput,
  GhlCalendarsCreateAppointmentInput,
  GhlCalendarsCreateAppointmentOutput,
  GhlCalendarsEditAppointmentInput,
  GhlCalendarsEditAppointmentOutput,
  GhlCalendarsGetAppointmentInput,
  GhlCalendarsGetAppointmentOutput,
  GhlCalendarsGetCalendarEventsInput,
  GhlCalendarsGetCalendarEventsOutput,
  GhlCalendarsGetBlockedSlotsInput,
  GhlCalendarsGetBlockedSlotsOutput,
  GhlCalendarsCreateBlockSlotInput,
  GhlCalendarsCreateBlockSlotOutput,
  GhlCalendarsEditBlockSlotInput,
  GhlCalendarsEditBlockSlotOutput,
  GhlCalendarsGetSlotsInput,
  GhlCalendarsGetSlotsOutput,
  GhlCalendarsUpdateCalendarInput,
  GhlCalendarsUpdateCalendarOutput,
  GhlCalendarsGetCalendarInput,
  GhlCalendarsGetCalendarOutput,
  GhlCalendarsDeleteCalendarInput,
  GhlCalendarsDeleteCalendarOutput,
  GhlCalendarsDeleteEventInput,
  GhlCalendarsDeleteEventOutput,
  GhlCalendarsGetAppointmentNotesInput,
  GhlCalendarsGetAppointmentNotesOutput,
  GhlCalendarsCreateAppointmentNoteInput,
  GhlCalendarsCreateAppointmentNoteOutput,
  GhlCalendarsUpdateAppointmentNoteInput,
  GhlCalendarsUpdateAppointmentNoteOutput,
  GhlCalendarsDeleteAppointmentNoteInput,
  GhlCalendarsDeleteAppointmentNoteOutput,
  GhlCalendarsGetCalendarResourceInput,
  GhlCalendarsGetCalendarResourceOutput,
  GhlCalendarsUpdateCalendarResourceInput,
  GhlCalendarsUpdateCalendarResourceOutput,
  GhlCalendarsDeleteCalendarResourceInput,
  GhlCalendarsDeleteCalendarResourceOutput,
  GhlCalendarsFetchCalendarResourcesInput,
  GhlCalendarsFetchCalendarResourcesOutput,
  GhlCalendarsCreateCalendarResourceInput,
  GhlCalendarsCreateCalendarResourceOutput,
  GhlCalendarsGetEventNotificationInput,
  GhlCalendarsGetEventNotificationOutput,
  GhlCalendarsCreateEventNotificationInput,
  GhlCalendarsCreateEventNotificationOutput,
  GhlCalendarsFindEventNotificationInput,
  GhlCalendarsFindEventNotificationOutput,
  GhlCalendarsUpdateEventNotificationInput,
  GhlCalendarsUpdateEventNotificationOutput,
  GhlCalendarsDeleteEventNotificationInput,
  GhlCalendarsDeleteEventNotificationOutput,
  GhlCalendarsGetAllSchedulesInput,
  GhlCalendarsGetAllSchedulesOutput,
  GhlCalendarsGetScheduleByIdInput,
  GhlCalendarsGetScheduleByIdOutput,
  GhlCalendarsUpdateScheduleInput,
  GhlCalendarsUpdateScheduleOutput,
  GhlCalendarsDeleteScheduleInput,
  GhlCalendarsDeleteScheduleOutput,
  GhlCalendarsCreateScheduleInput,
  GhlCalendarsCreateScheduleOutput,
  GhlCalendarsAddCalendarToScheduleInput,
  GhlCalendarsAddCalendarToScheduleOutput,
  GhlCalendarsRemoveCalendarFromScheduleInput,
  GhlCalendarsRemoveCalendarFromScheduleOutput,
  GhlCalendarsGetCalendarsInput,
  GhlCalendarsGetCalendarsOutput,
  GhlCalendarsCreateCalendarInput,
  GhlCalendarsCreateCalendarOutput,
} from './ghl-calendars.js';
export type {
  GhlCalendarsOperations,
  GhlCalendarsGetGroupsInput,
  GhlCalendarsGetGroupsOutput,
  GhlCalendarsCreateCalendarGroupInput,
  GhlCalendarsCreateCalendarGroupOutput,
  GhlCalendarsValidateGroupsSlugInput,
  GhlCalendarsValidateGroupsSlugOutput,
  GhlCalendarsDeleteGroupInput,
  GhlCalendarsDeleteGroupOutput,
  GhlCalendarsEditGroupInput,
  GhlCalendarsEditGroupOutput,
  GhlCalendarsDisableGroupInput,
  GhlCalendarsDisableGroupOutput,
  GhlCalendarsCreateAppointmentInput,
  GhlCalendarsCreateAppointmentOutput,
  GhlCalendarsEditAppointmentInput,
  GhlCalendarsEditAppointmentOutput,
  GhlCalendarsGetAppointmentInput,
  GhlCalendarsGetAppointmentOutput,
  GhlCalendarsGetCalendarEventsInput,
  GhlCalendarsGetCalendarEventsOutput,
  GhlCalendarsGetBlockedSlotsInput,
  GhlCalendarsGetBlockedSlotsOutput,
  GhlCalendarsCreateBlockSlotInput,
  GhlCalendarsCreateBlockSlotOutput,
  GhlCalendarsEditBlockSlotInput,
  GhlCalendarsEditBlockSlotOutput,
  GhlCalendarsGetSlotsInput,
  GhlCalendarsGetSlotsOutput,
  GhlCalendarsUpdateCalendarInput,
  GhlCalendarsUpdateCalendarOutput,
  GhlCalendarsGetCalendarInput,
  GhlCalendarsGetCalendarOutput,
  GhlCalendarsDeleteCalendarInput,
  GhlCalendarsDeleteCalendarOutput,
  GhlCalendarsDeleteEventInput,
  GhlCalendarsDeleteEventOutput,
  GhlCalendarsGetAppointmentNotesInput,
  GhlCalendarsGetAppointmentNotesOutput,
  GhlCalendarsCreateAppointmentNoteInput,
  GhlCalendarsCreateAppointmentNoteOutput,
  GhlCalendarsUpdateAppointmentNoteInput,
  GhlCalendarsUpdateAppointmentNoteOutput,
  GhlCalendarsDeleteAppointmentNoteInput,
  GhlCalendarsDeleteAppointmentNoteOutput,
  GhlCalendarsGetCalendarResourceInput,
  GhlCalendarsGetCalendarResourceOutput,
  GhlCalendarsUpdateCalendarResourceInput,
  GhlCalendarsUpdateCalendarResourceOutput,
  GhlCalendarsDeleteCalendarResourceInput,
  GhlCalendarsDeleteCalendarResourceOutput,
  GhlCalendarsFetchCalendarResourcesInput,
  GhlCalendarsFetchCalendarResourcesOutput,
  GhlCalendarsCreateCalendarResourceInput,
  GhlCalendarsCreateCalendarResourceOutput,
  GhlCalendarsGetEventNotificationInput,
  GhlCalendarsGetEventNotificationOutput,
  GhlCalendarsCreateEventNotificationInput,
  GhlCalendarsCreateEventNotificationOutput,
  GhlCalendarsFindEventNotificationInput,
  GhlCalendarsFindEventNotificationOutput,
  GhlCalendarsUpdateEventNotificationInput,
  GhlCalendarsUpdateEventNotificationOutput,
  GhlCalendarsDeleteEventNotificationInput,
  GhlCalendarsDeleteEventNotificationOutput,
  GhlCalendarsGetAllSchedulesInput,
  GhlCalendarsGetAllSchedulesOutput,
  GhlCalendarsGetScheduleByIdInput,
  GhlCalendarsGetScheduleByIdOutput,
  GhlCalendarsUpdateScheduleInput,
  GhlCalendarsUpdateScheduleOutput,
  GhlCalendarsDeleteScheduleInput,
  GhlCalendarsDeleteScheduleOutput,
  GhlCalendarsCreateScheduleInput,
  GhlCalendarsCreateScheduleOutput,
  GhlCalendarsAddCalendarToScheduleInput,
  GhlCalendarsAddCalendarToScheduleOutput,
  GhlCalendarsRemoveCalendarFromScheduleInput,
  GhlCalendarsRemoveCalendarFromScheduleOutput,
  GhlCalendarsGetCalendarsInput,
  GhlCalendarsGetCalendarsOutput,
  GhlCalendarsCreateCalendarInput,
  GhlCalendarsCreateCalendarOutput,
} from './ghl-calendars.js';
import type {
  GhlOpportunitiesOperations,
  GhlOpportunitiesGetLostReasonInput,
  GhlOpportunitiesGetLostReasonOutput,
  GhlOpportunitiesSearchOpportunityInput,
  GhlOpportunitiesSearchOpportunityOutput,
  GhlOpportunitiesSearchOpportunitiesAdvancedInput,
  GhlOpportunitiesSearchOpportunitiesAdvancedOutput,
  GhlOpportunitiesGetPipelinesInput,
  GhlOpportunitiesGetPipelinesOutput,
  GhlOpportunitiesGetOpportunityInput,
  GhlOpportunitiesGetOpportunityOutput,
  GhlOpportunitiesDeleteOpportunityInput,
  GhlOpportunitiesDeleteOpportunityOutput,
  GhlOpportunitiesUpdateOpportunityInput,
  GhlOpportunitiesUpdateOpportunityOutput,
  GhlOpportunitiesUpdateOpportunityStatusInput,
  GhlOpportunitiesUpdateOpportunityStatusOutput,
  GhlOpportunitiesUpsertOpportunityInput,
  GhlOpportunitiesUpsertOpportunityOutput,
  GhlOpportunitiesAddFollowersOpportunityInput,
  GhlOpportunitiesAddFollowersOpportunityOutput,
  GhlOpportunitiesRemoveFollowersOpportunityInput,
  GhlOpportunitiesRemoveFollowersOpportunityOutput,
  GhlOpportunitiesCreateOpportunityInput,
  GhlOpportunitiesCreateOpportunityOutput,
} from './ghl-opportunities.js';
export type {
  GhlOpportunitiesOperations,
  GhlOpportunitiesGetLostReasonInput,
  GhlOpportunitiesGetLostReasonOutput,
  GhlOpportunitiesSearchOpportunityInput,
  GhlOpportunitiesSearchOpportunityOutput,
  GhlOpportunitiesSearchOpportunitiesAdvancedInput,
  GhlOpportunitiesSearchOpportunitiesAdvancedOutput,
  GhlOpportunitiesGetPipelinesInput,
  GhlOpportunitiesGetPipelinesOutput,
  GhlOpportunitiesGetOpportunityInput,
  GhlOpportunitiesGetOpportunityOutput,
  GhlOpportunitiesDeleteOpportunityInput,
  GhlOpportunitiesDeleteOpportunityOutput,
  GhlOpportunitiesUpdateOpportunityInput,
  GhlOpportunitiesUpdateOpportunityOutput,
  GhlOpportunitiesUpdateOpportunityStatusInput,
  GhlOpportunitiesUpdateOpportunityStatusOutput,
  GhlOpportunitiesUpsertOpportunityInput,
  GhlOpportunitiesUpsertOpportunityOutput,
  GhlOpportunitiesAddFollowersOpportunityInput,
  GhlOpportunitiesAddFollowersOpportunityOutput,
  GhlOpportunitiesRemoveFollowersOpportunityInput,
  GhlOpportunitiesRemoveFollowersOpportunityOutput,
  GhlOpportunitiesCreateOpportunityInput,
  GhlOpportunitiesCreateOpportunityOutput,
} from './ghl-opportunities.js';
import type {
  GhlUsersOperations,
  GhlUsersSearchUsersInput,
  GhlUsersSearchUsersOutput,
  GhlUsersFilterUsersByEmailInput,
  GhlUsersFilterUsersByEmailOutput,
  GhlUsersGetUserInput,
  GhlUsersGetUserOutput,
  GhlUsersUpdateUserInput,
  GhlUsersUpdateUserOutput,
  GhlUsersDeleteUserInput,
  GhlUsersDeleteUserOutput,
  GhlUsersGetUserByLocationInput,
  GhlUsersGetUserByLocationOutput,
  GhlUsersCreateUserInput,
  GhlUsersCreateUserOutput,
} from './ghl-users.js';
export type {
  GhlUsersOperations,
  GhlUsersSearchUsersInput,
  GhlUsersSearchUsersOutput,
  GhlUsersFilterUsersByEmailInput,
  GhlUsersFilterUsersByEmailOutput,
  GhlUsersGetUserInput,
  GhlUsersGetUserOutput,
  GhlUsersUpdateUserInput,
  GhlUsersUpdateUserOutput,
  GhlUsersDeleteUserInput,
  GhlUsersDeleteUserOutput,
  GhlUsersGetUserByLocationInput,
  GhlUsersGetUserByLocationOutput,
  GhlUsersCreateUserInput,
  GhlUsersCreateUserOutput,
} from './ghl-users.js';
import type {
  GhlLocationsOperations,
  GhlLocationsGetLocationTagsInput,
  GhlLocationsGetLocationTagsOutput,
  GhlLocationsCreateTagInput,
  GhlLocationsCreateTagOutput,
  GhlLocationsGetTagByIdInput,
  GhlLocationsGetTagByIdOutput,
  GhlLocationsUpdateTagInput,
  GhlLocationsUpdateTagOutput,
  GhlLocationsDeleteTagInput,
  GhlLocationsDeleteTagOutput,
  GhlLocationsGetCustomFieldsInput,
  GhlLocationsGetCustomFieldsOutput,
  GhlLocationsCreateCustomFieldInput,
  GhlLocationsCreateCustomFieldOutput,
  GhlLocationsGetCustomFieldInput,
  GhlLocationsGetCustomFieldOutput,
  GhlLocationsUpdateCustomFieldInput,
  GhlLocationsUpdateCustomFieldOutput,
  GhlLocationsDeleteCustomFieldInput,
  GhlLocationsDeleteCustomFieldOutput,
  GhlLocationsUploadFileCustomFieldsInput,
  GhlLocationsUploadFileCustomFieldsOutput,
} from './ghl-locations.js';
export type {
  GhlLocationsOperations,
  GhlLocationsGetLocationTagsInput,
  GhlLocationsGetLocationTagsOutput,
  GhlLocationsCreateTagInput,
  GhlLocationsCreateTagOutput,
  GhlLocationsGetTagByIdInput,
  GhlLocationsGetTagByIdOutput,
  GhlLocationsUpdateTagInput,
  GhlLocationsUpdateTagOutput,
  GhlLocationsDeleteTagInput,
  GhlLocationsDeleteTagOutput,
  GhlLocationsGetCustomFieldsInput,
  GhlLocationsGetCustomFieldsOutput,
  GhlLocationsCreateCustomFieldInput,
  GhlLocationsCreateCustomFieldOutput,
  GhlLocationsGetCustomFieldInput,
  GhlLocationsGetCustomFieldOutput,
  GhlLocationsUpdateCustomFieldInput,
  GhlLocationsUpdateCustomFieldOutput,
  GhlLocationsDeleteCustomFieldInput,
  GhlLocationsDeleteCustomFieldOutput,
  GhlLocationsUploadFileCustomFieldsInput,
  GhlLocationsUploadFileCustomFieldsOutput,
} from './ghl-locations.js';

/** The input (trigger: payload) and output type of every catalog operation, keyed by operation id. */
export interface OperationTypes {
  'pushpress.customer.created': { input: PushpressCustomerCreatedPayload };
  'pushpress.customer.details.changed': { input: PushpressCustomerDetailsChangedPayload };
  'pushpress.customer.status.changed': { input: PushpressCustomerStatusChangedPayload };
  'pushpress.customer.deleted': { input: PushpressCustomerDeletedPayload };
  'pushpress.enrollment.created': { input: PushpressEnrollmentCreatedPayload };
  'pushpress.enrollment.status.changed': { input: PushpressEnrollmentStatusChangedPayload };
  'pushpress.enrollment.deleted': { input: PushpressEnrollmentDeletedPayload };
  'pushpress.checkin.created': { input: PushpressCheckinCreatedPayload };
  'pushpress.checkin.updated': { input: PushpressCheckinUpdatedPayload };
  'pushpress.checkin.failed': { input: PushpressCheckinFailedPayload };
  'pushpress.checkin.deleted': { input: PushpressCheckinDeletedPayload };
  'pushpress.appointment.scheduled': { input: PushpressAppointmentScheduledPayload };
  'pushpress.appointment.rescheduled': { input: PushpressAppointmentRescheduledPayload };
  'pushpress.appointment.canceled': { input: PushpressAppointmentCanceledPayload };
  'pushpress.appointment.noshowed': { input: PushpressAppointmentNoshowedPayload };
  'pushpress.reservation.created': { input: PushpressReservationCreatedPayload };
  'pushpress.reservation.waitlisted': { input: PushpressReservationWaitlistedPayload };
  'pushpress.reservation.canceled': { input: PushpressReservationCanceledPayload };
  'pushpress.reservation.noshowed': { input: PushpressReservationNoshowedPayload };
  'pushpress.class.canceled': { input: PushpressClassCanceledPayload };
  'pushpress.memberapp.updated': { input: PushpressMemberappUpdatedPayload };
  'pushpress.app.installed': { input: PushpressAppInstalledPayload };
  'pushpress.app.uninstalled': { input: PushpressAppUninstalledPayload };
  'ghl.contacts.search-contacts-advanced': { input: GhlContactsSearchContactsAdvancedInput; output: GhlContactsSearchContactsAdvancedOutput };
  'ghl.contacts.get-duplicate-contact': { input: GhlContactsGetDuplicateContactInput; output: GhlContactsGetDuplicateContactOutput };
  'ghl.contacts.get-all-tasks': { input: GhlContactsGetAllTasksInput; output: GhlContactsGetAllTasksOutput };
  'ghl.contacts.create-task': { input: GhlContactsCreateTaskInput; output: GhlContactsCreateTaskOutput };
  'ghl.contacts.get-task': { input: GhlContactsGetTaskInput; output: GhlContactsGetTaskOutput };
  'ghl.contacts.update-task': { input: GhlContactsUpdateTaskInput; output: GhlContactsUpdateTaskOutput };
  'ghl.contacts.delete-task': { input: GhlContactsDeleteTaskInput; output: GhlContactsDeleteTaskOutput };
  'ghl.contacts.update-task-completed': { input: GhlContactsUpdateTaskCompletedInput; output: GhlContactsUpdateTaskCompletedOutput };
  'ghl.contacts.get-appointments-for-contact': { input: GhlContactsGetAppointmentsForContactInput; output: GhlContactsGetAppointmentsForContactOutput };
  'ghl.contacts.add-tags': { input: GhlContactsAddTagsInput; output: GhlContactsAddTagsOutput };
  'ghl.contacts.remove-tags': { input: GhlContactsRemoveTagsInput; output: GhlContactsRemoveTagsOutput };
  'ghl.contacts.get-all-notes': { input: GhlContactsGetAllNotesInput; output: GhlContactsGetAllNotesOutput };
  'ghl.contacts.create-note': { input: GhlContactsCreateNoteInput; output: GhlContactsCreateNoteOutput };
  'ghl.contacts.get-note': { input: GhlContactsGetNoteInput; output: GhlContactsGetNoteOutput };
  'ghl.contacts.update-note': { input: GhlContactsUpdateNoteInput; output: GhlContactsUpdateNoteOutput };
  'ghl.contacts.delete-note': { input: GhlContactsDeleteNoteInput; output: GhlContactsDeleteNoteOutput };
  'ghl.contacts.create-association': { input: GhlContactsCreateAssociationInput; output: GhlContactsCreateAssociationOutput };
  'ghl.contacts.add-remove-contact-from-business': { input: GhlContactsAddRemoveContactFromBusinessInput; output: GhlContactsAddRemoveContactFromBusinessOutput };
  'ghl.contacts.get-contact': { input: GhlContactsGetContactInput; output: GhlContactsGetContactOutput };
  'ghl.contacts.update-contact': { input: GhlContactsUpdateContactInput; output: GhlContactsUpdateContactOutput };
  'ghl.contacts.delete-contact': { input: GhlContactsDeleteContactInput; output: GhlContactsDeleteContactOutput };
  'ghl.contacts.upsert-contact': { input: GhlContactsUpsertContactInput; output: GhlContactsUpsertContactOutput };
  'ghl.contacts.get-contacts-by-businessId': { input: GhlContactsGetContactsByBusinessIdInput; output: GhlContactsGetContactsByBusinessIdOutput };
  'ghl.contacts.add-followers-contact': { input: GhlContactsAddFollowersContactInput; output: GhlContactsAddFollowersContactOutput };
  'ghl.contacts.remove-followers-contact': { input: GhlContactsRemoveFollowersContactInput; output: GhlContactsRemoveFollowersContactOutput };
  'ghl.contacts.add-contact-to-campaign': { input: GhlContactsAddContactToCampaignInput; output: GhlContactsAddContactToCampaignOutput };
  'ghl.contacts.remove-contact-from-campaign': { input: GhlContactsRemoveContactFromCampaignInput; output: GhlContactsRemoveContactFromCampaignOutput };
  'ghl.contacts.remove-contact-from-every-campaign': { input: GhlContactsRemoveContactFromEveryCampaignInput; output: GhlContactsRemoveContactFromEveryCampaignOutput };
  'ghl.contacts.add-contact-to-workflow': { input: GhlContactsAddContactToWorkflowInput; output: GhlContactsAddContactToWorkflowOutput };
  'ghl.contacts.delete-contact-from-workflow': { input: GhlContactsDeleteContactFromWorkflowInput; output: GhlContactsDeleteContactFromWorkflowOutput };
  'ghl.contacts.create-contact': { input: GhlContactsCreateContactInput; output: GhlContactsCreateContactOutput };
  'ghl.contacts.get-contacts': { input: GhlContactsGetContactsInput; output: GhlContactsGetContactsOutput };
  'ghl.calendars.get-groups': { input: GhlCalendarsGetGroupsInput; output: GhlCalendarsGetGroupsOutput };
  'ghl.calendars.create-calendar-group': { input: GhlCalendarsCreateCalendarGroupInput; output: GhlCalendarsCreateCalendarGroupOutput };
  'ghl.calendars.validate-groups-slug': { input: GhlCalendarsValidateGroupsSlugInput; output: GhlCalendarsValidateGroupsSlugOutput };
  'ghl.calendars.delete-group': { input: GhlCalendarsDeleteGroupInput; output: GhlCalendarsDeleteGroupOutput };
  'ghl.calendars.edit-group': { input: GhlCalendarsEditGroupInput; output: GhlCalendarsEditGroupOutput };
  'ghl.calendars.disable-group': { input: GhlCalendarsDisableGroupInput; output: GhlCalendarsDisableGroupOutput };
  'ghl.calendars.create-appointment': { input: GhlCalendarsCreateAppointmentInput; output: GhlCalendarsCreateAppointmentOutput };
  'ghl.calendars.edit-appointment': { input: GhlCalendarsEditAppointmentInput; output: GhlCalendarsEditAppointmentOutput };
  'ghl.calendars.get-appointment': { input: GhlCalendarsGetAppointmentInput; output: GhlCalendarsGetAppointmentOutput };
  'ghl.calendars.get-calendar-events': { input: GhlCalendarsGetCalendarEventsInput; output: GhlCalendarsGetCalendarEventsOutput };
  'ghl.calendars.get-blocked-slots': { input: GhlCalendarsGetBlockedSlotsInput; output: GhlCalendarsGetBlockedSlotsOutput };
  'ghl.calendars.create-block-slot': { input: GhlCalendarsCreateBlockSlotInput; output: GhlCalendarsCreateBlockSlotOutput };
  'ghl.calendars.edit-block-slot': { input: GhlCalendarsEditBlockSlotInput; output: GhlCalendarsEditBlockSlotOutput };
  'ghl.calendars.get-slots': { input: GhlCalendarsGetSlotsInput; output: GhlCalendarsGetSlotsOutput };
  'ghl.calendars.update-calendar': { input: GhlCalendarsUpdateCalendarInput; output: GhlCalendarsUpdateCalendarOutput };
  'ghl.calendars.get-calendar': { input: GhlCalendarsGetCalendarInput; output: GhlCalendarsGetCalendarOutput };
  'ghl.calendars.delete-calendar': { input: GhlCalendarsDeleteCalendarInput; output: GhlCalendarsDeleteCalendarOutput };
  'ghl.calendars.delete-event': { input: GhlCalendarsDeleteEventInput; output: GhlCalendarsDeleteEventOutput };
  'ghl.calendars.get-appointment-notes': { input: GhlCalendarsGetAppointmentNotesInput; output: GhlCalendarsGetAppointmentNotesOutput };
  'ghl.calendars.create-appointment-note': { input: GhlCalendarsCreateAppointmentNoteInput; output: GhlCalendarsCreateAppointmentNoteOutput };
  'ghl.calendars.update-appointment-note': { input: GhlCalendarsUpdateAppointmentNoteInput; output: GhlCalendarsUpdateAppointmentNoteOutput };
  'ghl.calendars.delete-appointment-note': { input: GhlCalendarsDeleteAppointmentNoteInput; output: GhlCalendarsDeleteAppointmentNoteOutput };
  'ghl.calendars.get-calendar-resource': { input: GhlCalendarsGetCalendarResourceInput; output: GhlCalendarsGetCalendarResourceOutput };
  'ghl.calendars.update-calendar-resource': { input: GhlCalendarsUpdateCalendarResourceInput; output: GhlCalendarsUpdateCalendarResourceOutput };
  'ghl.calendars.delete-calendar-resource': { input: GhlCalendarsDeleteCalendarResourceInput; output: GhlCalendarsDeleteCalendarResourceOutput };
  'ghl.calendars.fetch-calendar-resources': { input: GhlCalendarsFetchCalendarResourcesInput; output: GhlCalendarsFetchCalendarResourcesOutput };
  'ghl.calendars.create-calendar-resource': { input: GhlCalendarsCreateCalendarResourceInput; output: GhlCalendarsCreateCalendarResourceOutput };
  'ghl.calendars.get-event-notification': { input: GhlCalendarsGetEventNotificationInput; output: GhlCalendarsGetEventNotificationOutput };
  'ghl.calendars.create-event-notification': { input: GhlCalendarsCreateEventNotificationInput; output: GhlCalendarsCreateEventNotificationOutput };
  'ghl.calendars.find-event-notification': { input: GhlCalendarsFindEventNotificationInput; output: GhlCalendarsFindEventNotificationOutput };
  'ghl.calendars.update-event-notification': { input: GhlCalendarsUpdateEventNotificationInput; output: GhlCalendarsUpdateEventNotificationOutput };
  'ghl.calendars.delete-event-notification': { input: GhlCalendarsDeleteEventNotificationInput; output: GhlCalendarsDeleteEventNotificationOutput };
  'ghl.calendars.getAllSchedules': { input: GhlCalendarsGetAllSchedulesInput; output: GhlCalendarsGetAllSchedulesOutput };
  'ghl.calendars.getScheduleById': { input: GhlCalendarsGetScheduleByIdInput; output: GhlCalendarsGetScheduleByIdOutput };
  'ghl.calendars.updateSchedule': { input: GhlCalendarsUpdateScheduleInput; output: GhlCalendarsUpdateScheduleOutput };
  'ghl.calendars.deleteSchedule': { input: GhlCalendarsDeleteScheduleInput; output: GhlCalendarsDeleteScheduleOutput };
  'ghl.calendars.createSchedule': { input: GhlCalendarsCreateScheduleInput; output: GhlCalendarsCreateScheduleOutput };
  'ghl.calendars.add-calendar-to-schedule': { input: GhlCalendarsAddCalendarToScheduleInput; output: GhlCalendarsAddCalendarToScheduleOutput };
  'ghl.calendars.remove-calendar-from-schedule': { input: GhlCalendarsRemoveCalendarFromScheduleInput; output: GhlCalendarsRemoveCalendarFromScheduleOutput };
  'ghl.calendars.get-calendars': { input: GhlCalendarsGetCalendarsInput; output: GhlCalendarsGetCalendarsOutput };
  'ghl.calendars.create-calendar': { input: GhlCalendarsCreateCalendarInput; output: GhlCalendarsCreateCalendarOutput };
  'ghl.opportunities.get-lost-reason': { input: GhlOpportunitiesGetLostReasonInput; output: GhlOpportunitiesGetLostReasonOutput };
  'ghl.opportunities.search-opportunity': { input: GhlOpportunitiesSearchOpportunityInput; output: GhlOpportunitiesSearchOpportunityOutput };
  'ghl.opportunities.search-opportunities-advanced': { input: GhlOpportunitiesSearchOpportunitiesAdvancedInput; output: GhlOpportunitiesSearchOpportunitiesAdvancedOutput };
  'ghl.opportunities.get-pipelines': { input: GhlOpportunitiesGetPipelinesInput; output: GhlOpportunitiesGetPipelinesOutput };
  'ghl.opportunities.get-opportunity': { input: GhlOpportunitiesGetOpportunityInput; output: GhlOpportunitiesGetOpportunityOutput };
  'ghl.opportunities.delete-opportunity': { input: GhlOpportunitiesDeleteOpportunityInput; output: GhlOpportunitiesDeleteOpportunityOutput };
  'ghl.opportunities.update-opportunity': { input: GhlOpportunitiesUpdateOpportunityInput; output: GhlOpportunitiesUpdateOpportunityOutput };
  'ghl.opportunities.update-opportunity-status': { input: GhlOpportunitiesUpdateOpportunityStatusInput; output: GhlOpportunitiesUpdateOpportunityStatusOutput };
  'ghl.opportunities.Upsert-opportunity': { input: GhlOpportunitiesUpsertOpportunityInput; output: GhlOpportunitiesUpsertOpportunityOutput };
  'ghl.opportunities.add-followers-opportunity': { input: GhlOpportunitiesAddFollowersOpportunityInput; output: GhlOpportunitiesAddFollowersOpportunityOutput };
  'ghl.opportunities.remove-followers-opportunity': { input: GhlOpportunitiesRemoveFollowersOpportunityInput; output: GhlOpportunitiesRemoveFollowersOpportunityOutput };
  'ghl.opportunities.create-opportunity': { input: GhlOpportunitiesCreateOpportunityInput; output: GhlOpportunitiesCreateOpportunityOutput };
  'ghl.users.search-users': { input: GhlUsersSearchUsersInput; output: GhlUsersSearchUsersOutput };
  'ghl.users.filter-users-by-email': { input: GhlUsersFilterUsersByEmailInput; output: GhlUsersFilterUsersByEmailOutput };
  'ghl.users.get-user': { input: GhlUsersGetUserInput; output: GhlUsersGetUserOutput };
  'ghl.users.update-user': { input: GhlUsersUpdateUserInput; output: GhlUsersUpdateUserOutput };
  'ghl.users.delete-user': { input: GhlUsersDeleteUserInput; output: GhlUsersDeleteUserOutput };
  'ghl.users.get-user-by-location': { input: GhlUsersGetUserByLocationInput; output: GhlUsersGetUserByLocationOutput };
  'ghl.users.create-user': { input: GhlUsersCreateUserInput; output: GhlUsersCreateUserOutput };
  'ghl.locations.get-location-tags': { input: GhlLocationsGetLocationTagsInput; output: GhlLocationsGetLocationTagsOutput };
  'ghl.locations.create-tag': { input: GhlLocationsCreateTagInput; output: GhlLocationsCreateTagOutput };
  'ghl.locations.get-tag-by-id': { input: GhlLocationsGetTagByIdInput; output: GhlLocationsGetTagByIdOutput };
  'ghl.locations.update-tag': { input: GhlLocationsUpdateTagInput; output: GhlLocationsUpdateTagOutput };
  'ghl.locations.delete-tag': { input: GhlLocationsDeleteTagInput; output: GhlLocationsDeleteTagOutput };
  'ghl.locations.get-custom-fields': { input: GhlLocationsGetCustomFieldsInput; output: GhlLocationsGetCustomFieldsOutput };
  'ghl.locations.create-custom-field': { input: GhlLocationsCreateCustomFieldInput; output: GhlLocationsCreateCustomFieldOutput };
  'ghl.locations.get-custom-field': { input: GhlLocationsGetCustomFieldInput; output: GhlLocationsGetCustomFieldOutput };
  'ghl.locations.update-custom-field': { input: GhlLocationsUpdateCustomFieldInput; output: GhlLocationsUpdateCustomFieldOutput };
  'ghl.locations.delete-custom-field': { input: GhlLocationsDeleteCustomFieldInput; output: GhlLocationsDeleteCustomFieldOutput };
  'ghl.locations.upload-file-customFields': { input: GhlLocationsUploadFileCustomFieldsInput; output: GhlLocationsUploadFileCustomFieldsOutput };
}

export type OperationId = keyof OperationTypes;
