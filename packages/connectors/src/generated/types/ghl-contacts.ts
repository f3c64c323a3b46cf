/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/operations/** by packages/connectors/scripts/generate-operations.ts.
 * Change the generator (or the reference documents), then run `pnpm generate`.
 */

/**
 * Successful response
 */
export type GhlContactsGetAllTasksOutput = TasksListSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsCreateTaskOutput = TaskByIsSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsGetTaskOutput = TaskByIsSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsUpdateTaskOutput = TaskByIsSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsDeleteTaskOutput = DeleteTaskSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsUpdateTaskCompletedOutput = TaskByIsSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsGetAppointmentsForContactOutput = GetEventsSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsAddTagsOutput = CreateAddTagSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsRemoveTagsOutput = CreateDeleteTagSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsGetAllNotesOutput = GetNotesListSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsCreateNoteOutput = GetCreateUpdateNoteSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsGetNoteOutput = GetCreateUpdateNoteSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsUpdateNoteOutput = GetCreateUpdateNoteSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsDeleteNoteOutput = DeleteNoteSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsCreateAssociationOutput = UpdateTagsResponseDTO;
/**
 * Successful response
 */
export type GhlContactsAddRemoveContactFromBusinessOutput = ContactsBulkUpateResponse;
/**
 * Successful response
 */
export type GhlContactsGetContactOutput = ContactsByIdSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsUpdateContactOutput = UpdateContactsSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsDeleteContactOutput = DeleteContactsSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsUpsertContactOutput = UpsertContactsSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsGetContactsByBusinessIdOutput = ContactsSearchSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsAddFollowersContactOutput = CreateAddFollowersSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsRemoveFollowersContactOutput = DeleteFollowersSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsAddContactToCampaignOutput = CreateDeleteCantactsCampaignsSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsRemoveContactFromCampaignOutput = CreateDeleteCantactsCampaignsSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsRemoveContactFromEveryCampaignOutput = CreateDeleteCantactsCampaignsSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsAddContactToWorkflowOutput = ContactsWorkflowSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsDeleteContactFromWorkflowOutput = ContactsWorkflowSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsCreateContactOutput = CreateContactsSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlContactsGetContactsOutput = ContactsSearchSuccessfulResponseDto;

/**
 * Input and output types of every ghl.contacts operation, keyed by operationId.
 */
