import { FlowlineError, type TenantRecord } from '@flowline/core';
import { encryptionKeyFromEnv } from '@flowline/store-sqlite';
import { loadHostConfig } from '../host-config.js';
import { lockDataDir } from '../host/data-dir-lock.js';
import { dataDirOf, openStore } from '../host/open-store.js';
import { readTenantRecords } from '../tenants/load-host-tenants.js';
import { readTenantRecord } from '../tenants/read-tenant-record.js';
import { removeStoredTenant } from '../tenants/remove-stored-tenant.js';
import { isRemoved, secretsSummaryOf, storedSettingsOf, type SecretsSummary } from '../tenants/stored-tenant.js';
import { readTenantFile, type TenantFile } from '../tenants/tenant-file.js';
import type { CommandIo } from './command-io.js';
import { checkNewTenantId, checkTenant, storeTenant } from './tenants-add.js';

export interface TenantsArgs {
  readonly action: string | undefined;
  readonly rest: readonly string[];
  readonly dataDir: string | undefined;
  /** `remove`: where GHL is, for runs finished on the way out. */
  readonly config: string | undefined;
  /** `add`: the tenant file (default: standard input). */
  readonly file: string | undefined;
  /** `remove --dead-letter`: stop its work left in flight and dead-letter it, instead of finishing it. */
  readonly deadLetter: boolean;
  /** `remove --export <file>`: write its records there first. */
  readonly export: string | undefined;
  /** `remove --keep-records`: leave its records in the store. */
  readonly keepRecords: boolean;
  readonly json: boolean;
}

export const TENANTS_USAGE = `usage:
  flowline tenants add <id> [--file tenant.json]
  flowline tenants list [--json]
  flowline tenants show <id> [--json]
  flowline tenants remove <id> [--dead-letter] [--export <file>] [--keep-records] [--config flowline.config.json]
  (all take --data-dir, default .data)

  A tenant is one more gym served by \`flowline serve\`: its PushPress webhooks come to
  POST /webhooks/pushpress/<id>, signed with its own secrets, and run its workflows with its
  connections and $config. <id>: 1 to 64 letters, digits, "_" or "-".

  add reads a tenant file (--file, or standard input):
    { "connections": { "ghl": { "connector": "ghl", "settings": { "locationId": "..." },
                                "credentials": { "type": "private-token", "token": "$env:GYM_GHL_TOKEN" } } },
      "config": { "locationId": "..." },
      "templates": { ... },
      "pushpress": { "signingSecrets": ["$env:GYM_SIGNING_SECRET"] },
      "workflows": "gyms/gym-42" }
  "$env:NAME" values are read when it is added. Credentials and signing secrets are stored
  encrypted with FLOWLINE_SECRET_KEY (add is refused without it); the rest in the clear.
  "workflows" (a directory, relative to the file) is optional: without it the tenant runs the
  workflows flowline serve is given. A running serve picks a new tenant up when it starts again.

  show and list never print a secret: they say which are set.

  remove stops what an earlier serve left of the tenant's work: by default it is finished here
  (its runs call GHL; --config says where GHL is), with --dead-letter it is dead-lettered. Then
  its records (runs, links, dead letters, tokens, settings and secrets) are deleted;
  --export <file> writes them to a new file first (0600); --keep-records leaves them and only
  stops serving the tenant (its secrets are dropped).

  add and remove take the data directory for their time: they are refused while \`flowline
  serve\` owns it. Stop serve, add or remove, start serve again.`;

function summaryLine(summary: SecretsSummary | undefined): string {
  if (!summary) return 'no secrets';
  const credentials = Object.entries(summary.credentials).map(([name, { type, set }]) => `${name} ${type ?? '(no type)'}${set.length ? ` (${set.join(', ')} set)` : ''}`);
  return [`${summary.signingSecrets} signing secret(s) set`, ...(credentials.length ? [`credentials: ${credentials.join('; ')}`] : [])].join(', ');
}

/** A record as list and show print it: its settings, and which secrets are set (never their values). */
function describe(record: TenantRecord) {
  const { removedAt, ...settings } = storedSettingsOf(record);
  return {
    id: record.id,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(removedAt ? { removedAt } : {}),
    settings,
    secrets: secretsSummaryOf(record) ?? null,
  };
}

function listLine(record: TenantRecord): string {
  const described = describe(record);
  if (described.removedAt) return `${record.id}  removed ${described.removedAt} (records kept)`;
  const connections = Object.keys(described.settings.connections);
  return `${record.id}  connections: ${connections.join(', ') || '(none)'}  workflows: ${described.settings.workflows ?? "flowline serve's"}  added ${record.createdAt}`;
}

