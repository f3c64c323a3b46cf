import type { StepJson } from './definition.js';

/** A field of a step kind's own form (an action's input comes from its operation's schema instead). */
export interface KindField {
  readonly key: string;
  readonly title: string;
  /** `expression`: JSONata without "="; `mapping`: literal or "=expression"; `text`: literal; `json`: any JSON; `integer`. */
  readonly kind: 'expression' | 'mapping' | 'text' | 'json' | 'integer';
  readonly required?: boolean;
}

/** A list of steps nested in a step: where it is (relative pointer) and how the canvas labels it. */
export interface NestedList {
  readonly path: string;
  readonly label: string;
}

export interface StepKindSpec {
  readonly type: string;
  /** The palette button's name: "Add <label>". */
  readonly label: string;
  readonly create: (id: string) => StepJson;
  readonly fields: readonly KindField[];
  /** The lists of steps inside a step of this kind, in display order. */
  readonly lists: (step: StepJson) => readonly NestedList[];
  /** For a test run: the branches one may choose for this step. */
  readonly branches?: (step: StepJson) => readonly string[];
}

const none = (): readonly NestedList[] => [];

/**
 * The step kinds the builder draws and edits. A new kind is one entry here: how to create it,
 * its fields, and its nested lists (if any); the canvas, palette and forms follow.
 */
export const STEP_KINDS: readonly StepKindSpec[] = [
  {
    type: 'if',
    label: 'if',
    create: (id) => ({ id, type: 'if', condition: '', then: [], else: [] }),
    fields: [{ key: 'condition', title: 'Condition', kind: 'expression', required: true }],
    lists: () => [
      { path: '/then', label: 'then' },
      { path: '/else', label: 'else' },
    ],
    branches: () => ['then', 'else'],
  },
  {
    type: 'forEach',
    label: 'for each',
    create: (id) => ({ id, type: 'forEach', over: '', steps: [] }),
    fields: [
      { key: 'over', title: 'Over', kind: 'expression', required: true },
      { key: 'as', title: 'Item name', kind: 'text' },
      { key: 'concurrency', title: 'Concurrency', kind: 'integer' },
    ],
    lists: () => [{ path: '/steps', label: 'each item' }],
  },
  {
    type: 'set',
    label: 'set',
    create: (id) => ({ id, type: 'set', var: id, value: '' }),
    fields: [
      { key: 'var', title: 'Variable', kind: 'text', required: true },
      { key: 'value', title: 'Value', kind: 'mapping', required: true },
    ],
    lists: none,
  },
  {
    type: 'switch',
    label: 'switch',
    create: (id) => ({ id, type: 'switch', cases: [{ when: '', steps: [] }], default: [] }),
    fields: [],
    lists: (step) => [
      ...(Array.isArray(step.cases) ? step.cases : []).map((_, index) => ({ path: `/cases/${index}/steps`, label: `case ${index}` })),
      { path: '/default', label: 'default' },
    ],
    branches: (step) => [...(Array.isArray(step.cases) ? step.cases : []).map((_, index) => String(index)), 'default'],
  },
  {
    type: 'fail',
    label: 'fail',
    create: (id) => ({ id, type: 'fail', message: '' }),
    fields: [
      { key: 'message', title: 'Message', kind: 'mapping', required: true },
      { key: 'code', title: 'Code', kind: 'text' },
    ],
    lists: none,
  },
  {
    type: 'succeed',
    label: 'succeed',
    create: (id) => ({ id, type: 'succeed' }),
    fields: [{ key: 'output', title: 'Output', kind: 'json' }],
    lists: none,
  },
];

const ACTION_KIND: StepKindSpec = {
  type: 'action',
  label: 'action',
  create: (id) => ({ id, type: 'action', operation: '', connection: '', input: {} }),
  fields: [],
  lists: none,
};

/** The spec of a step's kind; an unknown kind gets a JSON form and no nested lists. */
export function kindOf(type: string): StepKindSpec {
  if (type === 'action') return ACTION_KIND;
  return (
    STEP_KINDS.find((kind) => kind.type === type) ?? { type, label: type, create: (id) => ({ id, type }), fields: [], lists: none }
  );
}
