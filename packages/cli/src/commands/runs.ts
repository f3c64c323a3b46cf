import { createEngine, FlowlineError, type CompletedRun, type RunRecord, type RunStatus } from '@flowline/core';
import { engineOptions, loadHostConfig } from '../host-config.js';
import { loadWorkflows } from '../host/load-workflows.js';
import { openStore } from '../host/open-store.js';
import type { CommandIo } from './command-io.js';

export interface RunsArgs {
  readonly action: string | undefined;
  readonly rest: readonly string[];
  readonly dataDir: string | undefined;
  readonly config: string | undefined;
  readonly status: string | undefined;
  readonly workflow: string | undefined;
  readonly limit: number | undefined;
  readonly dead: boolean;
  readonly json: boolean;
}

const USAGE = `usage:
  flowline runs list [--status queued|running|succeeded|failed] [--workflow <id>] [--limit N] [--dead] [--json]
  flowline runs show <run-id> [--json]
  flowline runs retry <run-id | dead-letter-id> <workflows>... [--config flowline.config.json]
  (all take --data-dir, default .data)`;

const STATUSES: readonly RunStatus[] = ['queued', 'running', 'succeeded', 'failed'];

function runLine(run: RunRecord): string {
  return `${run.id}  ${run.status.padEnd(9)} ${run.workflowId.padEnd(28)} ${run.event.trigger.padEnd(36)} ${run.queuedAt}${run.error ? `  ${run.error.message}` : ''}`;
}

function showRun(run: CompletedRun): string {
  return [
    runLine(run),
    `  event ${run.event.id ?? '(no id)'}`,
    ...run.steps.map((step) => `  ${step.status.padEnd(9)} ${step.path}  ${step.durationMs} ms${step.attempts > 1 ? `, ${step.attempts} attempts` : ''}${step.reason ? ` (${step.reason})` : ''}${step.error ? `: ${step.error.message}` : ''}`),
  ].join('\n');
}

/** `flowline runs list|show|retry`: run history, dead letters, and replaying them. */
export async function runsCommand(args: RunsArgs, io: CommandIo): Promise<number> {
  if (args.status !== undefined && !STATUSES.includes(args.status as RunStatus)) {
    io.err(`--status must be one of ${STATUSES.join(', ')}`);
    return 2;
  }
  const storage = openStore(args.dataDir ? { dataDir: args.dataDir } : {});
  try {
    switch (args.action) {
      case 'list': {
        const engine = createEngine({ store: storage.store });
        if (args.dead) {
          const letters = await engine.deadLetters(args.limit === undefined ? {} : { limit: args.limit });
          if (args.json) io.out(JSON.stringify(letters, null, 2));
          else for (const letter of letters) io.out(`${letter.id}  ${letter.reason}  ${letter.at}${letter.error ? `  ${letter.error.message}` : ''}`);
          if (!args.json && letters.length === 0) io.out('no dead letters');
          return 0;
        }
        const runs = await engine.listRuns({
          ...(args.status ? { status: args.status as RunStatus } : {}),
          ...(args.workflow ? { workflowId: args.workflow } : {}),
          limit: args.limit ?? 50,
        });
        if (args.json) io.out(JSON.stringify(runs, null, 2));
        else for (const run of runs) io.out(runLine(run));
        return 0;
      }
      case 'show': {
        const [id] = args.rest;
        if (!id) break;
        const run = await createEngine({ store: storage.store }).getRun(id);
        if (!run) {
          io.err(`There is no run ${id}`);
          return 1;
        }
        io.out(args.json ? JSON.stringify(run, null, 2) : showRun(run));
        return 0;
      }
      case 'retry': {
        const [id, ...paths] = args.rest;
        if (!id || paths.length === 0) break;
        const config = await loadHostConfig(args.config);
        const engine = createEngine(engineOptions(config, { store: storage.store }));
        for (const { definition } of await loadWorkflows(paths)) engine.deploy(definition);
        try {
          const runs = await engine.retry(id);
          for (const run of runs) io.out(args.json ? JSON.stringify(run, null, 2) : showRun(run));
          return runs.every((run) => run.status === 'succeeded') ? 0 : 1;
        } catch (error) {
          if (!(error instanceof FlowlineError)) throw error;
          io.err(`${error.message}${error.hint ? `\n  ${error.hint}` : ''}`);
          return 1;
        }
      }
    }
    io.err(USAGE);
    return 2;
  } finally {
    await storage.close();
  }
}
