/**
 * Places where GHL's OpenAPI documents describe a response differently from what GHL sends, as
 * GHL documents elsewhere (the same document's examples, its other operations). The sandbox
 * answers what GHL sends; the response contract forgives exactly these members, no others.
 */
export interface SpecCorrection {
  /** GHL operationIds this applies to, or every operation. */
  readonly operationIds: readonly string[] | '*';
  readonly status?: number;
  /** JSON pointer(s) into the body the correction covers. */
  readonly pointer: RegExp;
  /** The ajv keyword the document gets wrong (usually `type`). */
  readonly keyword?: string;
  /** What the document says, what GHL sends, and where GHL says so. */
  readonly reason: string;
}

export const SPEC_CORRECTIONS: readonly SpecCorrection[] = [
  {
    operationIds: ['get-appointment', 'get-calendar-events', 'get-blocked-slots', 'get-appointments-for-contact'],
    pointer: /^(\/event|\/events\/\d+)\/(startTime|endTime|dateAdded|dateUpdated)$/,
    keyword: 'type',
    reason:
      'CalendarEventDTO types the four times as "object"; its own examples ("2023-09-25T16:00:00+05:30") and AppointmentSchemaResponse (startTime: string) show ISO strings.',
  },
  {
    operationIds: ['create-block-slot', 'edit-block-slot'],
    pointer: /^\/(startTime|endTime)$/,
    keyword: 'type',
    reason: 'BlockedSlotSuccessfulResponseDto types startTime/endTime as "object"; its examples ("2021-06-23T03:30:00+05:30") are ISO strings.',
  },
  {
    operationIds: ['get-pipelines'],
    pointer: /^\/pipelines\/\d+\/stages\/\d+$/,
    keyword: 'type',
    reason: 'PipelinesResponseSchema types each stage as an array (a swagger artefact of `type: [Object]`); GHL sends stage objects { id, name, position }.',
  },
  {
    operationIds: ['search-opportunity', 'search-opportunities-advanced', 'get-opportunity', 'create-opportunity', 'update-opportunity', 'Upsert-opportunity'],
    pointer: /^(\/opportunity|\/opportunities\/\d+)\/(followers|notes|tasks|calendarEvents)\/\d+$/,
    keyword: 'type',
    reason:
      'SearchOpportunitiesResponseSchema types each follower as an array (the same swagger artefact); followers are user ids, as FollowersDTO and the add-followers answer (followers: string[]) say; notes, tasks and events are their records.',
  },
  {
    operationIds: ['create-association'],
    pointer: /^\/responses\/\d+$/,
    keyword: 'type',
    reason:
      'UpdateTagsResponseDTO types `responses` as strings; its example shows one object per contact ({ contactId, message, type, oldTags, tagsAdded, tagsRemoved }).',
  },
  {
    operationIds: ['upload-file-customFields'],
    pointer: /^\/meta\/\d+$/,
    keyword: 'type',
    reason: 'FileUploadResponseDto types `meta` as strings; its example shows one object per file ({ fieldname, originalname, encoding, mimetype, size, url }).',
  },
];
