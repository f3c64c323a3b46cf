import { ActionError, createKeyedLimiter, silentLogger, type ActionContext, type OperationDescriptor } from '@flowline/core';

const stringSchema = { type: 'string', minLength: 1 } as const;

/** Small hand-made descriptors shaped like the generated ones. */
export const getContact: OperationDescriptor = {
  id: 'ghl.contacts.get-contact',
  kind: 'action',
  connector: 'ghl',
  title: 'Get Contact',
  scopes: ['contacts.readonly'],
  http: { method: 'GET', path: '/contacts/{contactId}', version: '2021-07-28' },
  input: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      path: { type: 'object', properties: { contactId: stringSchema }, required: ['contactId'], additionalProperties: false },
    },
    required: ['path'],
    additionalProperties: false,
  },
};

export const createContact: OperationDescriptor = {
  id: 'ghl.contacts.create-contact',
  kind: 'action',
  connector: 'ghl',
  title: 'Create Contact',
  scopes: ['contacts.write'],
  http: { method: 'POST', path: '/contacts/', version: '2021-07-28' },
  input: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      body: {
        type: 'object',
        properties: { locationId: stringSchema, email: { type: 'string', format: 'email' }, tags: { type: 'array', items: { type: 'string' } } },
        required: ['locationId'],
        additionalProperties: false,
      },
    },
    required: ['body'],
    additionalProperties: false,
  },
};

export const searchContacts: OperationDescriptor = {
  id: 'ghl.contacts.search-contacts-advanced',
  kind: 'action',
  connector: 'ghl',
  title: 'Search Contacts',
  scopes: ['contacts.readonly'],
  http: { method: 'POST', path: '/contacts/search', version: '2021-07-28' },
  input: { type: 'object', properties: { body: { type: 'object' } }, required: ['body'] },
};

export const getFreeSlots: OperationDescriptor = {
  id: 'ghl.calendars.get-slots',
  kind: 'action',
  connector: 'ghl',
  title: 'Get Free Slots',
  scopes: ['calendars.readonly'],
  http: { method: 'GET', path: '/calendars/{calendarId}/free-slots', version: '2021-04-15' },
  input: {
    type: 'object',
    properties: {
      path: { type: 'object', properties: { calendarId: stringSchema }, required: ['calendarId'] },
      query: {
        type: 'object',
        properties: { startDate: { type: 'number' }, endDate: { type: 'number' }, userIds: { type: 'array', items: { type: 'string' } }, enableLookBusy: { type: 'boolean' } },
        required: ['startDate', 'endDate'],
      },
    },
    required: ['path', 'query'],
  },
};

export const uploadCustomFieldFile: OperationDescriptor = {
  id: 'ghl.locations.upload-file-customFields',
  kind: 'action',
  connector: 'ghl',
  title: 'Uploads File to customFields',
  scopes: ['locations/customFields.write'],
  http: { method: 'POST', path: '/locations/{locationId}/customFields/upload', version: '2021-07-28' },
  input: {
    type: 'object',
    properties: {
      path: { type: 'object', properties: { locationId: stringSchema }, required: ['locationId'] },
      body: { type: 'object', properties: { id: { type: 'string' }, maxFiles: { type: 'string' } } },
    },
    required: ['path', 'body'],
  },
};

export const handMadeOperations: readonly OperationDescriptor[] = [getContact, createContact, searchContacts, getFreeSlots, uploadCustomFieldFile];

export const PRIVATE_TOKEN = 'pit-SECRET-0123456789abcdef';

export function actionContext(options: {
  credentials: Record<string, unknown>;
  settings?: Record<string, unknown>;
  connectionName?: string;
  tenant?: string;
  signal?: AbortSignal;
}): ActionContext {
  return {
    tenant: options.tenant ?? 'default',
    connectionName: options.connectionName ?? 'ghl-main',
    connection: { connector: 'ghl', credentials: options.credentials, settings: options.settings ?? {} },
    signal: options.signal ?? new AbortController().signal,
    limiter: createKeyedLimiter(),
    logger: silentLogger,
    idempotencyKey: 'run-1:step-1',
    attempt: 1,
  };
}

export const privateToken = { type: 'private-token', token: PRIVATE_TOKEN };

/** Fast retries for tests. */
export const fastRetry = { retries: 2, minDelayMs: 1, maxDelayMs: 5, rateLimitRetries: 3 } as const;

/** The ActionError a call rejects with (fails the test when it resolves or throws something else). */
export async function failureOf(pending: Promise<unknown>): Promise<ActionError> {
  const outcome = await pending.then(
    (value) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error(`Expected the call to fail, it returned ${JSON.stringify(outcome.value)}`);
  if (!(outcome.error instanceof ActionError)) throw outcome.error;
  return outcome.error;
}
