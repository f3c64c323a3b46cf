import type { Catalog } from '../catalog/catalog.js';
import type { ConnectionConfig } from '../connectors/connector.js';
import type { ExpressionCompiler } from '../expressions/expression-compiler.js';
import type { MappingCompiler, Scope } from '../expressions/mapping.js';
import type { Mapping, Step } from '../generated/workflow.js';
import type { RunContext, RunResult } from '../runtime/run-context.js';
import type { RunServices } from '../runtime/run-services.js';
import type { ValidationProblem } from '../definition/validation-problem.js';
import type { StepOutcome } from './step-outcome.js';

/** A list of steps nested in a step. `inline` lists are states of the run machine (if/then); others the step runs itself (forEach). */
export interface NestedSteps {
  readonly field: string;
  readonly steps: readonly Step[];
  readonly inline: boolean;
}

/** A mapping or expression field of a step, for validation. `expression`: the field is one JSONata expression. */
export interface MappingField {
  readonly field: string;
  readonly mapping: Mapping;
  readonly expression: boolean;
}

export interface KindValidationContext {
  readonly catalog: Catalog;
  /** Connections the host configured; undefined when validating without a host. */
  readonly connections: Readonly<Record<string, ConnectionConfig>> | undefined;
}

/** What one execution of a step gets. */
export interface StepExecution {
  readonly context: RunContext;
  readonly scope: Scope;
  /** The step's path in records, e.g. `notify` or `members[2].notify`. */
  readonly path: string;
  readonly signal: AbortSignal;
  readonly services: RunServices;
  /** Reports nested steps that will not run (e.g. the branch an `if` did not take). */
  skip(steps: readonly Step[], reason: string): void;
  /** Reports that the step failed an attempt and will try again after `delayMs`. */
  retrying(nextAttempt: number, delayMs: number, error: unknown): void;
}

/** What a step reports besides its outcome, for its record and events. */
export interface StepReport {
  readonly outcome: StepOutcome;
  readonly attempts?: number;
  readonly input?: unknown;
  /** In a dry run, the request an action would have sent. */
  readonly request?: unknown;
  /** Set when the step did nothing on purpose (e.g. `idempotent`). */
  readonly skipped?: string;
}

export interface PreparedStep {
  readonly step: Step;
  readonly pointer: string;
  execute(execution: StepExecution): Promise<StepReport>;
}

/** Runs a nested list of steps (a forEach body) as its own machine. */
export type BodyRunner = (context: RunContext, signal: AbortSignal) => Promise<RunResult & { readonly steps: Readonly<Record<string, unknown>> }>;

export interface PrepareContext {
  readonly mappings: MappingCompiler;
  readonly expressions: ExpressionCompiler;
  readonly catalog: Catalog;
  prepareBody(steps: readonly Step[], pointer: string): BodyRunner;
}

/**
 * One kind of step. Each kind lives in its own module and is registered by its `type`; the
 * engine and validator only talk to kinds through this interface.
 */
export interface StepKind<S extends Step = Step> {
  readonly type: S['type'];
  nested(step: S): NestedSteps[];
  mappings(step: S): MappingField[];
  /** Checks beyond the JSON Schema and the generic checks (e.g. the operation exists). */
  validate?(step: S, pointer: string, context: KindValidationContext): ValidationProblem[];
  prepare(step: S, pointer: string, context: PrepareContext): PreparedStep;
}
