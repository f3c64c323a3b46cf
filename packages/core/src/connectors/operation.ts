/** A JSON Schema document (draft 2020-12 or draft-07), as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

export type OperationKind = 'trigger' | 'action';

/**
 * One operation of the catalog: a trigger (an event an outside system delivers) or an action
 * (a call to an outside system). Everything a builder needs to draw a form is here.
 *
 * - For an action, `input` describes the object a step's `input` mapping must produce:
 *   `{ path?, query?, body? }` for HTTP operations; `sample` is a valid input.
 * - For a trigger, `input` describes the event payload a run starts with; `sample` is one.
 */
export interface OperationDescriptor {
  /** Globally unique, e.g. `ghl.contacts.upsert-contact` or `pushpress.customer.created`. */
  readonly id: string;
  readonly kind: OperationKind;
  /** The connector that implements it, e.g. `ghl` or `pushpress`. */
  readonly connector: string;
  readonly title: string;
  readonly description?: string;
  /** OAuth scopes the connection needs. */
  readonly scopes?: readonly string[];
  /** The HTTP request behind an action, when there is one. */
  readonly http?: { readonly method: string; readonly path: string; readonly version?: string };
  readonly input?: JsonSchema;
  readonly output?: JsonSchema;
  readonly sample?: unknown;
  /** What a dry run answers in place of calling out. */
  readonly sampleOutput?: unknown;
  /** Offered beyond the reference catalog (e.g. a lookup a flow needs). */
  readonly extra?: boolean;
}
