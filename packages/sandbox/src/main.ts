import { pathToFileURL } from 'node:url';
import { ADMIN_ENDPOINTS } from './ghl/admin/admin-api.js';
import { DEFAULT_OAUTH_CLIENT, type GhlSandboxOptions } from './ghl/options.js';
import { startGhlSandbox, type GhlSandbox } from './ghl/server.js';
import {
  DEFAULT_PUSHPRESS_API_KEY,
  DEFAULT_PUSHPRESS_COMPANY_ID,
  startPushPressApiStub,
  type PushPressApiStub,
  type PushPressApiStubOptions,
} from './pushpress-api/customer-api.js';
import { scenarioCustomers } from './pushpress-api/scenario-customers.js';
import { LEAD_TO_MEMBER } from './pushpress/scripts/lead-to-member.js';
import { SandboxOptionsError } from './shared/errors.js';

export interface RunSandboxOptions extends GhlSandboxOptions {
  /** Where to print (default `console.log`). */
  readonly print?: (line: string) => void;
  /**
   * The PushPress API stub started beside the GHL sandbox. Default: on the GHL port + 1 (a free
   * port when the GHL port is 0 or left out), with the lead-to-member scenario's customers.
   */
  readonly pushpress?: PushPressApiStubOptions;
}

/** The two local stand-ins `flowline sandbox` runs. */
export interface RunningSandbox {
  readonly ghl: GhlSandbox;
  readonly pushpress: PushPressApiStub;
  /** Closes both. */
  close(): Promise<void>;
}

function pushpressOptions(options: RunSandboxOptions): PushPressApiStubOptions {
  const given = options.pushpress ?? {};
  const ghlPort = options.port ?? 0;
  return {
    ...given,
    port: given.port ?? (ghlPort === 0 || ghlPort === 65535 ? 0 : ghlPort + 1),
    ...(options.host === undefined || given.host !== undefined ? {} : { host: options.host }),
    customers: given.customers ?? scenarioCustomers(LEAD_TO_MEMBER),
  };
}

/**
 * Starts the GHL sandbox and the PushPress API stub, and prints their URLs, the GHL tokens, OAuth
 * client and admin endpoints, and the stub's key and company, for a CLI (`flowline sandbox`) or
 * `node --conditions=@flowline/source --import tsx packages/sandbox/src/main.ts [port]`.
 * The tokens and key printed are the sandbox's own local test values, not real credentials.
 */
export async function runSandbox(options: RunSandboxOptions = {}): Promise<RunningSandbox> {
  const print = options.print ?? ((line: string) => console.log(line));
  const { print: _print, pushpress: _pushpress, ...ghlOptions } = options;
  const stubOptions = pushpressOptions(options);
  const ghl = await startGhlSandbox(ghlOptions);
  let pushpress: PushPressApiStub;
  try {
    pushpress = await startPushPressApiStub(stubOptions);
  } catch (error) {
    await ghl.close();
    throw error;
  }
  print(`GHL sandbox listening on ${ghl.url}`);
  print(`  request schemas: ${ghl.schemaSource}`);
  for (const [token, grant] of Object.entries(ghl.tokens)) {
    print(`  private integration token: ${token} (location ${grant.locationId}${grant.scopes === undefined ? '' : `, scopes ${grant.scopes.join(' ')}`})`);
  }
  for (const clientId of Object.keys(ghl.oauthClients)) {
    print(`  OAuth client: ${clientId}${clientId === DEFAULT_OAUTH_CLIENT.id ? ` / ${DEFAULT_OAUTH_CLIENT.secret}` : ''}; POST ${ghl.url}/oauth/token, GET ${ghl.url}/oauth/chooselocation`);
  }
  print(`  admin API (loopback, no token): ${ghl.adminUrl}`);
  for (const line of ADMIN_ENDPOINTS) print(`    ${line}`);
  print(`PushPress API stub listening on ${pushpress.url} (GET /customers/{id})`);
  print(`  API-KEY: ${stubOptions.apiKey ?? DEFAULT_PUSHPRESS_API_KEY}, company-id: ${stubOptions.companyId ?? DEFAULT_PUSHPRESS_COMPANY_ID}`);
  print(`  customers: ${stubOptions.customers?.length ?? 0}${options.pushpress?.customers === undefined ? ' (the lead-to-member scenario\'s)' : ''}`);
  return {
    ghl,
    pushpress,
    close: async () => {
      await Promise.all([ghl.close(), pushpress.close()]);
    },
  };
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
