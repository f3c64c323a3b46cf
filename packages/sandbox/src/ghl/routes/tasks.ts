import { cloneJson, type JsonObject } from '../../shared/json.js';
import { GhlHttpError } from '../http/ghl-http-error.js';
import { bodyObject, stringField } from '../model/body.js';
import { requireContact } from '../model/contact-model.js';
import type { TaskRecord } from '../state/records.js';
import type { LocationState } from '../state/store.js';
import { created, defineRoute, ok, type RouteDefinition } from '../routing/route.js';

const READ = ['contacts.readonly'];
const WRITE = ['contacts.write'];

function requireTask(location: LocationState, contactId: string, taskId: string): TaskRecord {
  requireContact(location, contactId);
  const task = location.tasks.get(taskId);
  if (task === undefined || task.contactId !== contactId) throw new GhlHttpError(404, `Task with id ${taskId} not found`);
  return task;
}

const TASK_FIELDS = ['title', 'body', 'dueDate', 'completed', 'assignedTo'] as const;

export const taskRoutes: RouteDefinition[] = [
  defineRoute({
    operationId: 'get-all-tasks',
    method: 'GET',
    path: '/contacts/{contactId}/tasks',
    scopes: READ,
    handle: ({ location, params }) => {
      const contact = requireContact(location, params['contactId'] ?? '');
      return ok({ tasks: [...location.tasks.values()].filter((t) => t.contactId === contact.id).map((t) => cloneJson(t)) });
    },
  }),
  defineRoute({
    operationId: 'create-task',
    method: 'POST',
    path: '/contacts/{contactId}/tasks',
    scopes: WRITE,
    handle: ({ store, location, params, body }) => {
      const contact = requireContact(location, params['contactId'] ?? '');
      const input = bodyObject(body);
      const task: TaskRecord = {
        id: store.newId(),
        contactId: contact.id,
        title: stringField(input, 'title') ?? '',
        dueDate: stringField(input, 'dueDate') ?? '',
        completed: input['completed'] === true,
        ...(stringField(input, 'body') === undefined ? {} : { body: stringField(input, 'body') }),
        ...(stringField(input, 'assignedTo') === undefined ? {} : { assignedTo: stringField(input, 'assignedTo') }),
      };
      location.tasks.set(task.id, task);
      return created({ task: cloneJson(task) });
    },
  }),
  defineRoute({
    operationId: 'get-task',
    method: 'GET',
    path: '/contacts/{contactId}/tasks/{taskId}',
    scopes: READ,
    handle: ({ location, params }) =>
      ok({ task: cloneJson(requireTask(location, params['contactId'] ?? '', params['taskId'] ?? '')) }),
  }),
  defineRoute({
    operationId: 'update-task',
    method: 'PUT',
    path: '/contacts/{contactId}/tasks/{taskId}',
    scopes: WRITE,
    handle: ({ location, params, body }) => {
      const task = requireTask(location, params['contactId'] ?? '', params['taskId'] ?? '');
      const input = bodyObject(body);
      for (const key of TASK_FIELDS) {
        const value = input[key];
        const raw: JsonObject = task;
        if (value !== undefined) raw[key] = value;
      }
      return ok({ task: cloneJson(task) });
    },
  }),
  defineRoute({
    operationId: 'delete-task',
    method: 'DELETE',
    path: '/contacts/{contactId}/tasks/{taskId}',
    scopes: WRITE,
    handle: ({ location, params }) => {
      const task = requireTask(location, params['contactId'] ?? '', params['taskId'] ?? '');
      location.tasks.delete(task.id);
      return ok({ succeded: true });
    },
  }),
  defineRoute({
    operationId: 'update-task-completed',
    method: 'PUT',
    path: '/contacts/{contactId}/tasks/{taskId}/completed',
    scopes: WRITE,
    handle: ({ location, params, body }) => {
      const task = requireTask(location, params['contactId'] ?? '', params['taskId'] ?? '');
      task.completed = bodyObject(body)['completed'] === true;
      return ok({ task: cloneJson(task) });
    },
  }),
];
