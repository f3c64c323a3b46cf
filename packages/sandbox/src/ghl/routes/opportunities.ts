import { cloneJson, type JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, queryInt, queryString, stringField } from '../model/body.js';
import { requireUser } from '../model/calendar-model.js';
import { requireContact } from '../model/contact-model.js';
import type { OpportunityRecord, OpportunityStatus, PipelineRecord } from '../state/records.js';
import type { LocationState, SandboxStore } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const READ = ['opportunities.readonly'];
const WRITE = ['opportunities.write'];

function requirePipeline(location: LocationState, pipelineId: string): PipelineRecord {
  const pipeline = location.pipelines.get(pipelineId);
  if (pipeline === undefined) throw new GhlHttpError(400, `Pipeline with id ${pipelineId} not found in location ${location.id}`);
  return pipeline;
}

export function requireOpportunity(location: LocationState, id: string): OpportunityRecord {
  const opportunity = location.opportunities.get(id);
  if (opportunity === undefined) throw new GhlHttpError(404, `Opportunity with id ${id} not found`);
  return opportunity;
}

function stageFor(pipeline: PipelineRecord, stageId: string | undefined): string {
  if (stageId === undefined) return pipeline.stages[0]?.id ?? '';
  if (!pipeline.stages.some((s) => s.id === stageId)) {
    throw new GhlHttpError(400, `Pipeline stage ${stageId} does not belong to pipeline ${pipeline.id}`);
  }
  return stageId;
}

/** SearchOpportunitiesResponseSchema / the opportunity of GHL's answers, with its contact. */
export function opportunityView(o: OpportunityRecord, location: LocationState): JsonObject {
  const contact = o.contactId === undefined ? undefined : location.contacts.get(o.contactId);
  return {
    ...cloneJson(o),
    ...(contact === undefined
      ? {}
      : { contact: { id: contact.id, name: contact.name ?? '', email: contact.email ?? '', phone: contact.phone ?? '', tags: [...contact.tags] } }),
  };
}

/** Applies the writable opportunity fields of a body; stage and status changes stamp their change times. */
function applyFields(store: SandboxStore, location: LocationState, o: OpportunityRecord, input: JsonObject): void {
  const at = store.timestamp();
  const pipelineId = stringField(input, 'pipelineId');
  const pipeline = requirePipeline(location, pipelineId ?? o.pipelineId);
  const stageInput = stringField(input, 'pipelineStageId');
  const stage = stageInput !== undefined || pipelineId !== undefined ? stageFor(pipeline, stageInput) : o.pipelineStageId;
  if (pipelineId !== undefined) o.pipelineId = pipeline.id;
  if (stage !== o.pipelineStageId) {
    o.pipelineStageId = stage;
    o.lastStageChangeAt = at;
  }
  const status = stringField(input, 'status') as OpportunityStatus | undefined;
  if (status !== undefined && status !== o.status) {
    o.status = status;
    o.lastStatusChangeAt = at;
  }
  const name = stringField(input, 'name');
  if (name !== undefined) o.name = name;
  const value = input['monetaryValue'];
  if (typeof value === 'number') o.monetaryValue = value;
  const lostReasonId = stringField(input, 'lostReasonId');
  if (lostReasonId !== undefined && location.lostReasons.get(lostReasonId)?.deleted !== false) {
    throw new GhlHttpError(400, `Lost reason with id ${lostReasonId} not found in location ${location.id}`);
  }
  const assignedTo = stringField(input, 'assignedTo');
  if (assignedTo !== undefined) requireUser(location, assignedTo, 'Assigned user');
  for (const key of ['assignedTo', 'lostReasonId', 'source'] as const) {
    const v = stringField(input, key);
    if (v !== undefined) o[key] = v;
  }
  if (Array.isArray(input['customFields'])) o.customFields = cloneJson(input['customFields']);
  o.updatedAt = at;
}

function newOpportunity(store: SandboxStore, location: LocationState, input: JsonObject, contactId: string | undefined): OpportunityRecord {
  const pipeline = requirePipeline(location, stringField(input, 'pipelineId') ?? '');
  if (contactId !== undefined) {
    requireContact(location, contactId, 400);
    const existing = [...location.opportunities.values()].find((o) => o.contactId === contactId && o.pipelineId === pipeline.id);
    if (existing !== undefined) {
      throw new GhlHttpError(400, 'Can not create duplicate opportunity for the contact.', { meta: { opportunityId: existing.id } });
    }
  }
  const at = store.timestamp();
  const o: OpportunityRecord = {
    id: store.newId(),
    locationId: location.id,
    name: stringField(input, 'name') ?? '',
    pipelineId: pipeline.id,
    pipelineStageId: stageFor(pipeline, stringField(input, 'pipelineStageId')),
    status: (stringField(input, 'status') as OpportunityStatus | undefined) ?? 'open',
    ...(contactId === undefined ? {} : { contactId }),
    customFields: [],
    followers: [],
    source: 'api',
    createdAt: at,
    updatedAt: at,
    lastStatusChangeAt: at,
    lastStageChangeAt: at,
  };
  applyFields(store, location, o, input);
  location.opportunities.set(o.id, o);
  return o;
}

