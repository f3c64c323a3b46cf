import { createEngine, FlowlineError, MANUAL_TRIGGER, PayloadError, type CompletedRun, type ConnectionConfig, type Engine, type TriggerEvent, type WorkflowDefinition } from '@flowline/core';
import { toTriggerEvent } from '../event-file.js';
import { engineOptions, loadHostConfig } from '../host-config.js';
import { formatProblems } from '../print-problems.js';
import { readJsonFile } from '../read-json-file.js';
import type { CommandIo } from './command-io.js';

export interface RunArgs {
  readonly workflow: string | undefined;
  readonly event: string | undefined;
  /** A flowline.manual workflow's payload file (instead of an event). */
  readonly payload?: string | undefined;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly config: string | undefined;
}

/** Every connection name a workflow's action steps use, with the connector of its operation. */
function usedConnections(definition: unknown, engine: Engine): Record<string, ConnectionConfig> {
  const found: Record<string, ConnectionConfig> = {};
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (record['type'] === 'action' && typeof record['connection'] === 'string' && typeof record['operation'] === 'string') {
      const connector = engine.catalog.describe(record['operation'])?.connector;
      if (connector) found[record['connection']] = { connector };
    }
    Object.values(record).forEach(visit);
  };
  visit((definition as { steps?: unknown } | null)?.steps);
  return found;
}

function follow(engine: Engine, io: CommandIo): void {
  engine.on('step.started', (event) => io.out(`  > ${event.path} (${event.kind})`));
  engine.on('step.succeeded', (event) => io.out(`  ok ${event.path} ${event.durationMs} ms${event.attempts > 1 ? `, ${event.attempts} attempts` : ''}`));
  engine.on('step.skipped', (event) => io.out(`  -- ${event.path} skipped (${event.reason})`));
  engine.on('step.retrying', (event) => io.out(`  .. ${event.path} attempt ${event.attempt} in ${event.delayMs} ms: ${event.error.message}`));
  engine.on('step.failed', (event) => io.out(`  FAILED ${event.path}: ${event.error.message}`));
}

function summary(run: CompletedRun): string {
  const lines = [`run ${run.id} ${run.status}${run.dryRun ? ' (dry run)' : ''}`];
  if (run.error) lines.push(`  error at ${run.failedStep ?? run.error.pointer ?? '?'}: ${run.error.message}${run.error.hint ? `\n  ${run.error.hint}` : ''}`);
  for (const step of run.steps.filter((record) => record.request !== undefined)) {
    lines.push(`  would send ${step.path}: ${JSON.stringify(step.request)}`);
  }
  return lines.join('\n');
}

/** `flowline run <workflow.json> --event <event.json> [--dry-run] [--json]`: one run, step by step. */
export async function runCommand(args: RunArgs, io: CommandIo): Promise<number> {
  const eventFile = args.event ?? args.payload;
  if (!args.workflow || eventFile === undefined || (args.event !== undefined && args.payload !== undefined)) {
    io.err('usage: flowline run <workflow.json> (--event <event.json> | --payload <payload.json>) [--dry-run] [--json] [--config flowline.config.json]\n  (flowline run --help says more)');
    return 2;
  }
  const config = await loadHostConfig(args.config);
  const definition = await readJsonFile(args.workflow);
  const event: TriggerEvent = args.payload !== undefined ? { trigger: MANUAL_TRIGGER, payload: await readJsonFile(args.payload) } : toTriggerEvent(await readJsonFile(eventFile), eventFile);
  let engine = createEngine(engineOptions(config));
  if (args.dryRun && !config.connections) {
    // A dry run calls nothing, so it needs no credentials: stand in for every connection used.
    engine = createEngine({ ...engineOptions(config), connections: usedConnections(definition, engine) });
  }
  const validation = engine.validate(definition);
  if (!validation.valid) {
    io.err(formatProblems(args.workflow, validation.problems));
    return 1;
  }
  if (!args.json) {
    io.out(`${(definition as WorkflowDefinition).id}: ${event.trigger}${args.dryRun ? ' (dry run)' : ''}`);
    follow(engine, io);
  }
  let run: CompletedRun | undefined;
  try {
    run = await runOrFilter(engine, definition as WorkflowDefinition, event, args.dryRun);
  } catch (error) {
    if (!(error instanceof FlowlineError)) throw error;
    if (error instanceof PayloadError && error.problems.length > 0) {
      io.err(error.problems.map((problem) => `${eventFile}: ${problem.pointer || '/'} ${problem.message}`).join('\n'));
      return 1;
    }
    io.err(`${eventFile}: ${error.pointer ?? ''} ${error.message}${error.hint ? `\n  ${error.hint}` : ''}`);
    return 1;
  }
  if (run === undefined) {
    const filter = (definition as WorkflowDefinition).trigger.filter ?? '';
    io.out(
      args.json
        ? JSON.stringify({ status: 'filtered', workflowId: (definition as WorkflowDefinition).id, filter }, null, 2)
        : `filtered out: the event does not pass /trigger/filter (${filter}), so no run started`,
    );
    return 0;
  }
  io.out(args.json ? JSON.stringify(run, null, 2) : summary(run));
  return run.status === 'succeeded' ? 0 : 1;
}

/**
 * Runs the workflow as a host would for this event: through its trigger's filter, when it has
 * one (undefined: the filter let nothing start). An event of another trigger gets the engine's
 * own error from `run`.
 */
async function runOrFilter(engine: Engine, definition: WorkflowDefinition, event: TriggerEvent, dryRun: boolean): Promise<CompletedRun | undefined> {
  // A manual run is one workflow's (engine.run checks its input); events of the engine's own triggers are never dispatched.
  if (definition.trigger.filter === undefined || event.trigger !== definition.trigger.operation || event.trigger === MANUAL_TRIGGER) return engine.run(definition, event, { dryRun });
  engine.deploy(definition);
  const [run] = await engine.dispatch(event, { dryRun });
  return run;
}
