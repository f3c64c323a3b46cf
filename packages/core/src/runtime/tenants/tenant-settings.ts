import type { ConnectionConfig, Connector } from '../../connectors/connector.js';
import { FlowlineError } from '../../errors/flowline-error.js';
import type { Mapping } from '../../generated/workflow.js';
import { checkTenantId } from '../../tenants/tenant-id.js';

/** What an engine knows of one tenant (one gym): its connections, `$config` and templates. */
export interface TenantSettings {
  readonly id: string;
  /** Named connections (settings and secret credentials) its action steps refer to. */
  readonly connections?: Readonly<Record<string, ConnectionConfig>>;
  /** Non-secret configuration, `$config` in its mappings (e.g. its GHL location id). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Mapping templates its workflows may `$use` (a workflow's own templates win). */
  readonly templates?: Readonly<Record<string, Mapping>>;
}

/** Checks a tenant's id and that each of its connections is for a connector the engine has. */
export function checkTenantSettings(settings: TenantSettings, connectors: ReadonlyMap<string, Connector>): void {
  if (settings === null || typeof settings !== 'object') throw new TypeError('Expected tenant settings to be an object with an `id`');
  checkTenantId(settings.id);
  for (const [name, connection] of Object.entries(settings.connections ?? {})) {
    if (connection.connector !== 'flowline' && !connectors.has(connection.connector)) {
      throw new FlowlineError('tenants.unknown-connector', `Connection "${name}" of tenant "${settings.id}" is for connector "${connection.connector}", which was not given to the engine`, {
        pointer: `/connections/${name}/connector`,
        hint: `Give the engine that connector, or use one of ${[...connectors.keys()].map((known) => `"${known}"`).join(', ') || '(none)'}.`,
      });
    }
  }
}
