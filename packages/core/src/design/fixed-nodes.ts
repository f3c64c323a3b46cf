import type { ScopeNode } from './scope-node.js';

const leaf = (parent: string, name: string, type: ScopeNode['type'], certain: boolean, description: string, sample?: unknown): ScopeNode => ({
  name,
  path: `${parent}.${name}`,
  type,
  certain,
  description,
  ...(sample === undefined ? {} : { sample }),
});

/** `$trigger`: the trigger operation and the delivery's id. */
export function triggerNode(operation: string): ScopeNode {
  return {
    name: '$trigger',
    path: '$trigger',
    type: 'object',
    certain: true,
    description: 'The trigger and the delivery\'s identity.',
    children: [
      leaf('$trigger', 'operation', 'string', true, 'The trigger operation id.', operation),
      leaf('$trigger', 'id', 'string', false, 'The delivery\'s id, used to drop duplicates; not every event has one.'),
    ],
  };
}

/** `$run`: the run's id, its workflow's id and whether it is a dry run. */
export function runNode(workflowId: string | undefined): ScopeNode {
  return {
    name: '$run',
    path: '$run',
    type: 'object',
    certain: true,
    description: 'The run itself.',
    children: [
      leaf('$run', 'id', 'string', true, 'The run\'s id.'),
      leaf('$run', 'workflowId', 'string', true, 'The workflow\'s id.', workflowId),
      leaf('$run', 'dryRun', 'boolean', true, 'True in a dry run, which calls nothing.'),
    ],
  };
}

/** The fields of a failed step's error record, under `parent` (`$error`, or `$steps.<id>.error`). */
export function errorNode(name: string, path: string, certain: boolean): ScopeNode {
  return {
    name,
    path,
    type: 'object',
    certain,
    description: 'The error the failed step gave.',
    children: [
      leaf(path, 'name', 'string', certain, 'The kind of error, e.g. ActionError.'),
      leaf(path, 'code', 'string', certain, 'A stable, machine-readable code, e.g. action.validation.'),
      leaf(path, 'message', 'string', certain, 'What went wrong.'),
      leaf(path, 'category', 'string', false, 'For action errors: validation, credentials, permission, not_found, conflict, rate_limited, server, network, timeout.'),
      leaf(path, 'status', 'integer', false, 'The HTTP status, when the service answered.'),
      leaf(path, 'pointer', 'string', false, 'Where the error is, as a JSON pointer.'),
      leaf(path, 'hint', 'string', false, 'What to do about it.'),
      { name: 'details', path: `${path}.details`, type: 'any', certain: false, description: 'More about the error, e.g. the service\'s answer.' },
    ],
  };
}

/** What `$steps.<id>` holds after the step failed and the run went on: `{ error }`. */
export function failedStepNode(id: string, path: string): ScopeNode {
  return { name: id, path, type: 'object', certain: true, children: [errorNode('error', `${path}.error`, true)] };
}
