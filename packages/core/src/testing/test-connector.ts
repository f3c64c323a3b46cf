import type { ActionContext, Connector } from '../connectors/connector.js';
import type { JsonSchema, OperationDescriptor } from '../connectors/operation.js';

export interface TestAction {
  readonly title?: string;
  readonly input?: JsonSchema;
  readonly sampleOutput?: unknown;
  readonly run: (input: unknown, context: ActionContext) => unknown;
}

export interface TestConnectorOptions {
  readonly name?: string;
  /** Actions by their name; ids become `<connector>.<name>`. */
  readonly actions?: Readonly<Record<string, TestAction>>;
  /** Triggers by their name; ids become `<connector>.<name>`. */
  readonly triggers?: Readonly<Record<string, { readonly title?: string; readonly payload?: JsonSchema }>>;
}

/** A connector whose actions run in-process: for hosts' tests, examples and benchmarks. */
export function createTestConnector(options: TestConnectorOptions = {}): Connector & { readonly calls: Array<{ operationId: string; input: unknown }> } {
  const name = options.name ?? 'test';
  const calls: Array<{ operationId: string; input: unknown }> = [];
  const actions = new Map(Object.entries(options.actions ?? {}).map(([action, spec]) => [`${name}.${action}`, spec]));
  const operations: OperationDescriptor[] = [
    ...[...actions].map(([id, spec]) => ({
      id,
      kind: 'action' as const,
      connector: name,
      title: spec.title ?? id,
      ...(spec.input ? { input: spec.input } : {}),
      ...(spec.sampleOutput === undefined ? {} : { sampleOutput: spec.sampleOutput }),
    })),
    ...Object.entries(options.triggers ?? {}).map(([trigger, spec]) => ({
      id: `${name}.${trigger}`,
      kind: 'trigger' as const,
      connector: name,
      title: spec.title ?? `${name}.${trigger}`,
      ...(spec.payload ? { input: spec.payload } : {}),
    })),
  ];
  return {
    name,
    operations,
    calls,
    async invoke(request, context) {
      const action = actions.get(request.operationId);
      if (!action) throw new Error(`The test connector has no action ${request.operationId}`);
      calls.push({ operationId: request.operationId, input: request.input });
      return action.run(request.input, context);
    },
  };
}
