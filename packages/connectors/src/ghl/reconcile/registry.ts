import { createAppointmentFinder } from './appointment.js';
import { createContactFinder, upsertContactFinder } from './contact.js';
import type { EffectFinder } from './effect-finder.js';
import { createNoteFinder } from './note.js';
import { createOpportunityFinder } from './opportunity.js';
import { createTaskFinder } from './task.js';

/**
 * The GHL operations whose effect can be found again, by operation id. GHL has no idempotency
 * keys, so each creating operation declares how to find what it would have created.
 *
 * Every other operation reconciles to `{ found: false }`, and the engine sends it again: reads
 * (GET, and the search POSTs whose scopes are all read-only) and the idempotent PUTs and DELETEs do
 * the same thing when repeated; the other POSTs are listed below, each with why.
 */
const FINDERS: readonly EffectFinder[] = [
  createContactFinder,
  upsertContactFinder,
  createTaskFinder,
  createNoteFinder,
  createAppointmentFinder,
  createOpportunityFinder,
];

/** POSTs without a finder whose repeat does no harm: upserts and adds to a set. */
export const REPEAT_SAFE_POSTS: Readonly<Record<string, string>> = {
  'ghl.opportunities.Upsert-opportunity': 'an upsert: a repeat updates the opportunity the first one made and answers its id',
  'ghl.contacts.add-tags': 'adds to a set: a tag the contact has is not added twice',
  'ghl.contacts.create-association': 'adds or removes tags of many contacts: a set operation',
  'ghl.contacts.add-followers-contact': 'adds to a set of followers',
  'ghl.opportunities.add-followers-opportunity': 'adds to a set of followers',
  'ghl.contacts.add-remove-contact-from-business': 'sets the business of contacts',
  'ghl.contacts.add-contact-to-campaign': 'a contact is in a campaign or not',
  'ghl.calendars.validate-groups-slug': 'only checks whether a slug is free',
};

/**
 * Creating POSTs without a finder yet: after an unknown outcome the engine sends them again, and
 * if the first one was applied, the thing exists twice. Each says what a finder could match on.
 */
export const UNFINDABLE_POSTS: Readonly<Record<string, string>> = {
  'ghl.contacts.add-contact-to-workflow': 'a repeat may enroll the contact again; nothing lists enrollments',
  'ghl.calendars.create-appointment-note': 'could be found by a body marker in the appointment\'s notes (not done yet)',
  'ghl.calendars.create-block-slot': 'could be found by calendar and time among blocked slots (not done yet)',
  'ghl.calendars.create-calendar': 'could be found by name among the location\'s calendars (not done yet)',
  'ghl.calendars.create-calendar-group': 'could be found by slug among groups (not done yet)',
  'ghl.calendars.create-calendar-resource': 'could be found by name among resources (not done yet)',
  'ghl.calendars.create-event-notification': 'no stable field to match on',
  'ghl.calendars.createSchedule': 'could be found by name among schedules (not done yet)',
  'ghl.locations.create-custom-field': 'could be found by name among custom fields (not done yet)',
  'ghl.locations.create-tag': 'could be found by name among the location\'s tags (not done yet)',
  'ghl.locations.upload-file-customFields': 'an upload: nothing to match on',
  'ghl.users.create-user': 'could be found by email among users (not done yet)',
};

function byOperationId(finders: readonly EffectFinder[]): ReadonlyMap<string, EffectFinder> {
  const map = new Map<string, EffectFinder>();
  for (const finder of finders) {
    if (map.has(finder.operationId)) throw new Error(`Two effect finders for ${finder.operationId}: keep one`);
    map.set(finder.operationId, finder);
  }
  return map;
}

export const effectFinders: ReadonlyMap<string, EffectFinder> = byOperationId(FINDERS);

/** The finder of an operation, or undefined when its effect cannot be looked up. */
export function effectFinderFor(operationId: string): EffectFinder | undefined {
  return effectFinders.get(operationId);
}
