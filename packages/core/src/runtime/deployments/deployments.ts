import { FlowlineError } from '../../errors/flowline-error.js';
import type { WorkflowDefinition } from '../../generated/workflow.js';
import type { PreparedWorkflow } from '../../machine/prepare-workflow.js';
import type { RunRecord } from '../../store/records.js';
import type { TenantStore, WorkflowVersionRecord } from '../../store/store.js';
import { isoTime } from '../iso-time.js';
import type { Logger } from '../logger.js';
import type { PrepareFor, PreparedUse, PreparedWorkflows } from './prepared-workflows.js';

export interface DeploymentsOptions {
  readonly store: TenantStore;
  readonly prepared: PreparedWorkflows;
  readonly context: PrepareFor;
  readonly now: () => number;
  readonly logger: Logger;
}

const versionKey = (workflowId: string, version: number): string => `${workflowId}\u0000${version}`;

/**
 * One tenant's workflows and their versions. A workflow id has one published version, which new
 * deliveries start; a run keeps the version it started on, to its end, also after a restart:
 * every published version is saved in the store, and a version no longer published is loaded
 * from there while runs of it remain. Drafts are saved, never dispatched.
 */
export class Deployments {
  readonly #options: DeploymentsOptions;
  /** The published version of each workflow id. */
  readonly #published = new Map<string, PreparedUse>();
  /** Versions loaded for runs that started on them (published ones included). */
  readonly #loaded = new Map<string, PreparedUse>();
  /** The writes of published versions' records, in order: a run starts only once its version's record is stored. */
  #saved: Promise<void> = Promise.resolve();

  constructor(options: DeploymentsOptions) {
    this.#options = options;
  }

