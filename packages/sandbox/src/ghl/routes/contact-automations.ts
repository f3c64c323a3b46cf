import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, stringField } from '../model/body.js';
import { requireContact } from '../model/contact-model.js';
import type { AutomationRecord, EnrollmentRecord } from '../state/records.js';
import type { LocationState, SandboxStore } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const WRITE = ['contacts.write'];
type Kind = EnrollmentRecord['kind'];

/** The campaign or workflow the path names: campaigns and workflows are made in GHL's app, so the sandbox seeds them. */
function requireAutomation(location: LocationState, kind: Kind, id: string): AutomationRecord {
  const found = (kind === 'campaign' ? location.campaigns : location.workflows).get(id);
  if (found === undefined) throw new GhlHttpError(404, `${kind === 'campaign' ? 'Campaign' : 'Workflow'} with id ${id} not found`);
  return found;
}

const enrollmentOf = (location: LocationState, kind: Kind, contactId: string, targetId: string): EnrollmentRecord | undefined =>
  [...location.enrollments.values()].find((e) => e.kind === kind && e.contactId === contactId && e.targetId === targetId);

/** Puts the contact in the campaign or workflow; a contact already in it stays in it once. */
function enrol(store: SandboxStore, location: LocationState, kind: Kind, contactId: string, targetId: string, eventStartTime?: string): void {
  const contact = requireContact(location, contactId);
  const target = requireAutomation(location, kind, targetId);
  if (eventStartTime !== undefined && Number.isNaN(Date.parse(eventStartTime))) throw new GhlHttpError(422, ['eventStartTime must be an ISO 8601 date-time']);
  const existing = enrollmentOf(location, kind, contact.id, target.id);
  const at = store.timestamp();
  const enrollment: EnrollmentRecord = existing ?? { id: store.newId(), contactId: contact.id, kind, targetId: target.id, dateAdded: at };
  if (eventStartTime !== undefined) enrollment.eventStartTime = eventStartTime;
  location.enrollments.set(enrollment.id, enrollment);
}

/** Takes the contact out of the campaign or workflow; taking out a contact that is not in it changes nothing. */
function withdraw(location: LocationState, kind: Kind, contactId: string, targetId: string): void {
  const contact = requireContact(location, contactId);
  const target = requireAutomation(location, kind, targetId);
  const existing = enrollmentOf(location, kind, contact.id, target.id);
  if (existing !== undefined) location.enrollments.delete(existing.id);
}

export const contactAutomationRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'add-contact-to-campaign',
    method: 'POST',
    path: '/contacts/{contactId}/campaigns/{campaignId}',
    scopes: WRITE,
    handle: ({ store, location, params }) => {
      enrol(store, location, 'campaign', params['contactId'] ?? '', params['campaignId'] ?? '');
      return created({ succeded: true });
    },
  }),
  defineRoute({
    operationId: 'remove-contact-from-campaign',
    method: 'DELETE',
    path: '/contacts/{contactId}/campaigns/{campaignId}',
    scopes: WRITE,
    handle: ({ location, params }) => {
      withdraw(location, 'campaign', params['contactId'] ?? '', params['campaignId'] ?? '');
      return ok({ succeded: true });
    },
  }),
  defineRoute({
    operationId: 'remove-contact-from-every-campaign',
    method: 'DELETE',
    path: '/contacts/{contactId}/campaigns/removeAll',
    scopes: WRITE,
    handle: ({ location, params }) => {
      const contact = requireContact(location, params['contactId'] ?? '');
      for (const [id, e] of location.enrollments) if (e.kind === 'campaign' && e.contactId === contact.id) location.enrollments.delete(id);
      return ok({ succeded: true });
    },
  }),
  defineRoute({
    operationId: 'add-contact-to-workflow',
    method: 'POST',
    path: '/contacts/{contactId}/workflow/{workflowId}',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      enrol(store, location, 'workflow', params['contactId'] ?? '', params['workflowId'] ?? '', stringField(bodyObject(body), 'eventStartTime'));
      return ok({ succeded: true });
    },
  }),
  defineRoute({
    operationId: 'delete-contact-from-workflow',
    method: 'DELETE',
    path: '/contacts/{contactId}/workflow/{workflowId}',
    scopes: WRITE,
    handle: ({ location, params }) => {
      withdraw(location, 'workflow', params['contactId'] ?? '', params['workflowId'] ?? '');
      return ok({ succeded: true });
    },
  }),
];
