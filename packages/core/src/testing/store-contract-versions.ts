import { describe, expect, it } from 'vitest';
import type { Store, WorkflowVersionRecord } from '../store/store.js';
import { at, T0 } from './store-contract-records.js';

function version(workflowId: string, number: number, overrides: Partial<WorkflowVersionRecord> = {}): WorkflowVersionRecord {
  return {
    workflowId,
    version: number,
    state: 'draft',
    definition: { id: workflowId, version: number, trigger: { type: 'pushpress.customer.created' }, steps: [{ id: 'tag', kind: 'action' }] },
    savedAt: T0,
    ...overrides,
  };
}

/** The workflow versions of the Store contract (see describeStoreContract). */
export function describeWorkflowVersionContract(store: () => Store): void {
  describe('workflow versions', () => {
    it('returns a version as it was put, a draft without a publishing time and a published one with it', async () => {
      const draft = version('wf-a', 2);
      const published = version('wf-a', 1, { state: 'published', savedAt: T0, publishedAt: at(1), definition: { nested: [1, null, { ñ: 'ü' }] } });
      await store().putWorkflowVersion(draft);
      await store().putWorkflowVersion(published);
      expect(await store().getWorkflowVersion('wf-a', 2)).toEqual(draft);
      expect(await store().getWorkflowVersion('wf-a', 1)).toEqual(published);
      const back = await store().getWorkflowVersion('wf-a', 2);
      expect(back !== undefined && 'publishedAt' in back).toBe(false);
    });

    it('returns undefined for a version never put', async () => {
      await store().putWorkflowVersion(version('wf-a', 1));
      expect(await store().getWorkflowVersion('wf-a', 2)).toBeUndefined();
      expect(await store().getWorkflowVersion('wf-b', 1)).toBeUndefined();
    });

    it('replaces a version put again: a draft published, a published one retired', async () => {
      await store().putWorkflowVersion(version('wf-a', 1));
      await store().putWorkflowVersion(version('wf-a', 1, { state: 'published', publishedAt: at(1) }));
      expect((await store().getWorkflowVersion('wf-a', 1))?.state).toBe('published');
      await store().putWorkflowVersion(version('wf-a', 1, { state: 'retired', publishedAt: at(1), savedAt: at(2) }));
      expect(await store().getWorkflowVersion('wf-a', 1)).toEqual(version('wf-a', 1, { state: 'retired', publishedAt: at(1), savedAt: at(2) }));
      expect(await store().listWorkflowVersions()).toHaveLength(1);
    });

    it('lists versions by workflow id, then version as a number, or those of one workflow', async () => {
      for (const [id, number] of [['wf-b', 1], ['wf-a', 10], ['wf-a', 2], ['wf-a', 1]] as const) await store().putWorkflowVersion(version(id, number));
      expect((await store().listWorkflowVersions()).map((found) => `${found.workflowId}@${found.version}`)).toEqual(['wf-a@1', 'wf-a@2', 'wf-a@10', 'wf-b@1']);
      expect((await store().listWorkflowVersions('wf-a')).map((found) => found.version)).toEqual([1, 2, 10]);
      expect(await store().listWorkflowVersions('wf-none')).toEqual([]);
    });

    it('deletes one version and says whether it was there', async () => {
      await store().putWorkflowVersion(version('wf-a', 1));
      await store().putWorkflowVersion(version('wf-a', 2));
      expect(await store().deleteWorkflowVersion('wf-a', 1)).toEqual({ removed: true });
      expect(await store().deleteWorkflowVersion('wf-a', 1)).toEqual({ removed: false });
      expect((await store().listWorkflowVersions('wf-a')).map((found) => found.version)).toEqual([2]);
    });

    it('refuses a version without a workflow id, a version ≥ 1, a known state or a saving time', async () => {
      const good = version('wf-a', 1);
      for (const bad of [
        { ...good, workflowId: '' },
        { ...good, version: 0 },
        { ...good, version: 1.5 },
        { ...good, state: 'live' as 'draft' },
        { ...good, savedAt: '' },
      ]) {
        await expect(store().putWorkflowVersion(bad), JSON.stringify(bad)).rejects.toMatchObject({ code: 'store.invalid_input' });
      }
      await expect(store().putWorkflowVersion({ ...good, definition: { n: 1n } })).rejects.toMatchObject({ code: 'store.not_json' });
      expect(await store().listWorkflowVersions()).toEqual([]);
    });

    it('is not changed when the caller changes the definition it put or got', async () => {
      const record = version('wf-a', 1, { definition: { steps: ['a'] } });
      await store().putWorkflowVersion(record);
      (record.definition as { steps: string[] }).steps.push('mutated');
      const got = await store().getWorkflowVersion('wf-a', 1);
      (got?.definition as { steps: string[] }).steps.push('mutated');
      expect((await store().getWorkflowVersion('wf-a', 1))?.definition).toEqual({ steps: ['a'] });
    });
  });
}
