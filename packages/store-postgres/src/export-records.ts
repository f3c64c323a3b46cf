import type { TenantExport } from '@flowline/core';
import type { Database } from './database.js';
import { listAllDeadLetters } from './dead-letter-ops.js';
import { listAllEffects } from './idempotency-ops.js';
import { listAllInbox } from './inbox-ops.js';
import { listAllLinks } from './link-ops.js';
import { listAllParked } from './parked-ops.js';
import { listAllRuns } from './run-ops.js';
import { listAllWorkflowVersions } from './workflow-version-ops.js';

/**
 * `exportRecords` of each tenant: everything `TenantExport` lists, read in one REPEATABLE READ
 * transaction so the parts agree with each other (a run's steps, an inbox entry's runs).
 */
export function createExportRecords(db: Database): (tenant: string) => () => Promise<TenantExport> {
  const inbox = listAllInbox(db);
  const runs = listAllRuns(db);
  const deadLetters = listAllDeadLetters(db);
  const links = listAllLinks(db);
  const effects = listAllEffects(db);
  const parked = listAllParked(db);
  const workflowVersions = listAllWorkflowVersions(db);
  return (tenant) => () =>
    db.snapshot(async (sql) => ({
      tenant,
      inbox: await inbox(sql, tenant),
      runs: await runs(sql, tenant),
      deadLetters: await deadLetters(sql, tenant),
      links: await links(sql, tenant),
      effects: await effects(sql, tenant),
      parked: await parked(sql, tenant),
      workflowVersions: await workflowVersions(sql, tenant),
    }));
}
