import type { TenantStore, WorkflowVersionRecord } from './store.js';
import { FlowlineError } from '../errors/flowline-error.js';
import { checkId, checkStatus, WORKFLOW_VERSION_STATES } from './store-checks.js';
import { fromStoredJson, toStoredJson } from './stored-json.js';

export type WorkflowVersionOps = Pick<TenantStore, 'putWorkflowVersion' | 'getWorkflowVersion' | 'listWorkflowVersions' | 'deleteWorkflowVersion'>;

/** Checks a workflow version is a positive integer. */
export function checkVersion(version: unknown, where: string): asserts version is number {
  if (!Number.isInteger(version) || (version as number) < 1) {
    throw new FlowlineError('store.invalid_input', `Expected the version of ${where} to be an integer ≥ 1, got ${JSON.stringify(version) ?? typeof version}.`);
  }
}

/** The memory store's workflow versions: JSON by workflow id and version. */
export function createMemoryWorkflowVersions(): { readonly ops: WorkflowVersionOps; readonly clear: () => void } {
  const versions = new Map<string, Map<number, string>>();
  const ops: WorkflowVersionOps = {
    async putWorkflowVersion(record: WorkflowVersionRecord) {
      checkId(record.workflowId, 'workflowId', 'putWorkflowVersion');
      checkVersion(record.version, 'putWorkflowVersion');
      checkStatus(record.state, WORKFLOW_VERSION_STATES, `version ${record.version} of workflow ${record.workflowId}`);
      checkId(record.savedAt, 'savedAt', 'putWorkflowVersion');
      let byVersion = versions.get(record.workflowId);
      if (byVersion === undefined) {
        byVersion = new Map();
        versions.set(record.workflowId, byVersion);
      }
      byVersion.set(record.version, toStoredJson(record, `version ${record.version} of workflow ${record.workflowId}`));
    },
    async getWorkflowVersion(workflowId, version) {
      const json = versions.get(workflowId)?.get(version);
      return json === undefined ? undefined : fromStoredJson<WorkflowVersionRecord>(json);
    },
    async listWorkflowVersions(workflowId) {
      const ids = workflowId === undefined ? [...versions.keys()].sort() : [workflowId];
      return ids.flatMap((id) =>
        [...(versions.get(id) ?? new Map<number, string>())]
          .sort(([a], [b]) => a - b)
          .map(([, json]) => fromStoredJson<WorkflowVersionRecord>(json)),
      );
    },
    async deleteWorkflowVersion(workflowId, version) {
      return { removed: versions.get(workflowId)?.delete(version) ?? false };
    },
  };
  return { ops, clear: () => versions.clear() };
}