export interface GhlContactsOperations {
  'search-contacts-advanced': {
    input: GhlContactsSearchContactsAdvancedInput;
    output: GhlContactsSearchContactsAdvancedOutput;
  };
  'get-duplicate-contact': {
    input: GhlContactsGetDuplicateContactInput;
    output: GhlContactsGetDuplicateContactOutput;
  };
  'get-all-tasks': {
    input: GhlContactsGetAllTasksInput;
    output: GhlContactsGetAllTasksOutput;
  };
  'create-task': {
    input: GhlContactsCreateTaskInput;
    output: GhlContactsCreateTaskOutput;
  };
  'get-task': {
    input: GhlContactsGetTaskInput;
    output: GhlContactsGetTaskOutput;
  };
  'update-task': {
    input: GhlContactsUpdateTaskInput;
    output: GhlContactsUpdateTaskOutput;
  };
  'delete-task': {
    input: GhlContactsDeleteTaskInput;
    output: GhlContactsDeleteTaskOutput;
  };
  'update-task-completed': {
    input: GhlContactsUpdateTaskCompletedInput;
    output: GhlContactsUpdateTaskCompletedOutput;
  };
  'get-appointments-for-contact': {
    input: GhlContactsGetAppointmentsForContactInput;
    output: GhlContactsGetAppointmentsForContactOutput;
  };
  'add-tags': {
    input: GhlContactsAddTagsInput;
    output: GhlContactsAddTagsOutput;
  };
  'remove-tags': {
    input: GhlContactsRemoveTagsInput;
    output: GhlContactsRemoveTagsOutput;
  };
  'get-all-notes': {
    input: GhlContactsGetAllNotesInput;
    output: GhlContactsGetAllNotesOutput;
  };
  'create-note': {
    input: GhlContactsCreateNoteInput;
    output: GhlContactsCreateNoteOutput;
  };
  'get-note': {
    input: GhlContactsGetNoteInput;
    output: GhlContactsGetNoteOutput;
  };
  'update-note': {
    input: GhlContactsUpdateNoteInput;
    output: GhlContactsUpdateNoteOutput;
  };
  'delete-note': {
    input: GhlContactsDeleteNoteInput;
    output: GhlContactsDeleteNoteOutput;
  };
  'create-association': {
    input: GhlContactsCreateAssociationInput;
    output: GhlContactsCreateAssociationOutput;
  };
  'add-remove-contact-from-business': {
    input: GhlContactsAddRemoveContactFromBusinessInput;
    output: GhlContactsAddRemoveContactFromBusinessOutput;
  };
  'get-contact': {
    input: GhlContactsGetContactInput;
    output: GhlContactsGetContactOutput;
  };
  'update-contact': {
    input: GhlContactsUpdateContactInput;
    output: GhlContactsUpdateContactOutput;
  };
  'delete-contact': {
    input: GhlContactsDeleteContactInput;
    output: GhlContactsDeleteContactOutput;
  };
  'upsert-contact': {
    input: GhlContactsUpsertContactInput;
    output: GhlContactsUpsertContactOutput;
  };
  'get-contacts-by-businessId': {
    input: GhlContactsGetContactsByBusinessIdInput;
    output: GhlContactsGetContactsByBusinessIdOutput;
  };
  'add-followers-contact': {
    input: GhlContactsAddFollowersContactInput;
    output: GhlContactsAddFollowersContactOutput;
  };
  'remove-followers-contact': {
    input: GhlContactsRemoveFollowersContactInput;
    output: GhlContactsRemoveFollowersContactOutput;
  };
  'add-contact-to-campaign': {
    input: GhlContactsAddContactToCampaignInput;
    output: GhlContactsAddContactToCampaignOutput;
  };
  'remove-contact-from-campaign': {
    input: GhlContactsRemoveContactFromCampaignInput;
    output: GhlContactsRemoveContactFromCampaignOutput;
  };
  'remove-contact-from-every-campaign': {
    input: GhlContactsRemoveContactFromEveryCampaignInput;
    output: GhlContactsRemoveContactFromEveryCampaignOutput;
  };
  'add-contact-to-workflow': {
    input: GhlContactsAddContactToWorkflowInput;
    output: GhlContactsAddContactToWorkflowOutput;
  };
  'delete-contact-from-workflow': {
    input: GhlContactsDeleteContactFromWorkflowInput;
    output: GhlContactsDeleteContactFromWorkflowOutput;
  };
  'create-contact': {
    input: GhlContactsCreateContactInput;
    output: GhlContactsCreateContactOutput;
  };
  'get-contacts': {
    input: GhlContactsGetContactsInput;
    output: GhlContactsGetContactsOutput;
  };
}
/**
 * Input of Search Contacts (POST /contacts/search).
 */
export interface GhlContactsSearchContactsAdvancedInput {
  body: SearchBodyV2DTO;
}
export interface SearchBodyV2DTO {
  [k: string]: unknown;
}
/**
 * Success. The OpenAPI document describes no response body for this operation.
 */
export interface GhlContactsSearchContactsAdvancedOutput {
  [k: string]: unknown;
}
/**
 * Input of Get Duplicate Contact (GET /contacts/search/duplicate).
 */
export interface GhlContactsGetDuplicateContactInput {
  /**
   * Query string parameters.
   */
  query: {
    locationId: string;
    /**
     * Phone Number - Pass in URL Encoded form. i.e +1423164516 will become `%2B1423164516`
     */
    number?: string;
    /**
     * Email - Pass in URL Encoded form. i.e test+abc@gmail.com will become `test%2Babc%40gmail.com`
     */
    email?: string;
  };
}
/**
 * . The OpenAPI document describes no response body for this operation.
 */
