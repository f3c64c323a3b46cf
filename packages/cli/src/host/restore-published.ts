import type { Logger, TenantScope } from '@flowline/core';

/**
 * Publishes again, at start, what a builder published through the HTTP API before: the versions
 * the tenant's records hold as published, of workflows the workflow files do not give (a file's
 * workflow wins: it is deployed first and retires the stored version of its id). A stored version
 * that no longer validates (its connection is gone) is logged and left as it is.
 */
export async function restorePublished(scope: TenantScope, logger: Logger): Promise<number> {
  const fromFiles = new Set(scope.workflows().map((workflow) => workflow.id));
  let restored = 0;
  for (const record of await scope.versions()) {
    if (record.state !== 'published' || fromFiles.has(record.workflowId)) continue;
    try {
      scope.deploy(record.definition);
      restored += 1;
    } catch (error) {
      logger.warn('a workflow published through the API is not published again: it no longer validates', {
        workflowId: record.workflowId,
        version: record.version,
        error: error instanceof Error ? error.message.slice(0, 300) : String(error),
      });
    }
  }
  return restored;
}
