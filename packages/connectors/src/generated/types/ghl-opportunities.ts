/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/operations/** by packages/connectors/scripts/generate-operations.ts.
 * Change the generator (or the reference documents), then run `pnpm generate`.
 */

/**
 * Successful response
 */
export type GhlOpportunitiesGetLostReasonOutput = LostReasonsResponseSchema;
/**
 * Successful response
 */
export type GhlOpportunitiesSearchOpportunityOutput = SearchSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlOpportunitiesSearchOpportunitiesAdvancedOutput = PostSearchSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlOpportunitiesGetPipelinesOutput = GetPipelinesSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlOpportunitiesGetOpportunityOutput = GetPostOpportunitySuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlOpportunitiesDeleteOpportunityOutput = DeleteUpdateOpportunitySuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlOpportunitiesUpdateOpportunityOutput = GetPostOpportunitySuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlOpportunitiesUpdateOpportunityStatusOutput = DeleteUpdateOpportunitySuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlOpportunitiesUpsertOpportunityOutput = UpsertOpportunitySuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlOpportunitiesAddFollowersOpportunityOutput = CreateAddFollowersSuccessfulResponseDto;
/**
 * Followers successfully removed.
 */
export type GhlOpportunitiesRemoveFollowersOpportunityOutput = DeleteFollowersSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlOpportunitiesCreateOpportunityOutput = GetPostOpportunitySuccessfulResponseDto;

/**
 * Input and output types of every ghl.opportunities operation, keyed by operationId.
 */
export interface GhlOpportunitiesOperations {
  'get-lost-reason': {
    input: GhlOpportunitiesGetLostReasonInput;
    output: GhlOpportunitiesGetLostReasonOutput;
  };
  'search-opportunity': {
    input: GhlOpportunitiesSearchOpportunityInput;
    output: GhlOpportunitiesSearchOpportunityOutput;
  };
  'search-opportunities-advanced': {
    input: GhlOpportunitiesSearchOpportunitiesAdvancedInput;
    output: GhlOpportunitiesSearchOpportunitiesAdvancedOutput;
  };
  'get-pipelines': {
    input: GhlOpportunitiesGetPipelinesInput;
    output: GhlOpportunitiesGetPipelinesOutput;
  };
  'get-opportunity': {
    input: GhlOpportunitiesGetOpportunityInput;
    output: GhlOpportunitiesGetOpportunityOutput;
  };
  'delete-opportunity': {
    input: GhlOpportunitiesDeleteOpportunityInput;
    output: GhlOpportunitiesDeleteOpportunityOutput;
  };
  'update-opportunity': {
    input: GhlOpportunitiesUpdateOpportunityInput;
    output: GhlOpportunitiesUpdateOpportunityOutput;
  };
  'update-opportunity-status': {
    input: GhlOpportunitiesUpdateOpportunityStatusInput;
    output: GhlOpportunitiesUpdateOpportunityStatusOutput;
  };
  'Upsert-opportunity': {
    input: GhlOpportunitiesUpsertOpportunityInput;
    output: GhlOpportunitiesUpsertOpportunityOutput;
  };
  'add-followers-opportunity': {
    input: GhlOpportunitiesAddFollowersOpportunityInput;
    output: GhlOpportunitiesAddFollowersOpportunityOutput;
  };
  'remove-followers-opportunity': {
    input: GhlOpportunitiesRemoveFollowersOpportunityInput;
    output: GhlOpportunitiesRemoveFollowersOpportunityOutput;
  };
  'create-opportunity': {
    input: GhlOpportunitiesCreateOpportunityInput;
    output: GhlOpportunitiesCreateOpportunityOutput;
  };
}
/**
 * Input of Get lost reason (GET /opportunities/lost-reason).
 */
export interface GhlOpportunitiesGetLostReasonInput {
  /**
   * Query string parameters.
   */
  query: {
    locationId: string;
    name?: string;
    deleted?: boolean;
    query?: string;
    skip?: number;
    limit?: number;
    getCount?: boolean;
  };
}
export interface LostReasonsResponseSchema {
  lostReasons?: LostReasonResponseSchema[];
  total?: number;
}
export interface LostReasonResponseSchema {
  id?: string;
  name?: string;
  locationId?: string;
  updatedAt?: string;
  createdAt?: string;
}
/**
 * Input of Search Opportunity (GET /opportunities/search).
 */
