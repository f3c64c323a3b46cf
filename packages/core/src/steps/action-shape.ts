import type { ValidationProblem } from '../definition/validation-problem.js';
import type { ActionStep } from '../generated/workflow.js';
import type { StepShape } from './step-shape.js';

/** `action` at design time: its input, idempotency key and rate-limit key mappings; the operation and connection must exist and fit. */
export const actionShape: StepShape<ActionStep> = {
  type: 'action',
  nested: () => [],
  mappings: (step) => [
    ...(step.input === undefined ? [] : [{ field: 'input', mapping: step.input, expression: false }]),
    ...(step.idempotencyKey === undefined ? [] : [{ field: 'idempotencyKey', mapping: step.idempotencyKey, expression: true }]),
    ...(step.rateLimit?.key === undefined ? [] : [{ field: 'rateLimit/key', mapping: step.rateLimit.key, expression: true }]),
  ],
  validate(step, pointer, { catalog, connections }) {
    const problems: ValidationProblem[] = [];
    const operation = catalog.describe(step.operation);
    if (!operation) {
      const closest = catalog.suggest(step.operation, 'action');
      problems.push({
        pointer: `${pointer}/operation`,
        code: 'operation.unknown',
        message: `There is no operation "${step.operation}"`,
        ...(closest.length ? { suggestion: `Did you mean ${closest.map((id) => `"${id}"`).join(', ')}?` } : {}),
      });
    } else if (operation.kind !== 'action') {
      problems.push({
        pointer: `${pointer}/operation`,
        code: 'operation.not-an-action',
        message: `"${step.operation}" is a trigger; a step can only call an action`,
        suggestion: 'Use it as the workflow\'s trigger.operation, or pick an action from the catalog.',
      });
    }
    if (connections) {
      const connection = connections[step.connection];
      if (!connection) {
        const names = Object.keys(connections);
        problems.push({
          pointer: `${pointer}/connection`,
          code: 'connection.unknown',
          message: `No connection named "${step.connection}" is configured`,
          suggestion: names.length ? `Configured connections: ${names.join(', ')}` : 'Configure a connection for this engine first.',
        });
      } else if (operation && connection.connector !== operation.connector) {
        problems.push({
          pointer: `${pointer}/connection`,
          code: 'connection.wrong-connector',
          message: `Connection "${step.connection}" is for ${connection.connector}, but "${step.operation}" needs a ${operation.connector} connection`,
        });
      }
    }
    return problems;
  },
};