export interface GhlContactsGetDuplicateContactOutput {
  [k: string]: unknown;
}
/**
 * Input of Get all Tasks (GET /contacts/{contactId}/tasks).
 */
export interface GhlContactsGetAllTasksInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
  };
}
export interface TasksListSuccessfulResponseDto {
  tasks?: TaskSchema[];
}
export interface TaskSchema {
  id?: string;
  title?: string;
  body?: string;
  assignedTo?: string;
  dueDate?: string;
  completed?: boolean;
  contactId?: string;
}
/**
 * Input of Create Task (POST /contacts/{contactId}/tasks).
 */
export interface GhlContactsCreateTaskInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
  };
  body: CreateTaskParams;
}
export interface CreateTaskParams {
  title: string;
  body?: string;
  dueDate: string;
  completed: boolean;
  assignedTo?: string;
}
export interface TaskByIsSuccessfulResponseDto {
  task?: TaskSchema;
}
/**
 * Input of Get Task (GET /contacts/{contactId}/tasks/{taskId}).
 */
export interface GhlContactsGetTaskInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
    taskId: string;
  };
}
/**
 * Input of Update Task (PUT /contacts/{contactId}/tasks/{taskId}).
 */
export interface GhlContactsUpdateTaskInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
    taskId: string;
  };
  body: UpdateTaskBody;
}
export interface UpdateTaskBody {
  title?: string;
  body?: string;
  dueDate?: string;
  completed?: boolean;
  assignedTo?: string;
}
/**
 * Input of Delete Task (DELETE /contacts/{contactId}/tasks/{taskId}).
 */
export interface GhlContactsDeleteTaskInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
    taskId: string;
  };
}
export interface DeleteTaskSuccessfulResponseDto {
  succeded?: boolean;
}
/**
 * Input of Update Task Completed (PUT /contacts/{contactId}/tasks/{taskId}/completed).
 */
export interface GhlContactsUpdateTaskCompletedInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
    taskId: string;
  };
  body: UpdateTaskStatusParams;
}
export interface UpdateTaskStatusParams {
  completed: boolean;
}
/**
 * Input of Get Appointments for Contact (GET /contacts/{contactId}/appointments).
 */
export interface GhlContactsGetAppointmentsForContactInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
  };
}
export interface GetEventsSuccessfulResponseDto {
  events?: GetEventSchema[];
}
export interface GetEventSchema {
  id?: string;
  calendarId?: string;
  status?: string;
  title?: string;
  assignedUserId?: string;
  notes?: string;
  startTime?: string;
  endTime?: string;
  address?: string;
  locationId?: string;
  contactId?: string;
  groupId?: string;
  appointmentStatus?: string;
  users?: string[];
  dateAdded?: string;
  dateUpdated?: string;
  assignedResources?: string[];
}
/**
 * Input of Add Tags (POST /contacts/{contactId}/tags).
 */
export interface GhlContactsAddTagsInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
  };
  body: TagsDTO;
}
export interface TagsDTO {
  tags: string[];
}
export interface CreateAddTagSuccessfulResponseDto {
  tags?: string[];
}
/**
 * Input of Remove Tags (DELETE /contacts/{contactId}/tags).
 */
export interface GhlContactsRemoveTagsInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
  };
  body: TagsDTO;
}
export interface CreateDeleteTagSuccessfulResponseDto {
  tags?: string[];
}
/**
 * Input of Get All Notes (GET /contacts/{contactId}/notes).
 */
export interface GhlContactsGetAllNotesInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
  };
}
export interface GetNotesListSuccessfulResponseDto {
  notes?: GetNoteSchema[];
}
export interface GetNoteSchema {
  id?: string;
  body?: string;
  userId?: string;
  dateAdded?: string;
  contactId?: string;
  title?: string;
  color?: string;
  pinned?: boolean;
}
/**
 * Input of Create Note (POST /contacts/{contactId}/notes).
 */
export interface GhlContactsCreateNoteInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
  };
  body: NotesDTO;
}
export interface NotesDTO {
  userId?: string;
  body: string;
  title?: string;
  color?: string;
  pinned?: boolean;
}
export interface GetCreateUpdateNoteSuccessfulResponseDto {
  note?: GetNoteSchema;
}
/**
 * Input of Get Note (GET /contacts/{contactId}/notes/{id}).
 */
export interface GhlContactsGetNoteInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
    id: string;
  };
}
/**
 * Input of Update Note (PUT /contacts/{contactId}/notes/{id}).
 */
export interface GhlContactsUpdateNoteInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
    id: string;
  };
  body: UpdateNoteDTO;
}
export interface UpdateNoteDTO {
  userId?: string;
  body?: string;
  title?: string;
  color?: string;
  pinned?: boolean;
}
/**
 * Input of Delete Note (DELETE /contacts/{contactId}/notes/{id}).
 */
export interface GhlContactsDeleteNoteInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
    id: string;
  };
}
export interface DeleteNoteSuccessfulResponseDto {
  succeded?: boolean;
}
/**
 * Input of Update Contacts Tags (POST /contacts/bulk/tags/update/{type}).
 */
export interface GhlContactsCreateAssociationInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    /**
     * Path parameter {type}: the OpenAPI document names it in the path but does not declare it.
     */
    type: string;
  };
  body: UpdateTagsDTO;
}
export interface UpdateTagsDTO {
  /**
   * list of contact ids to be processed
   */
  contacts: string[];
  /**
   * list of tags to be added or removed
   */
  tags: string[];
  /**
   * location id from where the bulk request is executed
   */
  locationId: string;
  /**
   * Option to implement remove all tags. if true, all tags will be removed from the contacts. Can only be used with remove type.
   */
  removeAllTags?: boolean;
}
export interface UpdateTagsResponseDTO {
  /**
   * Indicates if the operation was successful
   */
  succeded: boolean;
  /**
   * Number of errors encountered during the operation
   */
  errorCount: number;
  /**
   * Responses for each contact processed
   */
  responses: string[];
}
/**
 * Input of Add/Remove Contacts From Business (POST /contacts/bulk/business).
 */
export interface GhlContactsAddRemoveContactFromBusinessInput {
  body: ContactsBusinessUpdate;
}
export interface ContactsBusinessUpdate {
  locationId: string;
  ids: string[];
  businessId: string | null;
}
export interface ContactsBulkUpateResponse {
  success: boolean;
  ids: string[];
}
/**
 * Input of Get Contact (GET /contacts/{contactId}).
 */