function showText(record: TenantRecord): string {
  const described = describe(record);
  const { settings } = described;
  return [
    `tenant ${record.id}${described.removedAt ? ` (removed ${described.removedAt}; its records kept)` : ''}`,
    `  added ${record.createdAt}, updated ${record.updatedAt}`,
    `  webhooks: POST /webhooks/pushpress/${record.id}`,
    `  workflows: ${settings.workflows ?? 'the ones flowline serve is given'}`,
    ...Object.entries(settings.connections).map(
      ([name, connection]) => `  connection ${name}: connector ${connection.connector}${connection.settings ? `, settings ${JSON.stringify(connection.settings)}` : ''}`,
    ),
    `  config: ${JSON.stringify(settings.config ?? {})}`,
    ...(settings.templates ? [`  templates: ${Object.keys(settings.templates).join(', ')}`] : []),
    `  secrets: ${summaryLine(described.secrets ?? undefined)}`,
  ].join('\n');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function tenantFileOf(args: TenantsArgs): Promise<TenantFile> {
  if (args.file !== undefined) return readTenantFile({ path: args.file });
  if (process.stdin.isTTY) {
    throw new FlowlineError('cli.bad-option', 'flowline tenants add needs a tenant file: --file tenant.json, or the file on standard input', { hint: 'flowline tenants add --help shows what it holds.' });
  }
  return readTenantFile({ text: await readStdin() });
}

/** Runs `work` with the data directory held (add and remove write) and its store open. */
async function withStore<T>(args: TenantsArgs, command: string | undefined, work: (storage: ReturnType<typeof openStore>) => Promise<T>): Promise<T> {
  const lock = command === undefined ? undefined : await lockDataDir(dataDirOf(args), command);
  try {
    const storage = openStore(args.dataDir ? { dataDir: args.dataDir } : {});
    try {
      return await work(storage);
    } finally {
      await storage.close();
    }
  } finally {
    lock?.release();
  }
}

/** `flowline tenants add|list|show|remove`: the tenants `flowline serve` serves beside the default one. */
export async function tenantsCommand(args: TenantsArgs, io: CommandIo): Promise<number> {
  const [id, ...extra] = args.rest;
  switch (args.action) {
    case 'add': {
      if (extra.length > 0) break;
      checkNewTenantId(id);
      const file = await tenantFileOf(args);
      const { record, workflows } = await checkTenant(id, file, { hasKey: encryptionKeyFromEnv() !== undefined });
      await withStore(args, 'flowline tenants add', (storage) => storeTenant(storage.store, record));
      if (args.json) io.out(JSON.stringify(describe(record), null, 2));
      else {
        io.out(`added tenant ${id}: ${Object.keys(file.connections).length} connection(s), ${workflows === undefined ? "the workflows flowline serve is given" : `${workflows} workflow(s) from ${file.workflows ?? ''}`}`);
        io.out(`its PushPress webhooks: POST /webhooks/pushpress/${id} (served from the next start of flowline serve)`);
      }
      return 0;
    }
    case 'list': {
      if (id !== undefined) break;
      const records = await withStore(args, undefined, (storage) => readTenantRecords(storage.store, 'flowline tenants list'));
      if (args.json) io.out(JSON.stringify(records.map(describe), null, 2));
      else if (records.length === 0) io.out('no tenants besides the default one (add one with flowline tenants add <id> --file tenant.json)');
      else for (const record of records) io.out(listLine(record));
      return 0;
    }
    case 'show': {
      if (id === undefined || extra.length > 0) break;
      const record = await withStore(args, undefined, (storage) => readTenantRecord(storage.store, id, 'flowline tenants show', { removed: true }));
      io.out(args.json ? JSON.stringify(describe(record), null, 2) : showText(record));
      return 0;
    }
    case 'remove': {
      if (id === undefined || extra.length > 0) break;
      const config = await loadHostConfig(args.config);
      const removal = await withStore(args, 'flowline tenants remove', (storage) =>
        removeStoredTenant(id, {
          store: storage.store,
          durable: storage.durable,
          config,
          inFlight: args.deadLetter ? 'dead-letter' : 'finish',
          ...(args.export === undefined ? {} : { exportTo: args.export }),
          keepRecords: args.keepRecords,
        }),
      );
      if (args.json) io.out(JSON.stringify(removal, null, 2));
      else {
        if (removal.finished > 0) io.out(`finished ${removal.finished} run(s) an earlier serve left`);
        if (removal.exported) io.out(`exported to ${removal.exported.file}: ${removal.exported.runs} run(s), ${removal.exported.deadLetters} dead letter(s), ${removal.exported.inbox} delivery(ies)`);
        io.out(`removed tenant ${id}${removal.recordsKept ? '; its records are kept' : ' and its records'}`);
      }
      return 0;
    }
  }
  io.err(TENANTS_USAGE);
  return 2;
}
