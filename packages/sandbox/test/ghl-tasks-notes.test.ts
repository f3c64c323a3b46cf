import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGhlSandbox, type GhlSandbox } from '../src/index.js';
import { call, get, LOC } from './support/ghl-client.js';

let sandbox: GhlSandbox;
let contactId: string;
beforeEach(async () => {
  sandbox = await startGhlSandbox();
  contactId = get<string>((await call(sandbox, 'POST', '/contacts/', { body: { locationId: LOC, email: 'kim@example.com' } })).body, 'contact', 'id');
});
afterEach(async () => {
  await sandbox.close();
});

describe('contact tasks', () => {
  it('goes through create, list, get, update, complete and delete', async () => {
    const created = await call(sandbox, 'POST', `/contacts/${contactId}/tasks`, {
      body: { title: 'Call about the missed class', dueDate: '2025-01-02T10:00:00Z', completed: false },
    });
    expect(created.status).toBe(201);
    const taskId = get<string>(created.body, 'task', 'id');
    expect(get(created.body, 'task')).toMatchObject({ contactId, completed: false, title: 'Call about the missed class' });

    expect(get<unknown[]>((await call(sandbox, 'GET', `/contacts/${contactId}/tasks`)).body, 'tasks')).toHaveLength(1);
    expect(get((await call(sandbox, 'GET', `/contacts/${contactId}/tasks/${taskId}`)).body, 'task', 'id')).toBe(taskId);

    const updated = await call(sandbox, 'PUT', `/contacts/${contactId}/tasks/${taskId}`, { body: { body: 'Left a voicemail' } });
    expect(get(updated.body, 'task', 'body')).toBe('Left a voicemail');

    const done = await call(sandbox, 'PUT', `/contacts/${contactId}/tasks/${taskId}/completed`, { body: { completed: true } });
    expect(get(done.body, 'task', 'completed')).toBe(true);

    expect((await call(sandbox, 'DELETE', `/contacts/${contactId}/tasks/${taskId}`)).body).toEqual({ succeded: true });
    expect((await call(sandbox, 'GET', `/contacts/${contactId}/tasks/${taskId}`)).status).toBe(404);
  });

  it('answers 422 naming the missing fields of a task', async () => {
    const res = await call(sandbox, 'POST', `/contacts/${contactId}/tasks`, { body: { title: 'No due date' } });
    expect(res.status).toBe(422);
    expect(res.body['message']).toEqual(expect.arrayContaining([expect.stringContaining('dueDate'), expect.stringContaining('completed')]));
  });

  it('answers 404 for a task of an unknown contact', async () => {
    const res = await call(sandbox, 'GET', '/contacts/unknownContact00000000/tasks');
    expect(res.status).toBe(404);
  });
});

describe('contact notes', () => {
  it('goes through create, list, get, update and delete', async () => {
    const created = await call(sandbox, 'POST', `/contacts/${contactId}/notes`, { body: { body: 'Prefers morning classes' } });
    expect(created.status).toBe(201);
    const noteId = get<string>(created.body, 'note', 'id');
    expect(get(created.body, 'note')).toMatchObject({ contactId, body: 'Prefers morning classes' });
    expect(get<unknown[]>((await call(sandbox, 'GET', `/contacts/${contactId}/notes`)).body, 'notes')).toHaveLength(1);
    const updated = await call(sandbox, 'PUT', `/contacts/${contactId}/notes/${noteId}`, { body: { body: 'Prefers evenings now' } });
    expect(get(updated.body, 'note', 'body')).toBe('Prefers evenings now');
    expect(get((await call(sandbox, 'GET', `/contacts/${contactId}/notes/${noteId}`)).body, 'note', 'body')).toBe('Prefers evenings now');
    expect((await call(sandbox, 'DELETE', `/contacts/${contactId}/notes/${noteId}`)).body).toEqual({ succeded: true });
    expect((await call(sandbox, 'GET', `/contacts/${contactId}/notes/${noteId}`)).status).toBe(404);
  });

  it('deletes a contact together with its tasks and notes', async () => {
    await call(sandbox, 'POST', `/contacts/${contactId}/notes`, { body: { body: 'x' } });
    await call(sandbox, 'POST', `/contacts/${contactId}/tasks`, { body: { title: 't', dueDate: '2025-01-01T00:00:00Z', completed: false } });
    await call(sandbox, 'DELETE', `/contacts/${contactId}`);
    const location = sandbox.state.location(LOC);
    expect(location?.notes.size).toBe(0);
    expect(location?.tasks.size).toBe(0);
  });
});
