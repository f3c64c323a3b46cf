import type { Catalog } from '../../catalog/catalog.js';
import type { ConnectionConfig } from '../../connectors/connector.js';
import { validateWorkflow } from '../../definition/validate-workflow.js';
import type { ValidationResult } from '../../definition/validation-problem.js';
import { WorkflowValidationError } from '../../errors/workflow-validation-error.js';
import type { ExpressionCompiler } from '../../expressions/expression-compiler.js';
import type { Mapping, WorkflowDefinition } from '../../generated/workflow.js';
import { prepareWorkflow, type PreparedWorkflow } from '../../machine/prepare-workflow.js';

/** What a definition is checked and prepared against: a tenant's connections and templates. */
export interface PrepareFor {
  readonly connections: Readonly<Record<string, ConnectionConfig>>;
  readonly templates: Readonly<Record<string, Mapping>>;
}

/** A prepared workflow in use by one deployment; `release` when the deployment goes. */
export interface PreparedUse {
  readonly prepared: PreparedWorkflow;
  release(): void;
}

interface Entry {
  /** Its key in the cache: the one copy kept (a deployment's key, about 5 kB, is let go after `use`). */
  readonly key: string;
  readonly prepared: PreparedWorkflow;
  users: number;
}

/**
 * Validates and prepares workflows once for every tenant that deploys the same definition with
 * the same templates and connection names: 1,000 gyms running the same 21 flows hold 21
 * prepared workflows (their machines and compiled expressions), not 21,000. A prepared workflow
 * holds nothing of a tenant (its store, connections and config come with each run), and is
 * forgotten when no deployment uses it.
 */
export class PreparedWorkflows {
  readonly #catalog: Catalog;
  readonly #expressions: ExpressionCompiler;
  readonly #entries = new Map<string, Entry>();
  /** The last tenant context's key, by the identity of its objects (tenants often share them). */
  readonly #contextKeys = new WeakMap<object, string>();

  constructor(catalog: Catalog, expressions: ExpressionCompiler) {
    this.#catalog = catalog;
    this.#expressions = expressions;
  }

  /** Every problem of a definition for a tenant, each with a JSON pointer. */
  validate(definition: unknown, context: PrepareFor): ValidationResult {
    return validateWorkflow(definition, { catalog: this.#catalog, expressions: this.#expressions, connections: context.connections, templates: context.templates });
  }

  /** Validates (throws WorkflowValidationError) and prepares `definition`, or shares the same one prepared before. */
  use(definition: unknown, context: PrepareFor): PreparedUse {
    const key = `${this.#contextKey(context)}\u0000${JSON.stringify(definition)}`;
    let entry = this.#entries.get(key);
    if (entry === undefined) {
      const result = this.validate(definition, context);
      if (!result.valid) throw new WorkflowValidationError(idOf(definition), result.problems);
      const prepared = prepareWorkflow(definition as WorkflowDefinition, { expressions: this.#expressions, catalog: this.#catalog, templates: context.templates });
      entry = { key, prepared, users: 0 };
      this.#entries.set(key, entry);
    }
    entry.users += 1;
    return this.#useOf(entry);
  }

  /** A use of `entry`; it holds the entry alone (not the key `use` built: 1,000 tenants' copies were 100 MB). */
  #useOf(entry: Entry): PreparedUse {
    let released = false;
    return {
      prepared: entry.prepared,
      release: () => {
        if (released) return;
        released = true;
        entry.users -= 1;
        if (entry.users === 0 && this.#entries.get(entry.key) === entry) this.#entries.delete(entry.key);
      },
    };
  }

  /** How many distinct prepared workflows are held. */
  get size(): number {
    return this.#entries.size;
  }

  /** Connection names with their connectors, and the templates: what validation and preparing depend on. */
  #contextKey(context: PrepareFor): string {
    let key = this.#contextKeys.get(context);
    if (key === undefined) {
      const connections = Object.entries(context.connections).map(([name, connection]) => [name, connection.connector]).sort();
      key = JSON.stringify([connections, context.templates]);
      this.#contextKeys.set(context, key);
    }
    return key;
  }
}

function idOf(definition: unknown): string {
  const id = definition !== null && typeof definition === 'object' ? (definition as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? `"${id}"` : '(no id)';
}
