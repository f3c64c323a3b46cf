import type { Catalog } from '../catalog/catalog.js';
import type { ConnectionConfig } from '../connectors/connector.js';
import type { ValidationProblem } from '../definition/validation-problem.js';
import type { Mapping, Step } from '../generated/workflow.js';

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
  /** Evaluated after the step's own (non-inline) body ran, so it may name the body's steps (a loop's `update` and `until`). */
  readonly afterBody?: boolean;
}

export interface KindValidationContext {
  readonly catalog: Catalog;
  /** Connections the host configured; undefined when validating without a host. */
  readonly connections: Readonly<Record<string, ConnectionConfig>> | undefined;
  /** The id of the workflow being validated (a `call` step may not name it). */
  readonly workflowId?: string;
}

/**
 * What a definition says about one kind of step, at design time: the step lists it nests, the
 * mappings it holds and the checks a JSON Schema cannot make. Validation needs no more than this,
 * so it runs where the engine cannot (a browser). The runtime kind (`StepKind`) adds `prepare`.
 */
export interface StepShape<S extends Step = Step> {
  readonly type: S['type'];
  nested(step: S): NestedSteps[];
  mappings(step: S): MappingField[];
  /** Checks beyond the JSON Schema and the generic checks (e.g. the operation exists). */
  validate?(step: S, pointer: string, context: KindValidationContext): ValidationProblem[];
}
