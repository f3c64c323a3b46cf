import { pathToFileURL } from 'node:url';
import { ADMIN_ENDPOINTS } from './ghl/admin/admin-api.js';
import { DEFAULT_OAUTH_CLIENT, type GhlSandboxOptions } from './ghl/options.js';
import { startGhlSandbox, type GhlSandbox } from './ghl/server.js';
import { SandboxOptionsError } from './shared/errors.js';

export interface RunSandboxOptions extends GhlSandboxOptions {
  /** Where to print (default `console.log`). */
  readonly print?: (line: string) => void;
}

/**
 * Starts the GHL sandbox and prints its URL, tokens, OAuth client and admin endpoints, for a
 * CLI (`flowline sandbox`) or `node --import tsx packages/sandbox/src/main.ts [port]`.
 * The tokens printed are the sandbox's own local test tokens, not real credentials.
 */
export async function runSandbox(options: RunSandboxOptions = {}): Promise<GhlSandbox> {
  const print = options.print ?? ((line: string) => console.log(line));
  const sandbox = await startGhlSandbox(options);
  print(`GHL sandbox listening on ${sandbox.url}`);
  print(`  request schemas: ${sandbox.schemaSource}`);
  for (const [token, grant] of Object.entries(sandbox.tokens)) {
    print(`  private integration token: ${token} (location ${grant.locationId}${grant.scopes === undefined ? '' : `, scopes ${grant.scopes.join(' ')}`})`);
  }
  for (const clientId of Object.keys(sandbox.oauthClients)) {
    print(`  OAuth client: ${clientId}${clientId === DEFAULT_OAUTH_CLIENT.id ? ` / ${DEFAULT_OAUTH_CLIENT.secret}` : ''}; POST ${sandbox.url}/oauth/token, GET ${sandbox.url}/oauth/chooselocation`);
  }
  print(`  admin API (loopback, no token): ${sandbox.adminUrl}`);
  for (const line of ADMIN_ENDPOINTS) print(`    ${line}`);
  return sandbox;
}

function parsePort(arg: string | undefined): number | undefined {
  if (arg === undefined) return undefined;
  const port = Number(arg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SandboxOptionsError(`Expected a port from 0 to 65535, got ${arg}`);
  return port;
}

async function main(): Promise<void> {
  const port = parsePort(process.argv[2]);
  const sandbox = await runSandbox(port === undefined ? {} : { port });
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