export interface GhlOpportunitiesSearchOpportunityInput {
  /**
   * Query string parameters.
   */
  query: {
    q?: string;
    location_id: string;
    pipeline_id?: string;
    pipeline_stage_id?: string;
    contact_id?: string;
    status?: 'open' | 'won' | 'lost' | 'abandoned' | 'all';
    assigned_to?: string;
    campaignId?: string;
    id?: string;
    order?: string;
    endDate?: string;
    startAfter?: string;
    startAfterId?: string;
    date?: string;
    country?: string;
    page?: number;
    /**
     * Limit Per Page records count. will allow maximum up to 100 and default will be 20
     */
    limit?: number;
    /**
     * get Tasks in contact
     */
    getTasks?: boolean;
    /**
     * get Notes in contact
     */
    getNotes?: boolean;
    /**
     * get Calender event in contact
     */
    getCalendarEvents?: boolean;
  };
}
export interface SearchSuccessfulResponseDto {
  opportunities?: SearchOpportunitiesResponseSchema[];
  meta?: SearchMetaResponseSchema;
  aggregations?: {
    [k: string]: unknown;
  };
}
export interface SearchOpportunitiesResponseSchema {
  id?: string;
  name?: string;
  monetaryValue?: number;
  pipelineId?: string;
  pipelineStageId?: string;
  assignedTo?: string;
  status?: string;
  source?: string;
  lastStatusChangeAt?: string;
  lastStageChangeAt?: string;
  lastActionDate?: string;
  indexVersion?: string;
  createdAt?: string;
  updatedAt?: string;
  contactId?: string;
  locationId?: string;
  contact?: SearchOpportunitiesContactResponseSchema;
  notes?: unknown[][];
  tasks?: unknown[][];
  calendarEvents?: unknown[][];
  lostReasonId?: string;
  customFields?: CustomFieldResponseSchema[];
  followers?: unknown[][];
  externalObjectId?: string;
}
export interface SearchOpportunitiesContactResponseSchema {
  id?: string;
  name?: string;
  companyName?: string;
  email?: string;
  phone?: string;
  tags?: string[];
}
export interface CustomFieldResponseSchema {
  id: string;
  /**
   * The value of the custom field
   */
  fieldValue:
    | string
    | {
        [k: string]: unknown;
      }
    | string[]
    | {
        [k: string]: unknown;
      }[];
}
export interface SearchMetaResponseSchema {
  total?: number;
  nextPageUrl?: string;
  startAfterId?: string;
  startAfter?: number;
  currentPage?: number;
  nextPage?: number;
  prevPage?: number;
}
/**
 * Input of Search Opportunities (POST /opportunities/search).
 */
export interface GhlOpportunitiesSearchOpportunitiesAdvancedInput {
  body: OpportunitySearchBodyDTO;
}
export interface OpportunitySearchBodyDTO {
  locationId: string;
  query: string;
  limit: number;
  page: number;
  searchAfter: string[];
  additionalDetails: AdditionalDetailsDTO;
}
export interface AdditionalDetailsDTO {
  notes: boolean;
  tasks: boolean;
  calendarEvents: boolean;
  unReadConversations: boolean;
}
export interface PostSearchSuccessfulResponseDto {
  opportunities?: SearchOpportunitiesResponseSchema[];
  total: number;
  aggregations?: {
    [k: string]: unknown;
  };
}
/**
 * Input of Get Pipelines (GET /opportunities/pipelines).
 */
export interface GhlOpportunitiesGetPipelinesInput {
  /**
   * Query string parameters.
   */
  query: {
    locationId: string;
  };
}
export interface GetPipelinesSuccessfulResponseDto {
  pipelines?: PipelinesResponseSchema[];
}
export interface PipelinesResponseSchema {
  id?: string;
  name?: string;
  stages?: unknown[][];
  showInFunnel?: boolean;
  showInPieChart?: boolean;
  locationId?: string;
  /**
   * How pipeline/stage colors are rendered
   */
  colorRenderMode?: 'dot' | 'bg-tint' | 'none';
}
/**
 * Input of Get Opportunity (GET /opportunities/{id}).
 */
export interface GhlOpportunitiesGetOpportunityInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    id: string;
  };
}
export interface GetPostOpportunitySuccessfulResponseDto {
  opportunity?: SearchOpportunitiesResponseSchema;
}
/**
 * Input of Delete Opportunity (DELETE /opportunities/{id}).
 */
export interface GhlOpportunitiesDeleteOpportunityInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    id: string;
  };
}
export interface DeleteUpdateOpportunitySuccessfulResponseDto {
  succeded?: boolean;
}
/**
 * Input of Update Opportunity (PUT /opportunities/{id}).
 */
export interface GhlOpportunitiesUpdateOpportunityInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    id: string;
  };
  body: UpdateOpportunityDto;
}
export interface UpdateOpportunityDto {
  pipelineId?: string;
  name?: string;
  pipelineStageId?: string;
  status?: 'open' | 'won' | 'lost' | 'abandoned' | 'all';
  monetaryValue?: number;
  assignedTo?: string;
  /**
   * Update custom fields to opportunities.
   */
  customFields?: (CustomFieldsInputStringSchema | CustomFieldsInputArraySchema | CustomFieldsInputObjectSchema)[];
}
export interface CustomFieldsInputStringSchema {
  /**
   * Pass either `id` or `key` of custom field
   */
  id?: string;
  /**
   * Pass either `id` or `key` of custom field
   */
  key?: string;
  field_value?: string;
}
export interface CustomFieldsInputArraySchema {
  id: string;
  key?: string;
  field_value?: string[];
}
export interface CustomFieldsInputObjectSchema {
  id: string;
  key?: string;
  field_value?: {
    [k: string]: unknown;
  };
}
/**
 * Input of Update Opportunity Status (PUT /opportunities/{id}/status).
 */
export interface GhlOpportunitiesUpdateOpportunityStatusInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    id: string;
  };
  body: UpdateStatusDto;
}
export interface UpdateStatusDto {
  status: 'open' | 'won' | 'lost' | 'abandoned' | 'all';
  lostReasonId?: string;
}
/**
 * Input of Upsert Opportunity (POST /opportunities/upsert).
 */
export interface GhlOpportunitiesUpsertOpportunityInput {
  body: UpsertOpportunityDto;
}
export interface UpsertOpportunityDto {
  /**
   * opportunityId
   */
  id?: string;
  pipelineId: string;
  locationId: string;
  /**
   * contactId
   */
  followers: string[];
  isRemoveAllFollowers: boolean;
  followersActionType: 'add' | 'remove';
  name?: string;
  status?: 'open' | 'won' | 'lost' | 'abandoned' | 'all';
  pipelineStageId?: string;
  monetaryValue?: {
    [k: string]: unknown;
  };
  assignedTo?: string;
  lostReasonId?: string;
}
export interface UpsertOpportunitySuccessfulResponseDto {
  opportunity: {
    [k: string]: unknown;
  };
  new: boolean;
}
/**
 * Input of Add Followers (POST /opportunities/{id}/followers).
 */
export interface GhlOpportunitiesAddFollowersOpportunityInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    id: string;
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
 * Input of Remove Followers (DELETE /opportunities/{id}/followers).
 */
export interface GhlOpportunitiesRemoveFollowersOpportunityInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    id: string;
  };
  /**
   * Query string parameters.
   */
  query?: {
    isRemoveAllFollowers?: boolean;
  };
  body: FollowersDTO;
}
export interface DeleteFollowersSuccessfulResponseDto {
  followers?: string[];
  followersRemoved?: string[];
}
/**
 * Input of Create Opportunity (POST /opportunities/).
 */
export interface GhlOpportunitiesCreateOpportunityInput {
  body: CreateDto;
}
export interface CreateDto {
  pipelineId: string;
  locationId: string;
  name: string;
  pipelineStageId?: string;
  status: 'open' | 'won' | 'lost' | 'abandoned' | 'all';
  contactId: string;
  monetaryValue?: number;
  assignedTo?: string;
  /**
   * Add custom fields to opportunities.
   */
  customFields?: (CustomFieldsInputStringSchema | CustomFieldsInputArraySchema | CustomFieldsInputObjectSchema)[];
}
