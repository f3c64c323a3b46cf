import { createActor } from 'xstate';
import type { Catalog } from '../catalog/catalog.js';
import type { CompiledExpression, ExpressionCompiler } from '../expressions/expression-compiler.js';
import { MappingCompiler, childPointer } from '../expressions/mapping.js';
import type { Mapping, Step, WorkflowDefinition } from '../generated/workflow.js';
import type { BodyRunner, PrepareContext, PreparedStep } from '../steps/step-kind.js';
import { stepKind } from '../steps/step-kinds.js';
import { driveRun } from './drive-run.js';
import { buildRunMachine, type RunMachine } from './run-machine.js';

/** A validated workflow, compiled once: its machine and its trigger filter. */
export interface PreparedWorkflow {
  readonly definition: WorkflowDefinition;
  readonly machine: RunMachine;
  /** Every step of the workflow that runs in a machine, by id (forEach bodies included). */
  readonly steps: ReadonlyMap<string, PreparedStep>;
  readonly filter: CompiledExpression | undefined;
}

/**
 * What preparing needs. Nothing of a tenant: a run's services (its store, connections, config)
 * come with each run, so tenants with the same definition share one prepared workflow.
 */
export interface PrepareOptions {
  readonly expressions: ExpressionCompiler;
  readonly catalog: Catalog;
  readonly templates: Readonly<Record<string, Mapping>>;
}

/** Ids of the steps of a list that run in its machine (not those inside nested forEach bodies). */
function machineStepIds(list: readonly Step[]): string[] {
  return list.flatMap((step) => [
    step.id,
    ...stepKind(step).nested(step).filter((entry) => entry.inline).flatMap((entry) => machineStepIds(entry.steps)),
    ...('onError' in step && Array.isArray(step.onError) ? machineStepIds(step.onError) : []),
  ]);
}

/** Compiles every expression and mapping of a (valid) workflow and builds its XState machine. */
export function prepareWorkflow(definition: WorkflowDefinition, options: PrepareOptions): PreparedWorkflow {
  const { expressions, catalog } = options;
  const mappings = new MappingCompiler({ compiler: expressions, templates: { ...options.templates, ...definition.templates } });
  const prepared = new Map<string, PreparedStep>();

  const context: PrepareContext = {
    mappings,
    expressions,
    catalog,
    prepareBody(steps, pointer): BodyRunner {
      prepareList(steps, pointer);
      const machine = buildRunMachine(`${definition.id}${pointer}`, steps);
      const ids = machineStepIds(steps);
      return async (input, signal, services) => {
        const actor = createActor(machine, { input });
        const result = await driveRun(actor, prepared, services, signal);
        const all = actor.getSnapshot().context.steps;
        const own = Object.fromEntries(ids.filter((id) => Object.hasOwn(all, id)).map((id) => [id, all[id]]));
        return { ...result, steps: own };
      };
    },
  };

  function prepareList(steps: readonly Step[], pointer: string): void {
    steps.forEach((step, index) => {
      const at = childPointer(pointer, index);
      prepared.set(step.id, stepKind(step).prepare(step, at, context));
      for (const nested of stepKind(step).nested(step)) {
        if (nested.inline) prepareList(nested.steps, `${at}/${nested.field}`);
      }
      if ('onError' in step && Array.isArray(step.onError)) prepareList(step.onError, `${at}/onError`);
    });
  }

  prepareList(definition.steps, '/steps');
  return {
    definition,
    machine: buildRunMachine(definition.id, definition.steps),
    steps: prepared,
    filter: definition.trigger.filter === undefined ? undefined : expressions.compile(definition.trigger.filter, '/trigger/filter'),
  };
}
