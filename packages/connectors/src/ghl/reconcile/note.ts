import { markedBodyFinder } from './marked-body-finder.js';

/** `create-note`: the contact's note whose body carries the marker (`GET /contacts/{contactId}/notes`). Answers `{ note }`. */
export const createNoteFinder = markedBodyFinder({
  operationId: 'ghl.contacts.create-note',
  listOperationId: 'ghl.contacts.get-all-notes',
  listField: 'notes',
  outputField: 'note',
  textField: 'body',
});
