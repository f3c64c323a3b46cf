/* eslint-disable */
/**
 * DO NOT EDIT: generated from schemas/operations/** by packages/connectors/scripts/generate-operations.ts.
 * Change the generator (or the reference documents), then run `pnpm generate`.
 */

/**
 * Successful response
 */
export type GhlLocationsGetLocationTagsOutput = LocationTagsSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlLocationsCreateTagOutput = LocationTagSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlLocationsGetTagByIdOutput = LocationTagSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlLocationsUpdateTagOutput = LocationTagSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlLocationsDeleteTagOutput = LocationTagDeleteSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlLocationsGetCustomFieldsOutput = CustomFieldsListSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlLocationsCreateCustomFieldOutput = CustomFieldSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlLocationsGetCustomFieldOutput = CustomFieldSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlLocationsUpdateCustomFieldOutput = CustomFieldSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlLocationsDeleteCustomFieldOutput = CustomFieldDeleteSuccessfulResponseDto;
/**
 * Successful response
 */
export type GhlLocationsUploadFileCustomFieldsOutput = FileUploadResponseDto;

/**
 * Input and output types of every ghl.locations operation, keyed by operationId.
 */
export interface GhlLocationsOperations {
  'get-location-tags': {
    input: GhlLocationsGetLocationTagsInput;
    output: GhlLocationsGetLocationTagsOutput;
  };
  'create-tag': {
    input: GhlLocationsCreateTagInput;
    output: GhlLocationsCreateTagOutput;
  };
  'get-tag-by-id': {
    input: GhlLocationsGetTagByIdInput;
    output: GhlLocationsGetTagByIdOutput;
  };
  'update-tag': {
    input: GhlLocationsUpdateTagInput;
    output: GhlLocationsUpdateTagOutput;
  };
  'delete-tag': {
    input: GhlLocationsDeleteTagInput;
    output: GhlLocationsDeleteTagOutput;
  };
  'get-custom-fields': {
    input: GhlLocationsGetCustomFieldsInput;
    output: GhlLocationsGetCustomFieldsOutput;
  };
  'create-custom-field': {
    input: GhlLocationsCreateCustomFieldInput;
    output: GhlLocationsCreateCustomFieldOutput;
  };
  'get-custom-field': {
    input: GhlLocationsGetCustomFieldInput;
    output: GhlLocationsGetCustomFieldOutput;
  };
  'update-custom-field': {
    input: GhlLocationsUpdateCustomFieldInput;
    output: GhlLocationsUpdateCustomFieldOutput;
  };
  'delete-custom-field': {
    input: GhlLocationsDeleteCustomFieldInput;
    output: GhlLocationsDeleteCustomFieldOutput;
  };
  'upload-file-customFields': {
    input: GhlLocationsUploadFileCustomFieldsInput;
    output: GhlLocationsUploadFileCustomFieldsOutput;
  };
}
/**
 * Input of Get Tags (GET /locations/{locationId}/tags).
 */
export interface GhlLocationsGetLocationTagsInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    locationId: string;
  };
}
export interface LocationTagsSuccessfulResponseDto {
  tags?: LocationTagsSchema[];
}
export interface LocationTagsSchema {
  name?: string;
  locationId?: string;
  id?: string;
}
/**
 * Input of Create Tag (POST /locations/{locationId}/tags).
 */
export interface GhlLocationsCreateTagInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    locationId: string;
  };
  body: TagBody;
}
export interface TagBody {
  name: string;
}
export interface LocationTagSuccessfulResponseDto {
  tag?: LocationTagsSchema;
}
/**
 * Input of Get tag by id (GET /locations/{locationId}/tags/{tagId}).
 */
export interface GhlLocationsGetTagByIdInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    locationId: string;
    tagId: string;
  };
}
/**
 * Input of Update tag (PUT /locations/{locationId}/tags/{tagId}).
 */
export interface GhlLocationsUpdateTagInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    locationId: string;
    tagId: string;
  };
  body: TagBody;
}
/**
 * Input of Delete tag (DELETE /locations/{locationId}/tags/{tagId}).
 */
export interface GhlLocationsDeleteTagInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    locationId: string;
    tagId: string;
  };
}
export interface LocationTagDeleteSuccessfulResponseDto {
  succeded?: boolean;
}
/**
 * Input of Get Custom Fields (GET /locations/{locationId}/customFields).
 */
export interface GhlLocationsGetCustomFieldsInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    locationId: string;
  };
  /**
   * Query string parameters.
   */
  query?: {
    /**
     * Model of the custom field you want to retrieve
     */
    model?: 'contact' | 'opportunity' | 'all';
  };
}
export interface CustomFieldsListSuccessfulResponseDto {
  customFields?: CustomFieldSchema[];
}
export interface CustomFieldSchema {
  id?: string;
  name?: string;
  fieldKey?: string;
  placeholder?: string;
  dataType?: string;
  position?: number;
  picklistOptions?: string[];
  picklistImageOptions?: string[];
  isAllowedCustomOption?: boolean;
  isMultiFileAllowed?: boolean;
  maxFileLimit?: number;
  locationId?: string;
  /**
   * Model of the custom field
   */
  model?: 'contact' | 'opportunity';
}
/**
 * Input of Create Custom Field (POST /locations/{locationId}/customFields).
 */
export interface GhlLocationsCreateCustomFieldInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    locationId: string;
  };
  body: CreateCustomFieldsDTO;
}
export interface CreateCustomFieldsDTO {
  name: string;
  dataType: string;
  placeholder?: string;
  acceptedFormat?: string[];
  isMultipleFile?: boolean;
  maxNumberOfFiles?: number;
  textBoxListOptions?: TextBoxListOptionsSchema[];
  position?: number;
  /**
   * Model of the custom field you want to create
   */
  model?: 'contact' | 'opportunity';
}
export interface TextBoxListOptionsSchema {
  label?: string;
  prefillValue?: string;
}
export interface CustomFieldSuccessfulResponseDto {
  customField?: CustomFieldSchema;
}
/**
 * Input of Get Custom Field (GET /locations/{locationId}/customFields/{id}).
 */
export interface GhlLocationsGetCustomFieldInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    locationId: string;
    /**
     * Custom Field Id or Field Key (e.g. "contact.first_name" or "opportunity.pipeline_id")
     */
    id: string;
  };
}
/**
 * Input of Update Custom Field (PUT /locations/{locationId}/customFields/{id}).
 */
export interface GhlLocationsUpdateCustomFieldInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    locationId: string;
    id: string;
  };
  body: UpdateCustomFieldsDTO;
}
export interface UpdateCustomFieldsDTO {
  name: string;
  placeholder?: string;
  acceptedFormat?: string[];
  isMultipleFile?: boolean;
  maxNumberOfFiles?: number;
  textBoxListOptions?: TextBoxListOptionsSchema[];
  position?: number;
  /**
   * Model of the custom field you want to update
   */
  model?: 'contact' | 'opportunity';
}
/**
 * Input of Delete Custom Field (DELETE /locations/{locationId}/customFields/{id}).
 */
export interface GhlLocationsDeleteCustomFieldInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    locationId: string;
    id: string;
  };
}
export interface CustomFieldDeleteSuccessfulResponseDto {
  succeded?: boolean;
}
/**
 * Input of Uploads File to customFields (POST /locations/{locationId}/customFields/upload).
 */
export interface GhlLocationsUploadFileCustomFieldsInput {
  /**
   * Path parameters, URL-encoded into the path.
   */
  path: {
    locationId: string;
  };
  body: FileUploadBody;
}
/**
 * Sent as multipart/form-data.
 */
export interface FileUploadBody {
  /**
   * Id(Contact Id/Opportunity Id/Custom Field Id)
   */
  id?: string;
  /**
   * Max number of files
   */
  maxFiles?: string;
}
export interface FileUploadResponseDto {
  uploadedFiles?: {
    [k: string]: unknown;
  };
  /**
   * Meta data of uploaded files
   */
  meta?: string[];
}
