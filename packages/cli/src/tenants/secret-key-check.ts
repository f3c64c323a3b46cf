import type { ConnectionConfig } from '@flowline/core';
import { MissingSecretKeyError } from './missing-secret-key-error.js';

/** GHL credentials whose tokens the store keeps (encrypted): `oauth` and `agency-oauth`. */
const OAUTH_TYPES: readonly unknown[] = ['oauth', 'agency-oauth'];

/** The connections that use GHL OAuth, as `"name" (type)`. */
export function oauthConnections(connections: Readonly<Record<string, ConnectionConfig>> | undefined): string[] {
  return Object.entries(connections ?? {})
    .filter(([, connection]) => connection.connector === 'ghl' && OAUTH_TYPES.includes(connection.credentials?.['type']))
    .map(([name, connection]) => `"${name}" (${String(connection.credentials?.['type'])})`);
}

/**
 * Throws MissingSecretKeyError when there is no key and `connections` use GHL OAuth: without it
 * every token read and write fails, so every GHL run would fail after its delivery was
 * acknowledged. `owner` names whose connections they are ("the configuration's").
 */
export function requireKeyForOAuth(options: { readonly command: string; readonly hasKey: boolean; readonly owner: string; readonly connections: Readonly<Record<string, ConnectionConfig>> | undefined }): void {
  if (options.hasKey) return;
  const oauth = oauthConnections(options.connections);
  if (oauth.length === 0) return;
  const one = oauth.length === 1;
  throw new MissingSecretKeyError(options.command, `${options.owner} ${one ? 'connection' : 'connections'} ${oauth.join(', ')} ${one ? 'uses' : 'use'} GHL OAuth, whose tokens the store keeps encrypted with it`);
}
