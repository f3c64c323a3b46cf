import { absent, found, unknowable, type EffectFinder, type FindContext, type Lookup } from './effect-finder.js';
import { answerRecord, inputString } from './input-fields.js';

const DUPLICATE_SEARCH = 'ghl.contacts.get-duplicate-contact';

/**
 * The contact with the request's email and/or phone, by GHL's duplicate search
 * (`GET /contacts/search/duplicate?locationId=&email=&number=`, contacts.json), which matches the
 * way GHL itself decides that two contacts are one. `found` carries the contact itself.
 */
async function findContact(input: unknown, context: FindContext): Promise<Lookup> {
  const email = inputString(input, 'body', 'email');
  const phone = inputString(input, 'body', 'phone');
  if (email === undefined && phone === undefined) {
    return unknowable('the request has neither email nor phone, so nothing identifies the contact it would have created');
  }
  const locationId = inputString(input, 'body', 'locationId') ?? context.locationId;
  if (locationId === undefined) return unknowable('neither the request body nor the connection settings name a locationId to search');
  const answer = await context.read(DUPLICATE_SEARCH, {
    query: { locationId, ...(email === undefined ? {} : { email }), ...(phone === undefined ? {} : { number: phone }) },
  });
  const contact = answerRecord(answer, 'contact');
  return contact === undefined ? absent : found(contact);
}

/**
 * `create-contact`: a contact found by email/phone is the one the lost request created (or the one
 * it would have collided with, when the location refuses duplicates). Answers `{ contact }`.
 */
export const createContactFinder: EffectFinder = {
  operationId: 'ghl.contacts.create-contact',
  strategy: 'the contact with the same email and/or phone (GET /contacts/search/duplicate)',
  async find(input, context) {
    const lookup = await findContact(input, context);
    return lookup.status === 'found' ? found({ contact: lookup.output }) : lookup;
  },
};

/**
 * `upsert-contact`: upsert is idempotent by itself, but a lost answer still needs the contact id.
 * Answers `{ new: false, contact }` (whether the lost request created the contact is not known).
 */
export const upsertContactFinder: EffectFinder = {
  operationId: 'ghl.contacts.upsert-contact',
  strategy: 'the contact with the same email and/or phone (GET /contacts/search/duplicate)',
  async find(input, context) {
    const lookup = await findContact(input, context);
    return lookup.status === 'found' ? found({ new: false, contact: lookup.output }) : lookup;
  },
};