export interface GhlContactsGetContactInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
  };
}
export interface ContactsByIdSuccessfulResponseDto {
  contact?: GetContectByIdSchema;
}
export interface GetContectByIdSchema {
  id?: string;
  name?: string;
  locationId?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  emailLowerCase?: string;
  timezone?: string;
  companyName?: string;
  phone?: string;
  dnd?: boolean;
  dndSettings?: DndSettingsSchema;
  type?: string;
  source?: string;
  assignedTo?: string;
  address1?: string;
  city?: string;
  state?: string;
  country?: string;
  postalCode?: string;
  website?: string;
  tags?: string[];
  dateOfBirth?: string;
  dateAdded?: string;
  dateUpdated?: string;
  attachments?: string;
  ssn?: string;
  keyword?: string;
  firstNameLowerCase?: string;
  fullNameLowerCase?: string;
  lastNameLowerCase?: string;
  lastActivity?: string;
  customFields?: CustomFieldSchema[];
  businessId?: string;
  attributionSource?: AttributionSource;
  lastAttributionSource?: AttributionSource;
  /**
   * visitorId is the Unique ID assigned to each Live chat visitor.
   */
  visitorId?: string;
}
export interface DndSettingsSchema {
  Call?: DndSettingSchema;
  Email?: DndSettingSchema;
  SMS?: DndSettingSchema;
  WhatsApp?: DndSettingSchema;
  GMB?: DndSettingSchema;
  FB?: DndSettingSchema;
}
export interface DndSettingSchema {
  status: 'active' | 'inactive' | 'permanent';
  message?: string;
  code?: string;
}
export interface CustomFieldSchema {
  id?: string;
  value?: string;
}
export interface AttributionSource {
  url: string;
  campaign?: string | null;
  utmSource?: string | null;
  utmMedium?: string | null;
  utmContent?: string | null;
  referrer?: string | null;
  campaignId?: string | null;
  fbclid?: string | null;
  gclid?: string | null;
  msclikid?: string | null;
  dclid?: string | null;
  fbc?: string | null;
  fbp?: string | null;
  fbEventId?: string | null;
  userAgent?: string | null;
  ip?: string | null;
  medium?: string | null;
  mediumId?: string | null;
}
/**
 * Input of Update Contact (PUT /contacts/{contactId}).
 */
export interface GhlContactsUpdateContactInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
  };
  body: UpdateContactDto;
}
export interface UpdateContactDto {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  address1?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string;
  website?: string | null;
  timezone?: string | null;
  dnd?: boolean;
  dndSettings?: DndSettingsSchema;
  inboundDndSettings?: InboundDndSettingsSchema;
  /**
   * This field will overwrite all current tags associated with the contact. To update a tags, it is recommended to use the Add Tag or Remove Tag API instead.
   */
  tags?: string[];
  customFields?: (
    | TextField
    | LargeTextField
    | SingleSelectField
    | RadioField
    | NumericField
    | MonetoryField
    | CheckboxField
    | MultiSelectField
    | FileField
  )[];
  source?: string | null;
  /**
   * The birth date of the contact. Supported formats: YYYY/MM/DD, MM/DD/YYYY, YYYY-MM-DD, MM-DD-YYYY, YYYY.MM.DD, MM.DD.YYYY, YYYY_MM_DD, MM_DD_YYYY
   */
  dateOfBirth?: {
    [k: string]: unknown;
  } | null;
  country?: string;
  /**
   * User's Id
   */
  assignedTo?: string | null;
}
export interface InboundDndSettingsSchema {
  all?: InboundDndSettingSchema;
}
export interface InboundDndSettingSchema {
  status: 'active' | 'inactive';
  message?: string;
}
export interface TextField {
  id: string;
  key?: string;
  field_value?: string;
}
export interface LargeTextField {
  id: string;
  key?: string;
  field_value?: string;
}
export interface SingleSelectField {
  id: string;
  key?: string;
  field_value?: string;
}
export interface RadioField {
  id: string;
  key?: string;
  field_value?: string;
}
export interface NumericField {
  id: string;
  key?: string;
  field_value?: {
    [k: string]: unknown;
  };
}
export interface MonetoryField {
  id: string;
  key?: string;
  field_value?: {
    [k: string]: unknown;
  };
}
export interface CheckboxField {
  id: string;
  key?: string;
  field_value?: string[];
}
export interface MultiSelectField {
  id: string;
  key?: string;
  field_value?: string[];
}
export interface FileField {
  id: string;
  key?: string;
  field_value?: {
    [k: string]: unknown;
  };
}
export interface UpdateContactsSuccessfulResponseDto {
  succeded?: boolean;
  contact?: GetContectByIdSchema;
}
/**
 * Input of Delete Contact (DELETE /contacts/{contactId}).
 */
export interface GhlContactsDeleteContactInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
  };
}
export interface DeleteContactsSuccessfulResponseDto {
  succeded?: boolean;
}
/**
 * Input of Upsert Contact (POST /contacts/upsert).
 */
