/* eslint-disable */
/**
 * DO NOT EDIT: generated from packages/core/schema/workflow.schema.json by packages/core/scripts/generate.ts.
 * Change the schema, then run `pnpm generate`.
 */

/**
 * A JSONata expression (a string), or an object/array whose string values starting with '=' are JSONata and the rest literal. {"$use": "template"} inserts a named template; other keys beside $use extend or override it.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Mapping".
 */
export type Mapping =
  | string
  | number
  | boolean
  | null
  | Mapping[]
  | {
      [k: string]: Mapping;
    };
/**
 * @minItems 1
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "StepList".
 */
export type StepList = [Step, ...Step[]];
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Step".
 */
export type Step =
  | ActionStep
  | IfStep
  | SwitchStep
  | ForEachStep
  | SetStep
  | FailStep
  | SucceedStep
  | DelayStep
  | LoopStep
  | CallStep;
/**
 * A JSONata expression. A leading '=' is allowed and ignored.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Expression".
 */
export type Expression = string;
/**
 * Unique in the workflow; earlier steps' outputs are $steps.<id>.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "StepId".
 */
export type StepId = string;
/**
 * What a failure of this step does: fail the run (default), continue with the next step (the error is in $steps.<id>.error), or run fallback steps ($error in scope) and continue.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "OnError".
 */
export type OnError = ('fail' | 'continue') | StepList;
/**
 * How long to wait: an ISO 8601 duration (P3D, PT2H30M, P1W; years and months count calendar months in UTC), or parts that add up ({ "days": 3, "hours": 2 }).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "DelayDuration".
 */
export type DelayDuration =
  | string
  | {
      days?: number;
      hours?: number;
      minutes?: number;
      seconds?: number;
    };

/**
 * A Flowline workflow: one trigger and the steps a matching event runs, in order. Mappings are JSONata; connections are named, never inlined.
 */
