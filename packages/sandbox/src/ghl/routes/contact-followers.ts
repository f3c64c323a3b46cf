import { bodyObject } from '../model/body.js';
import { requireContact } from '../model/contact-model.js';
import { addFollowers, followerIds, removeFollowers } from '../model/followers.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const WRITE = ['contacts.write'];

export const contactFollowerRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'add-followers-contact',
    method: 'POST',
    path: '/contacts/{contactId}/followers',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const contact = requireContact(location, params['contactId'] ?? '');
      const answer = addFollowers(contact.followers ?? [], followerIds(location, bodyObject(body)['followers']));
      contact.followers = answer.followers;
      contact.dateUpdated = store.timestamp();
      return created(answer);
    },
  }),
  defineRoute({
    operationId: 'remove-followers-contact',
    method: 'DELETE',
    path: '/contacts/{contactId}/followers',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const contact = requireContact(location, params['contactId'] ?? '');
      const answer = removeFollowers(contact.followers ?? [], followerIds(location, bodyObject(body)['followers']));
      contact.followers = answer.followers;
      contact.dateUpdated = store.timestamp();
      return ok(answer);
    },
  }),
];