function applyFollowers(o: OpportunityRecord, input: JsonObject): void {
  const followers = Array.isArray(input['followers']) ? input['followers'].filter((f): f is string => typeof f === 'string') : [];
  if (input['isRemoveAllFollowers'] === true) o.followers = [];
  if (input['followersActionType'] === 'remove') o.followers = o.followers.filter((f) => !followers.includes(f));
  else o.followers = [...new Set([...o.followers, ...followers])];
}

export const opportunityRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'create-opportunity',
    method: 'POST',
    path: '/opportunities/',
    scopes: WRITE,
    handle: ({ store, location, body }) => {
      const input = bodyObject(body);
      const o = newOpportunity(store, location, input, stringField(input, 'contactId'));
      return created({ opportunity: opportunityView(o, location) });
    },
  }),
  defineRoute({
    operationId: 'get-opportunity',
    method: 'GET',
    path: '/opportunities/{id}',
    scopes: READ,
    handle: ({ location, params }) => ok({ opportunity: opportunityView(requireOpportunity(location, params['id'] ?? ''), location) }),
  }),
  defineRoute({
    operationId: 'update-opportunity',
    method: 'PUT',
    path: '/opportunities/{id}',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const o = requireOpportunity(location, params['id'] ?? '');
      applyFields(store, location, o, bodyObject(body));
      return ok({ opportunity: opportunityView(o, location) });
    },
  }),
  defineRoute({
    operationId: 'delete-opportunity',
    method: 'DELETE',
    path: '/opportunities/{id}',
    scopes: WRITE,
    handle: ({ location, params }) => {
      const o = requireOpportunity(location, params['id'] ?? '');
      location.opportunities.delete(o.id);
      return ok({ succeded: true });
    },
  }),
  defineRoute({
    operationId: 'update-opportunity-status',
    method: 'PUT',
    path: '/opportunities/{id}/status',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const o = requireOpportunity(location, params['id'] ?? '');
      const input = bodyObject(body);
      applyFields(store, location, o, { status: input['status'], lostReasonId: input['lostReasonId'] });
      return ok({ succeded: true });
    },
  }),
  defineRoute({
    operationId: 'Upsert-opportunity',
    method: 'POST',
    path: '/opportunities/upsert',
    scopes: WRITE,
    handle: ({ store, location, body }) => {
      const input = bodyObject(body);
      const id = stringField(input, 'id');
      // UpsertOpportunityDto has no contactId; the sandbox accepts one (as GHL's API does) to find the match.
      const contactId = stringField(input, 'contactId');
      const pipelineId = stringField(input, 'pipelineId');
      const match =
        id !== undefined
          ? requireOpportunity(location, id)
          : contactId === undefined
            ? undefined
            : [...location.opportunities.values()].find((o) => o.contactId === contactId && o.pipelineId === pipelineId);
      if (match === undefined) {
        const o = newOpportunity(store, location, input, contactId);
        applyFollowers(o, input);
        return ok({ opportunity: opportunityView(o, location), new: true });
      }
      applyFields(store, location, match, input);
      applyFollowers(match, input);
      return ok({ opportunity: opportunityView(match, location), new: false });
    },
  }),
  defineRoute({
    operationId: 'search-opportunity',
    method: 'GET',
    path: '/opportunities/search',
    scopes: READ,
    handle: ({ location, query }) => {
      const filters: [keyof OpportunityRecord, string | undefined][] = [
        ['contactId', queryString(query, 'contact_id')],
        ['pipelineId', queryString(query, 'pipeline_id')],
        ['pipelineStageId', queryString(query, 'pipeline_stage_id')],
        ['status', queryString(query, 'status')],
        ['id', queryString(query, 'id')],
      ];
      const hits = [...location.opportunities.values()].filter((o) =>
        filters.every(([key, want]) => want === undefined || (key === 'status' && want === 'all') || o[key] === want),
      );
      const limit = queryInt(query, 'limit', 20);
      const page = Math.max(1, queryInt(query, 'page', 1));
      return ok({
        opportunities: hits.slice((page - 1) * limit, page * limit).map((o) => opportunityView(o, location)),
        meta: { total: hits.length, currentPage: page },
      });
    },
  }),
  defineRoute({
    operationId: 'get-pipelines',
    method: 'GET',
    path: '/opportunities/pipelines',
    scopes: READ,
    handle: ({ location }) => ok({ pipelines: [...location.pipelines.values()].map((p) => cloneJson(p)) }),
  }),
];