  /**
   * Publishes a definition: new deliveries start runs of it, runs already started on another
   * version finish on theirs. Its record is saved in the background (see `saved`).
   */
  deploy(definition: unknown): WorkflowDefinition {
    const use = this.#options.prepared.use(definition, this.#options.context);
    const { id, version } = use.prepared.definition;
    const previous = this.#published.get(id);
    this.#published.set(id, use);
    this.#load(use);
    const at = isoTime(this.#options.now());
    const record: WorkflowVersionRecord = { workflowId: id, version, state: 'published', definition: use.prepared.definition, savedAt: at, publishedAt: at };
    const retired = previous && previous.prepared.definition.version !== version ? previous.prepared.definition : undefined;
    this.#save(async (store) => {
      await store.putWorkflowVersion(record);
      if (retired) await this.#retire(retired);
      // The first publication of a workflow in this process also retires what an earlier process published.
      else if (!previous) await this.#retireOthers(id, version);
    });
    if (retired) this.#unloadWhenIdle(id, retired.version);
    return use.prepared.definition;
  }

  /** Saves a definition as a draft of its version: checked, stored, never dispatched. */
  async saveDraft(definition: unknown): Promise<WorkflowVersionRecord> {
    const use = this.#options.prepared.use(definition, this.#options.context);
    use.release();
    const { id, version } = use.prepared.definition;
    const existing = await this.#options.store.getWorkflowVersion(id, version);
    if (existing && existing.state !== 'draft') {
      throw new FlowlineError('workflows.version-taken', `Version ${version} of workflow "${id}" is ${existing.state}; a draft needs a version of its own`, {
        pointer: '/version',
        hint: `Save the draft as version ${(await this.#lastVersion(id)) + 1}.`,
      });
    }
    const record: WorkflowVersionRecord = { workflowId: id, version, state: 'draft', definition: use.prepared.definition, savedAt: isoTime(this.#options.now()) };
    await this.#options.store.putWorkflowVersion(record);
    return record;
  }

  /** Publishes a saved version (a draft, or an earlier version again). */
  async publishSaved(workflowId: string, version: number): Promise<WorkflowDefinition> {
    const record = await this.#options.store.getWorkflowVersion(workflowId, version);
    if (!record) {
      throw new FlowlineError('workflows.version-not-found', `Workflow "${workflowId}" has no version ${version}`, { hint: 'List its versions, or save a draft first.' });
    }
    const definition = this.deploy(record.definition);
    await this.saved();
    return definition;
  }

  /** Stops new deliveries to a workflow; runs already started on it finish. */
  undeploy(workflowId: string): boolean {
    const use = this.#published.get(workflowId);
    if (!use) return false;
    this.#published.delete(workflowId);
    const { definition } = use.prepared;
    this.#save(() => this.#retire(definition));
    this.#unloadWhenIdle(workflowId, definition.version);
    return true;
  }

  /** The published definitions. */
  published(): WorkflowDefinition[] {
    return [...this.#published.values()].map((use) => use.prepared.definition);
  }

  /** The published workflows that start on `trigger`. */
  startingOn(trigger: string): PreparedWorkflow[] {
    const matching: PreparedWorkflow[] = [];
    for (const use of this.#published.values()) if (use.prepared.definition.trigger.operation === trigger) matching.push(use.prepared);
    return matching;
  }

  /** The published version of a workflow. */
  latest(workflowId: string): PreparedWorkflow | undefined {
    return this.#published.get(workflowId)?.prepared;
  }

  /** The version a run started on: loaded, or read from the store (undefined when neither has it). */
  async versionOf(run: Pick<RunRecord, 'workflowId' | 'workflowVersion'>): Promise<PreparedWorkflow | undefined> {
    const version = Number(run.workflowVersion);
    const loaded = this.#loaded.get(versionKey(run.workflowId, version));
    if (loaded) return loaded.prepared;
    await this.saved();
    const record = Number.isInteger(version) ? await this.#options.store.getWorkflowVersion(run.workflowId, version) : undefined;
    if (!record || record.state === 'draft') return undefined;
    const use = this.#options.prepared.use(record.definition, this.#options.context);
    this.#load(use);
    this.#unloadWhenIdle(run.workflowId, version);
    return this.#loaded.get(versionKey(run.workflowId, version))?.prepared;
  }

  /** Whether a run's version is the one published for its workflow. */
  isPublished(run: Pick<RunRecord, 'workflowId' | 'workflowVersion'>): boolean {
    return this.#published.get(run.workflowId)?.prepared.definition.version === run.workflowVersion;
  }

  /** Resolves once the records of the versions published so far are stored (a failed write is logged, not thrown). */
  saved(): Promise<void> {
    return this.#saved;
  }

  /** After a run of a version no longer published ends: unloads the version once none of its runs is left. */
  runEnded(run: Pick<RunRecord, 'workflowId' | 'workflowVersion'>): void {
    if (!this.isPublished(run)) this.#unloadWhenIdle(run.workflowId, Number(run.workflowVersion));
  }

  /** Lets go of every prepared workflow (the tenant is removed). */
  releaseAll(): void {
    for (const use of this.#loaded.values()) use.release();
    this.#loaded.clear();
    this.#published.clear();
  }

  #load(use: PreparedUse): void {
    const { id, version } = use.prepared.definition;
    const key = versionKey(id, version);
    const before = this.#loaded.get(key);
    if (before === use) return;
    this.#loaded.set(key, use);
    before?.release();
  }

  #save(write: (store: TenantStore) => Promise<void>): void {
    this.#saved = this.#saved.then(() => write(this.#options.store)).catch((error: unknown) => {
      this.#options.logger.error('a workflow version could not be saved; runs of it may not resume after a restart', { error: String(error) });
    });
  }

  async #retireOthers(workflowId: string, version: number): Promise<void> {
    for (const stored of await this.#options.store.listWorkflowVersions(workflowId)) {
      if (stored.state === 'published' && stored.version !== version) await this.#options.store.putWorkflowVersion({ ...stored, state: 'retired' });
    }
  }

  async #retire(definition: WorkflowDefinition): Promise<void> {
    const stored = await this.#options.store.getWorkflowVersion(definition.id, definition.version);
    if (stored?.state !== 'published') return;
    await this.#options.store.putWorkflowVersion({ ...stored, state: 'retired' });
  }

  /** Unloads a version no longer published once the store lists no unfinished run of it. */
  #unloadWhenIdle(workflowId: string, version: number): void {
    void (async () => {
      const key = versionKey(workflowId, version);
      const use = this.#loaded.get(key);
      if (!use || this.#published.get(workflowId) === use) return;
      const { store } = this.#options;
      for (const status of ['running', 'queued'] as const) {
        if ((await store.listRuns({ workflowId, version, status, limit: 1 })).length > 0) return;
      }
      if (this.#loaded.get(key) === use && this.#published.get(workflowId) !== use) {
        this.#loaded.delete(key);
        use.release();
      }
    })().catch(() => undefined);
  }

  async #lastVersion(workflowId: string): Promise<number> {
    const versions = await this.#options.store.listWorkflowVersions(workflowId);
    return versions.reduce((last, record) => Math.max(last, record.version), 0);
  }
}
