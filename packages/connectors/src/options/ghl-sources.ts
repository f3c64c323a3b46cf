import { ActionError } from '@flowline/core';
import type { OperationInput } from '../ghl/client/request-builder.js';
import { listIn, text, type Json } from './ghl-answers.js';
import type { Option } from './option.js';
import type { OptionParam, OptionParams } from './params.js';

/**
 * One GHL option source: the catalog operation (and so the OpenAPI request) that lists the
 * values, and how its answer becomes options. Request and answer shapes are GHL's OpenAPI
 * documents' (reference/ghl/openapi/apps): see each source's `documented`.
 */
export interface GhlOptionSource {
  /** The id a catalog field names under `x-flowline.options`, e.g. `ghl.pipeline-stages`. */
  readonly id: string;
  readonly connector: 'ghl';
  readonly title: string;
  readonly description: string;
  readonly params: readonly OptionParam[];
  /** The catalog operation sent, e.g. `ghl.opportunities.get-pipelines`. */
  readonly operationId: string;
  /** Where the OpenAPI document describes the request and its 200 answer. */
  readonly documented: string;
  /**
   * The params that change the request (the rest only pick from its answer): sources that send
   * the same request share one cached answer, e.g. pipelines and every pipeline's stages.
   */
  requestParams(params: OptionParams): OptionParams;
  /** The operation input for a location. */
  input(locationId: string, params: OptionParams): OperationInput;
  /** The options in GHL's answer. `request` is `GET /path` for messages. */
  options(body: unknown, params: OptionParams, request: string): Option[];
}

const none = (): OptionParams => ({});

function option(value: string, label: string, description?: string): Option {
  return description === undefined ? { value, label } : { value, label, description };
}

/** Entries with an id and a label; entries without an id cannot be chosen and are left out. */
function options(entries: readonly Json[], read: (entry: Json, id: string) => Option): Option[] {
  const out: Option[] = [];
  for (const entry of entries) {
    const id = text(entry, 'id');
    if (id !== undefined) out.push(read(entry, id));
  }
  return out;
}

/** `CalendarsGetSuccessfulResponseDTO`: `{ calendars: CalendarDTO[] }`, CalendarDTO requires id, name, locationId. */
const calendars: GhlOptionSource = {
  id: 'ghl.calendars',
  connector: 'ghl',
  title: 'Calendars',
  description: "The location's calendars: value the calendar id, label its name.",
  params: [],
  operationId: 'ghl.calendars.get-calendars',
  documented: 'calendars.json: GET /calendars/ (get-calendars) → CalendarsGetSuccessfulResponseDTO',
  requestParams: none,
  input: (locationId) => ({ query: { locationId } }),
  options: (body, _params, request) =>
    options(listIn(body, 'calendars', request), (c, id) => option(id, text(c, 'name') ?? id, text(c, 'description') ?? (c['isActive'] === false ? 'Draft' : undefined))),
};

function pipelinesIn(body: unknown, request: string): Json[] {
  return listIn(body, 'pipelines', request);
}

/** A pipeline's stages, by `position` when GHL gives one. */
function stagesOf(pipeline: Json): Json[] {
  const stages = Array.isArray(pipeline['stages']) ? pipeline['stages'] : [];
  const position = (stage: Json): number => (typeof stage['position'] === 'number' ? stage['position'] : Number.MAX_SAFE_INTEGER);
  return stages
    .filter((s): s is Json => s !== null && typeof s === 'object' && !Array.isArray(s))
    .map((stage, index) => ({ stage, index }))
    .sort((a, b) => position(a.stage) - position(b.stage) || a.index - b.index)
    .map(({ stage }) => stage);
}

/**
 * `GetPipelinesSuccessfulResponseDto`: `{ pipelines: PipelinesResponseSchema[] }` with id, name and
 * stages. The document types each stage as an array (a swagger artefact); GHL sends stage objects
 * `{ id, name, position }` (see the sandbox's spec-corrections.ts).
 */
const pipelines: GhlOptionSource = {
  id: 'ghl.pipelines',
  connector: 'ghl',
  title: 'Pipelines',
  description: "The location's opportunity pipelines: value the pipeline id, label its name.",
  params: [],
  operationId: 'ghl.opportunities.get-pipelines',
  documented: 'opportunities.json: GET /opportunities/pipelines (get-pipelines) → GetPipelinesSuccessfulResponseDto',
  requestParams: none,
  input: (locationId) => ({ query: { locationId } }),
  options: (body, _params, request) =>
    options(pipelinesIn(body, request), (p, id) => {
      const count = stagesOf(p).length;
      return option(id, text(p, 'name') ?? id, `${count} ${count === 1 ? 'stage' : 'stages'}`);
    }),
};