export interface GhlContactsUpsertContactInput {
  body: UpsertContactDto;
}
export interface UpsertContactDto {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  email?: string | null;
  locationId: string;
  gender?: string;
  phone?: string | null;
  address1?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string;
  website?: string | null;
  timezone?: string | null;
  dnd?: boolean;
  dndSettings?: DndSettingsSchema;
  inboundDndSettings?: InboundDndSettingsSchema;
  /**
   * This field will overwrite all current tags associated with the contact. To update a tags, it is recommended to use the Add Tag or Remove Tag API instead.
   */
  tags?: string[];
  customFields?: (
    | TextField
    | LargeTextField
    | SingleSelectField
    | RadioField
    | NumericField
    | MonetoryField
    | CheckboxField
    | MultiSelectField
    | FileField
  )[];
  source?: string;
  /**
   * The birth date of the contact. Supported formats: YYYY/MM/DD, MM/DD/YYYY, YYYY-MM-DD, MM-DD-YYYY, YYYY.MM.DD, MM.DD.YYYY, YYYY_MM_DD, MM_DD_YYYY
   */
  dateOfBirth?: {
    [k: string]: unknown;
  } | null;
  country?: string;
  companyName?: string | null;
  /**
   * User's Id
   */
  assignedTo?: string;
  /**
   * Controls whether to create a new contact or update an existing duplicate. **Scenario 1:** If this value is `true` and the location allows duplicate contacts, a new contact will be created immediately without checking for duplicates. **Scenario 2:** If this value is `true` but the location does not allow duplicate contacts, this field is ignored and the normal upsert behavior applies: the API will search for an existing duplicate contact, update it if found, or create a new contact if not found. **Scenario 3:** If this value is `false` or not provided, the normal upsert behavior applies regardless of the location's duplicate contact setting.
   */
  createNewIfDuplicateAllowed?: boolean;
}
export interface UpsertContactsSuccessfulResponseDto {
  new?: boolean;
  contact?: GetContectByIdSchema;
  traceId?: string;
}
/**
 * Input of Get Contacts By BusinessId (GET /contacts/business/{businessId}).
 */
export interface GhlContactsGetContactsByBusinessIdInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    businessId: string;
  };
  /**
   * Query string parameters.
   */
  query: {
    limit?: string;
    locationId: string;
    skip?: string;
    query?: string;
  };
}
export interface ContactsSearchSuccessfulResponseDto {
  contacts?: ContactsSearchSchema[];
  count?: number;
}
export interface ContactsSearchSchema {
  id?: string;
  locationId?: string;
  email?: string;
  timezone?: string;
  country?: string;
  source?: string;
  dateAdded?: string;
  customFields?: CustomFieldSchema[];
  tags?: string[];
  businessId?: string;
  attributions?: AttributionSource[];
  followers?: string[];
}
/**
 * Input of Add Followers (POST /contacts/{contactId}/followers).
 */
export interface GhlContactsAddFollowersContactInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
  };
  body: FollowersDTO;
}
export interface FollowersDTO {
  followers: string[];
}
export interface CreateAddFollowersSuccessfulResponseDto {
  followers?: string[];
  followersAdded?: string[];
}
/**
 * Input of Remove Followers (DELETE /contacts/{contactId}/followers).
 */
export interface GhlContactsRemoveFollowersContactInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
  };
  body: FollowersDTO;
}
export interface DeleteFollowersSuccessfulResponseDto {
  followers?: string[];
  followersRemoved?: string[];
}
/**
 * Input of Add Contact to Campaign (POST /contacts/{contactId}/campaigns/{campaignId}).
 */
export interface GhlContactsAddContactToCampaignInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
    /**
     * Campaigns Id
     */
    campaignId: string;
  };
  body: AddContactToCampaignDto;
}
export interface AddContactToCampaignDto {
  [k: string]: unknown;
}
export interface CreateDeleteCantactsCampaignsSuccessfulResponseDto {
  succeded?: boolean;
}
/**
 * Input of Remove Contact From Campaign (DELETE /contacts/{contactId}/campaigns/{campaignId}).
 */