export interface WorkflowDefinition {
  /**
   * Path or URL of this schema, for editors.
   */
  $schema?: string;
  /**
   * Stable identifier: lower-case letters, digits, dot, dash, underscore.
   */
  id: string;
  name: string;
  /**
   * Bumped by the author on each change.
   */
  version: number;
  description?: string;
  trigger: Trigger;
  /**
   * Named mappings, used from any mapping as {"$use": "name"}.
   */
  templates?: {
    [k: string]: Mapping;
  };
  steps: StepList;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "Trigger".
 */
export interface Trigger {
  /**
   * A trigger operation id from the catalog, e.g. pushpress.customer.created.
   */
  operation: string;
  /**
   * JSONata over the event payload; a run starts only when it is true.
   */
  filter?: string;
  /**
   * flowline.manual only: a JSON Schema the payload of a manual run must satisfy (ajv, draft-07 keywords); a payload that does not is refused with JSON pointers.
   */
  input?: {};
  /**
   * flowline.schedule only: when runs start.
   */
  schedule?: {
    /**
     * A cron pattern of 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first, e.g. "0 9 1 * *" (09:00 on the 1st of each month).
     */
    cron: string;
    /**
     * An IANA time zone (America/New_York) the pattern is read in; default the tenant's $config.timeZone, else UTC.
     */
    timeZone?: string;
  };
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "RetryPolicy".
 */
export interface RetryPolicy {
  /**
   * Attempts in all, the first included. Default 3 for actions.
   */
  attempts?: number;
  /**
   * Default 500.
   */
  initialDelayMs?: number;
  /**
   * Default 2.
   */
  factor?: number;
  /**
   * Default 30000.
   */
  maxDelayMs?: number;
  /**
   * Randomize each delay between 1x and 2x. Default true.
   */
  jitter?: boolean;
  /**
   * Error categories that retry. Default: network, timeout, rate_limited, server. validation, credentials, permission, not_found and expression never retry.
   */
  retryOn?: (
    | 'validation'
    | 'credentials'
    | 'permission'
    | 'not_found'
    | 'conflict'
    | 'rate_limited'
    | 'server'
    | 'network'
    | 'timeout'
    | 'expression'
    | 'internal'
  )[];
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "ActionStep".
 */
export interface ActionStep {
  id: StepId;
  type: 'action';
  name?: string;
  description?: string;
  /**
   * An action operation id from the catalog, e.g. ghl.contacts.upsert-contact.
   */
  operation: string;
  /**
   * The name of a connection the host configured.
   */
  connection: string;
  input?: Mapping;
  idempotencyKey?: Expression;
  rateLimit?: RateLimit;
  timeoutMs?: number;
  retry?: RetryPolicy;
  onError?: OnError;
}
/**
 * Shared by every run of every workflow on this engine that uses the same key.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "RateLimit".
 */
export interface RateLimit {
  /**
   * A JSONata expression. A leading '=' is allowed and ignored.
   */
  key?: string;
  limit: number;
  intervalMs: number;
  concurrency?: number;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "IfStep".
 */
export interface IfStep {
  id: StepId;
  type: 'if';
  name?: string;
  description?: string;
  condition: Expression;
  then: StepList;
  else?: StepList;
  timeoutMs?: number;
  onError?: OnError;
}
/**
 * Runs the steps of the first case whose condition is true, else the default steps (when given). $steps.<id> is the index of the case that ran (from 0), "default", or null when nothing ran.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "SwitchStep".
 */
export interface SwitchStep {
  id: StepId;
  type: 'switch';
  name?: string;
  description?: string;
  /**
   * Tried in order; the first whose condition is true runs.
   *
   * @minItems 1
   * @maxItems 50
   */
  cases: [SwitchCase, ...SwitchCase[]];
  default?: StepList;
  timeoutMs?: number;
  onError?: OnError;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "SwitchCase".
 */
export interface SwitchCase {
  /**
   * A JSONata expression. A leading '=' is allowed and ignored.
   */
  when: string;
  name?: string;
  steps: StepList;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "ForEachStep".
 */
export interface ForEachStep {
  id: StepId;
  type: 'forEach';
  name?: string;
  description?: string;
  /**
   * A JSONata expression. A leading '=' is allowed and ignored.
   */
  over: string;
  /**
   * The item's variable name; default item ($item, with $index).
   */
  as?: string;
  /**
   * Items run at once; default 1 (in order).
   */
  concurrency?: number;
  /**
   * More items fail the step; default 1000.
   */
  maxIterations?: number;
  steps: StepList;
  timeoutMs?: number;
  onError?: OnError;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "SetStep".
 */
export interface SetStep {
  id: StepId;
  type: 'set';
  name?: string;
  description?: string;
  /**
   * Later mappings read it as $vars.<var>.
   */
  var: string;
  value: Mapping;
  timeoutMs?: number;
  onError?: OnError;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "FailStep".
 */
export interface FailStep {
  id: StepId;
  type: 'fail';
  name?: string;
  description?: string;
  /**
   * A JSONata expression (a string), or an object/array whose string values starting with '=' are JSONata and the rest literal. {"$use": "template"} inserts a named template; other keys beside $use extend or override it.
   */
  message:
    | string
    | number
    | boolean
    | null
    | Mapping[]
    | {
        [k: string]: Mapping;
      };
  code?: string;
}
/**
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "SucceedStep".
 */
export interface SucceedStep {
  id: StepId;
  type: 'succeed';
  name?: string;
  description?: string;
  output?: Mapping;
}
/**
 * Waits, durably: the run's snapshot is saved and the run is listed as waiting (nothing of it in memory) until its timer is due, across restarts; then the next step runs. Give exactly one of for (a duration from when the step is reached) and until (a time). A time already past goes on at once. $steps.<id> is { until } (the ISO time it waited for).
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "DelayStep".
 */
export interface DelayStep {
  id: StepId;
  type: 'delay';
  name?: string;
  description?: string;
  for?: DelayDuration;
  /**
   * An ISO time with its offset (2026-12-24T09:00:00-05:00 or ...Z), or, starting with '=', a JSONata expression giving an ISO time or milliseconds since the epoch.
   */
  until?: string;
  onError?: OnError;
}
/**
 * Runs its steps again and again with a cursor (paging): the cursor starts as init; before each iteration while (when given) must be true; after it the cursor becomes update, then until (when given) ends the loop when true. Inside, $cursor (or $<as>) and $iteration (from 0) are bound and $steps holds the iteration's own steps. More than maxIterations iterations fail the step. $steps.<id> is { iterations, cursor }.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "LoopStep".
 */
export interface LoopStep {
  id: StepId;
  type: 'loop';
  name?: string;
  description?: string;
  /**
   * A JSONata expression (a string), or an object/array whose string values starting with '=' are JSONata and the rest literal. {"$use": "template"} inserts a named template; other keys beside $use extend or override it.
   */
  init?:
    | string
    | number
    | boolean
    | null
    | Mapping[]
    | {
        [k: string]: Mapping;
      };
  steps: StepList;
  /**
   * A JSONata expression (a string), or an object/array whose string values starting with '=' are JSONata and the rest literal. {"$use": "template"} inserts a named template; other keys beside $use extend or override it.
   */
  update?:
    | string
    | number
    | boolean
    | null
    | Mapping[]
    | {
        [k: string]: Mapping;
      };
  /**
   * A JSONata expression. A leading '=' is allowed and ignored.
   */
  while?: string;
  /**
   * A JSONata expression. A leading '=' is allowed and ignored.
   */
  until?: string;
  /**
   * The cursor's variable name; default cursor ($cursor, with $iteration).
   */
  as?: string;
  /**
   * Required: a loop that would go on past this many iterations fails the step.
   */
  maxIterations: number;
  onError?: OnError;
}
/**
 * Runs another published workflow of the tenant (a sub-workflow) with input as its event payload, waits for it to end and takes its output: the output of the succeed step that ended it, else its steps' outputs by id. The callee run records this run and step as its parent. A callee that fails fails this step. Calls nest at most 5 deep.
 *
 * This interface was referenced by `WorkflowDefinition`'s JSON-Schema
 * via the `definition` "CallStep".
 */
export interface CallStep {
  id: StepId;
  type: 'call';
  name?: string;
  description?: string;
  /**
   * The id of the workflow to run.
   */
  workflow: string;
  /**
   * The version to run (a published or earlier saved one); default the published version.
   */
  version?: number;
  /**
   * A JSONata expression (a string), or an object/array whose string values starting with '=' are JSONata and the rest literal. {"$use": "template"} inserts a named template; other keys beside $use extend or override it.
   */
  input?:
    | string
    | number
    | boolean
    | null
    | Mapping[]
    | {
        [k: string]: Mapping;
      };
  onError?: OnError;
}
