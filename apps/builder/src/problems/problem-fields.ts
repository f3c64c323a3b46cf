import type { DefinitionJson } from '../state/definition.js';
import { stepAtPointer } from '../state/step-tree.js';

/** A validation problem as the API and validateWorkflow give it. */
export interface Problem {
  readonly pointer: string;
  readonly message: string;
  readonly code?: string;
  readonly hint?: string;
  readonly suggestion?: string;
}

/** The DOM id of the form control for a JSON pointer of the definition. */
export function fieldDomId(pointer: string): string {
  return `field${pointer.replace(/[^A-Za-z0-9_-]/g, (character) => `_${character.charCodeAt(0).toString(16)}_`)}`;
}

/** Where a problem belongs: the step it is in (null: the workflow's header or trigger) and the pointer of its field. */
export interface ProblemPlace {
  readonly stepId: string | null;
  readonly pointer: string;
}

export function placeOf(definition: DefinitionJson, problem: Problem): ProblemPlace {
  const placed = stepAtPointer(definition, problem.pointer);
  return { stepId: placed ? placed.step.id : null, pointer: problem.pointer };
}

/**
 * The pointer of the field that shows a problem, among the fields the form has: the problem's
 * own, else its nearest ancestor with a field (a bad item of a list shows at the list), else,
 * for a missing required property (`/steps/0/input/body` "must have required property 'x'"),
 * the child field it names.
 */
export function fieldFor(problem: Problem, fields: ReadonlySet<string>): string | undefined {
  const missing = /required property ["']([^"']+)["']/.exec(problem.message)?.[1];
  if (missing !== undefined) {
    const child = `${problem.pointer}/${missing.replaceAll('~', '~0').replaceAll('/', '~1')}`;
    if (fields.has(child)) return child;
  }
  let pointer = problem.pointer;
  for (;;) {
    if (fields.has(pointer)) return pointer;
    const cut = pointer.lastIndexOf('/');
    if (cut <= 0) return undefined;
    pointer = pointer.slice(0, cut);
  }
}

/** The problems of each field pointer, for the form. */
export function problemsByField(problems: readonly Problem[], fields: ReadonlySet<string>): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const problem of problems) {
    const field = fieldFor(problem, fields);
    if (field === undefined) continue;
    out.set(field, [...(out.get(field) ?? []), problem]);
  }
  return out;
}