export interface GhlContactsRemoveContactFromCampaignInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
    /**
     * Campaigns Id
     */
    campaignId: string;
  };
}
/**
 * Input of Remove Contact From Every Campaign (DELETE /contacts/{contactId}/campaigns/removeAll).
 */
export interface GhlContactsRemoveContactFromEveryCampaignInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
  };
}
/**
 * Input of Add Contact to Workflow (POST /contacts/{contactId}/workflow/{workflowId}).
 */
export interface GhlContactsAddContactToWorkflowInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
    workflowId: string;
  };
  body: CreateWorkflowDto;
}
export interface CreateWorkflowDto {
  eventStartTime?: string;
}
export interface ContactsWorkflowSuccessfulResponseDto {
  succeded?: boolean;
}
/**
 * Input of Delete Contact from Workflow (DELETE /contacts/{contactId}/workflow/{workflowId}).
 */
export interface GhlContactsDeleteContactFromWorkflowInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    contactId: string;
    workflowId: string;
  };
  body: CreateWorkflowDto;
}
/**
 * Input of Create Contact (POST /contacts/).
 */
export interface GhlContactsCreateContactInput {
  body: CreateContactDto;
}
export interface CreateContactDto {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  email?: string | null;
  locationId: string;
  gender?: string;
  phone?: string | null;
  address1?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string;
  website?: string | null;
  timezone?: string | null;
  dnd?: boolean;
  dndSettings?: DndSettingsSchema;
  inboundDndSettings?: InboundDndSettingsSchema;
  tags?: string[];
  customFields?: (
    | TextField
    | LargeTextField
    | SingleSelectField
    | RadioField
    | NumericField
    | MonetoryField
    | CheckboxField
    | MultiSelectField
    | FileField
  )[];
  source?: string;
  /**
   * The birth date of the contact. Supported formats: YYYY/MM/DD, MM/DD/YYYY, YYYY-MM-DD, MM-DD-YYYY, YYYY.MM.DD, MM.DD.YYYY, YYYY_MM_DD, MM_DD_YYYY
   */
  dateOfBirth?: {
    [k: string]: unknown;
  } | null;
  country?: string;
  companyName?: string | null;
  /**
   * User's Id
   */
  assignedTo?: string;
}
export interface CreateContactsSuccessfulResponseDto {
  contact?: CreateContactSchema;
}
export interface CreateContactSchema {
  id?: string;
  dateAdded?: string;
  dateUpdated?: string;
  deleted?: boolean;
  tags?: string[];
  type?: string;
  customFields?: CustomFieldSchema[];
  locationId?: string;
  firstName?: string;
  firstNameLowerCase?: string;
  fullNameLowerCase?: string;
  lastName?: string;
  lastNameLowerCase?: string;
  email?: string;
  emailLowerCase?: string;
  bounceEmail?: boolean;
  unsubscribeEmail?: boolean;
  dnd?: boolean;
  dndSettings?: DndSettingsSchema;
  phone?: string;
  address1?: string;
  city?: string;
  state?: string;
  country?: string;
  postalCode?: string;
  website?: string;
  source?: string;
  companyName?: string;
  dateOfBirth?: string;
  birthMonth?: number;
  birthDay?: number;
  lastSessionActivityAt?: string;
  offers?: string[];
  products?: string[];
  businessId?: string;
  /**
   * User's Id
   */
  assignedTo?: string;
}
/**
 * Input of Get Contacts (GET /contacts/).
 */
export interface GhlContactsGetContactsInput {
  /**
   * Query string parameters.
   */
  query: {
    locationId: string;
    startAfterId?: string;
    /**
     * Start Afte
     */
    startAfter?: number;
    query?: string;
    /**
     * Limit Per Page records count. will allow maximum up to 100 and default will be 20
     */
    limit?: number;
  };
}
