#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FlowlineError } from '@flowline/core';
import { catalogCommand } from './commands/catalog.js';
import { demoCommand } from './commands/demo.js';
import { sandboxCommand } from './commands/sandbox.js';
import { dropOutputWhenStdoutCloses, processIo, type CommandIo } from './commands/command-io.js';
import { runCommand } from './commands/run.js';
import { runsCommand } from './commands/runs.js';
import { serveCommand } from './commands/serve.js';
import { tenantsCommand } from './commands/tenants.js';
import { COMMAND_USAGE, MAIN_USAGE } from './commands/usage.js';
import { validateCommand } from './commands/validate.js';

const USAGE = MAIN_USAGE;

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new FlowlineError('cli.bad-option', `--${name} must be a whole number, not "${value}"`);
  return number;
}

function positive(value: string | undefined, name: string): number | undefined {
  const number = integer(value, name);
  if (number === 0) throw new FlowlineError('cli.bad-option', `--${name} must be at least 1, not "${value}"`);
  return number;
}

/** Runs one CLI invocation; returns the exit code. */
export async function main(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: [...rest],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      event: { type: 'string' },
      payload: { type: 'string' },
      config: { type: 'string' },
      kind: { type: 'string' },
      search: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      url: { type: 'string' },
      'data-dir': { type: 'string' },
      database: { type: 'string' },
      'database-schema': { type: 'string' },
      memory: { type: 'boolean', default: false },
      durability: { type: 'string' },
      concurrency: { type: 'string' },
      'receiver-thread': { type: 'boolean', default: false },
      status: { type: 'string' },
      workflow: { type: 'string' },
      limit: { type: 'string' },
      dead: { type: 'boolean', default: false },
      seed: { type: 'string' },
      customers: { type: 'string' },
      'window-ms': { type: 'string' },
      parked: { type: 'boolean', default: false },
      'max-age-seconds': { type: 'string' },
      'max-connections': { type: 'string' },
      'api-port': { type: 'string' },
      ui: { type: 'boolean', default: false },
      file: { type: 'string' },
      tenant: { type: 'string' },
      'dead-letter': { type: 'boolean', default: false },
      export: { type: 'string' },
      'keep-records': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help && command !== undefined) {
    const usage = COMMAND_USAGE[command];
    if (usage !== undefined) {
      io.out(usage);
      return 0;
    }
  }
  const durability = values.durability;
  if (durability !== undefined && durability !== 'power' && durability !== 'process') {
    throw new FlowlineError('cli.bad-option', `--durability must be power or process, not "${durability}"`);
  }
  switch (command) {
    case 'validate':
      return validateCommand({ files: positionals, json: values.json ?? false, config: values.config }, io);
    case 'run':
      return runCommand({ workflow: positionals[0], event: values.event, payload: values.payload, dryRun: values['dry-run'] ?? false, json: values.json ?? false, config: values.config }, io);
    case 'catalog':
      return catalogCommand({ id: positionals[0], kind: values.kind, search: values.search, json: values.json ?? false }, io);
    case 'serve':
      return serveCommand(
        {
          paths: positionals,
          config: values.config,
          port: integer(values.port, 'port') ?? 8787,
          host: values.host ?? '127.0.0.1',
          dataDir: values['data-dir'],
          database: values.database ?? process.env['FLOWLINE_DATABASE_URL'],
          databaseSchema: values['database-schema'],
          memory: values.memory ?? false,
          durability,
          concurrency: integer(values.concurrency, 'concurrency'),
          receiverThread: values['receiver-thread'] ?? false,
          maxAgeSeconds: positive(values['max-age-seconds'], 'max-age-seconds'),
          maxConnections: positive(values['max-connections'], 'max-connections'),
          apiPort: integer(values['api-port'], 'api-port'),
          ui: values.ui ?? false,
        },
        io,
      );
    case 'runs':
      return runsCommand(
        {
          action: positionals[0],
          rest: positionals.slice(1),
          dataDir: values['data-dir'],
          config: values.config,
          status: values.status,
          workflow: values.workflow,
          limit: integer(values.limit, 'limit'),
          dead: values.dead ?? false,
          parked: values.parked ?? false,
          json: values.json ?? false,
          tenant: values.tenant,
        },
        io,
      );
    case 'tenants':
      return tenantsCommand(
        {
          action: positionals[0],
          rest: positionals.slice(1),
          dataDir: values['data-dir'],
          config: values.config,
          file: values.file,
          deadLetter: values['dead-letter'] ?? false,
          export: values.export,
          keepRecords: values['keep-records'] ?? false,
          json: values.json ?? false,
        },
        io,
      );
    case 'demo':
      return demoCommand({ seed: values.seed, customers: values.customers, windowMs: values['window-ms'], json: values.json ?? false }, io);
    case 'sandbox':
      return sandboxCommand({ action: positionals[0], port: values.port, url: values.url }, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out((positionals[0] === undefined ? undefined : COMMAND_USAGE[positionals[0]]) ?? USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err(`Unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}

/** True when this file is the process's entry: run directly, or through the `flowline` bin link. */
function invokedDirectly(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) {
  dropOutputWhenStdoutCloses();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof FlowlineError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
        processIo.err(`flowline: ${error.message}${error instanceof FlowlineError && error.hint ? `\n  ${error.hint}` : ''}`);
        process.exitCode = 2;
      } else {
        processIo.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
        process.exitCode = 1;
      }
    },
  );
}
