import { markedBodyFinder } from './marked-body-finder.js';

/** `create-task`: the contact's task whose body carries the marker (`GET /contacts/{contactId}/tasks`). Answers `{ task }`. */
export const createTaskFinder = markedBodyFinder({
  operationId: 'ghl.contacts.create-task',
  listOperationId: 'ghl.contacts.get-all-tasks',
  listField: 'tasks',
  outputField: 'task',
  textField: 'body',
});
