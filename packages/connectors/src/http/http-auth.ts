import { ActionError, type ConnectionConfig } from '@flowline/core';

/** The headers a connection's credentials add, and the secret strings to keep out of everything recorded. */
export interface ConnectionAuth {
  readonly headers: Readonly<Record<string, string>>;
  readonly secrets: readonly string[];
}

function text(credentials: Readonly<Record<string, unknown>>, name: string, connection: string): string {
  const value = credentials[name];
  if (typeof value !== 'string' || value === '') {
    throw new ActionError('credentials', `The http connection "${connection}" needs a non-empty string credentials.${name}`, {
      hint: 'Set it in the tenant\'s connections (never in the workflow).',
    });
  }
  return value;
}

/**
 * Auth of an `http` connection, from its secret `credentials`:
 * `{ type: 'bearer', token }`, `{ type: 'basic', username, password }` or
 * `{ type: 'header', name, value }` (an API key header); none means no auth.
 */
export function connectionAuth(connection: ConnectionConfig, connectionName: string): ConnectionAuth {
  const credentials = connection.credentials;
  if (credentials === undefined || Object.keys(credentials).length === 0) return { headers: {}, secrets: [] };
  switch (credentials['type']) {
    case 'bearer': {
      const token = text(credentials, 'token', connectionName);
      return { headers: { authorization: `Bearer ${token}` }, secrets: [token] };
    }
    case 'basic': {
      const username = text(credentials, 'username', connectionName);
      const password = text(credentials, 'password', connectionName);
      const encoded = Buffer.from(`${username}:${password}`).toString('base64');
      return { headers: { authorization: `Basic ${encoded}` }, secrets: [password, encoded] };
    }
    case 'header': {
      const name = text(credentials, 'name', connectionName).toLowerCase();
      const value = text(credentials, 'value', connectionName);
      if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) {
        throw new ActionError('credentials', `The http connection "${connectionName}" names an invalid header`, { hint: 'credentials.name is a header name such as X-API-Key.' });
      }
      return { headers: { [name]: value }, secrets: [value] };
    }
    default:
      throw new ActionError('credentials', `The http connection "${connectionName}" has credentials of no known type`, {
        hint: 'credentials.type is "bearer" (token), "basic" (username, password) or "header" (name, value).',
      });
  }
}
