import type { ValidationProblem } from './validation-problem.js';

/** How deep a definition's JSON may nest (a real workflow: about 12). */
export const MAX_DEFINITION_DEPTH = 64;
/** How many steps a definition may hold, nested ones included (a gym's workflows: 5 to 50). */
export const MAX_STEPS = 500;
/** How many problems are listed; the rest are counted. */
export const MAX_PROBLEMS = 200;

/** The members whose arrays hold steps, at any level (branches, bodies, error handlers). */
const STEP_LISTS = new Set(['steps', 'then', 'else', 'do', 'onError', 'default']);

/**
 * Refuses, before any other check, a definition too deep or with too many steps to be a workflow:
 * the schema check costs more than linear time in its errors, so 200,000 empty steps would hold
 * the thread for minutes. Walks without recursion, so nesting cannot overflow the stack.
 */
export function sizeProblem(definition: unknown): ValidationProblem | undefined {
  const pending: Array<{ value: unknown; depth: number; pointer: string; inStepList: boolean }> = [{ value: definition, depth: 0, pointer: '', inStepList: false }];
  let steps = 0;
  while (pending.length > 0) {
    const { value, depth, pointer, inStepList } = pending.pop() as (typeof pending)[number];
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEFINITION_DEPTH) {
      return { pointer, code: 'definition.too-deep', message: `The definition nests deeper than ${MAX_DEFINITION_DEPTH} levels`, suggestion: 'A workflow nests about a dozen levels; flatten the value at this pointer.' };
    }
    if (Array.isArray(value)) {
      if (inStepList) steps += value.length;
      if (steps > MAX_STEPS) {
        return { pointer, code: 'definition.too-many-steps', message: `The definition has more than ${MAX_STEPS} steps`, suggestion: 'Split it into several workflows.' };
      }
      value.forEach((item, index) => pending.push({ value: item, depth: depth + 1, pointer: `${pointer}/${index}`, inStepList: false }));
    } else {
      for (const [key, item] of Object.entries(value)) pending.push({ value: item, depth: depth + 1, pointer: `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, inStepList: STEP_LISTS.has(key) });
    }
  }
  return undefined;
}

/** The first MAX_PROBLEMS problems, and one more that says how many were left out. */
export function capped(problems: ValidationProblem[]): ValidationProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    { pointer: '', code: 'definition.too-many-problems', message: `${problems.length - MAX_PROBLEMS} more problems are not listed`, suggestion: 'Fix these first, then validate again.' },
  ];
}
