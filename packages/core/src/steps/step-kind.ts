import type { Catalog } from '../catalog/catalog.js';
import type { ExpressionCompiler } from '../expressions/expression-compiler.js';
import type { MappingCompiler, Scope } from '../expressions/mapping.js';
import type { Step } from '../generated/workflow.js';
import type { RunContext, RunResult } from '../runtime/run-context.js';
import type { RunServices } from '../runtime/run-services.js';
import type { StepTestMark } from '../store/records.js';
import type { StepOutcome } from './step-outcome.js';
import type { StepShape } from './step-shape.js';

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
  /** In a test run: the output was mocked, or the branch chosen. */
  readonly test?: StepTestMark;
}

export interface PreparedStep {
  readonly step: Step;
  readonly pointer: string;
  execute(execution: StepExecution): Promise<StepReport>;
}

/** Runs a nested list of steps (a forEach body) as its own machine. */
export type BodyRunner = (context: RunContext, signal: AbortSignal, services: RunServices) => Promise<RunResult & { readonly steps: Readonly<Record<string, unknown>> }>;

export interface PrepareContext {
  readonly mappings: MappingCompiler;
  readonly expressions: ExpressionCompiler;
  readonly catalog: Catalog;
  prepareBody(steps: readonly Step[], pointer: string): BodyRunner;
}

/**
 * One kind of step: its design-time shape (step-shape.ts) and how it runs. Each kind lives in its
 * own module and is registered by its `type`; the engine only talks to kinds through this interface.
 */
export interface StepKind<S extends Step = Step> extends StepShape<S> {
  prepare(step: S, pointer: string, context: PrepareContext): PreparedStep;
}