const pipelineStages: GhlOptionSource = {
  id: 'ghl.pipeline-stages',
  connector: 'ghl',
  title: 'Pipeline stages',
  description: "The stages of the chosen pipeline, in order: value the stage id, label its name.",
  params: [
    {
      name: 'pipelineId',
      required: true,
      description: 'the id of the pipeline whose stages to list (a ghl.pipelines value)',
      aliases: ['pipeline_id'],
    },
  ],
  operationId: 'ghl.opportunities.get-pipelines',
  documented: pipelines.documented,
  requestParams: none,
  input: pipelines.input,
  options: (body, params, request) => {
    const pipelineId = params['pipelineId'] ?? '';
    const pipeline = pipelinesIn(body, request).find((p) => text(p, 'id') === pipelineId);
    if (pipeline === undefined) {
      throw new ActionError('not_found', `The location has no pipeline "${pipelineId}"`, {
        request,
        pointer: '/params/pipelineId',
        hint: 'Choose a pipeline from the ghl.pipelines options (refresh them if it was just created).',
      });
    }
    return options(stagesOf(pipeline), (s, id) => option(id, text(s, 'name') ?? id));
  },
};

/** `LocationSuccessfulResponseDto`: `{ users: UserSchema[] }` (id, name, firstName, lastName, email, deleted). */
const users: GhlOptionSource = {
  id: 'ghl.users',
  connector: 'ghl',
  title: 'Users',
  description: "The location's users (staff): value the user id, label the name, description the email.",
  params: [],
  operationId: 'ghl.users.get-user-by-location',
  documented: 'users.json: GET /users/ (get-user-by-location) → LocationSuccessfulResponseDto',
  requestParams: none,
  input: (locationId) => ({ query: { locationId } }),
  options: (body, _params, request) =>
    options(
      listIn(body, 'users', request).filter((u) => u['deleted'] !== true),
      (u, id) => {
        const email = text(u, 'email');
        const full = [text(u, 'firstName'), text(u, 'lastName')].filter((part) => part !== undefined).join(' ');
        return option(id, text(u, 'name') ?? (full === '' ? undefined : full) ?? email ?? id, email);
      },
    ),
};

const CUSTOM_FIELD_MODELS = ['contact', 'opportunity', 'all'] as const;

/** `CustomFieldsListSuccessfulResponseDto`: `{ customFields: CustomFieldSchema[] }` (id, name, fieldKey, dataType, model). */
const customFields: GhlOptionSource = {
  id: 'ghl.custom-fields',
  connector: 'ghl',
  title: 'Custom fields',
  description: "The location's custom fields: value the field id, label its name, description its data type.",
  params: [{ name: 'model', required: false, description: "whose fields to list: 'contact', 'opportunity' or 'all' (GHL's default: contact)", enum: CUSTOM_FIELD_MODELS }],
  operationId: 'ghl.locations.get-custom-fields',
  documented: 'locations.json: GET /locations/{locationId}/customFields (get-custom-fields) → CustomFieldsListSuccessfulResponseDto',
  requestParams: (params): OptionParams => {
    const model = params['model'];
    return model === undefined ? {} : { model };
  },
  input: (locationId, params) => {
    const model = params['model'];
    return { path: { locationId }, ...(model === undefined ? {} : { query: { model } }) };
  },
  options: (body, _params, request) =>
    options(listIn(body, 'customFields', request), (f, id) => option(id, text(f, 'name') ?? text(f, 'fieldKey') ?? id, text(f, 'dataType'))),
};

const TAG_VALUES = ['name', 'id'] as const;

/**
 * `LocationTagsSuccessfulResponseDto`: `{ tags: LocationTagsSchema[] }` (id, name, locationId).
 * Contacts carry tags by name (add-tags, upsert-contact), so the value is the name unless
 * `params.value` is `id` (for the tag operations that take a tagId).
 */
const tags: GhlOptionSource = {
  id: 'ghl.tags',
  connector: 'ghl',
  title: 'Tags',
  description: "The location's tags: value the tag name (contacts hold tags by name), or its id with params.value 'id'; label the name.",
  params: [{ name: 'value', required: false, description: "what an option's value is: 'name' (default) or 'id'", enum: TAG_VALUES }],
  operationId: 'ghl.locations.get-location-tags',
  documented: 'locations.json: GET /locations/{locationId}/tags (get-location-tags) → LocationTagsSuccessfulResponseDto',
  requestParams: none,
  input: (locationId) => ({ path: { locationId } }),
  options: (body, params, request) => {
    const byId = params['value'] === 'id';
    const out: Option[] = [];
    for (const tag of listIn(body, 'tags', request)) {
      const name = text(tag, 'name');
      const id = text(tag, 'id');
      if (name === undefined || (byId && id === undefined)) continue;
      out.push(option(byId ? (id as string) : name, name));
    }
    return out;
  },
};

/** Every GHL option source, by the ids catalog fields name. */
export const ghlOptionSources: readonly GhlOptionSource[] = [calendars, pipelines, pipelineStages, users, customFields, tags];
