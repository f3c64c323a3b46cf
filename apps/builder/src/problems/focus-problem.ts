import { fieldDomId, type Problem } from './problem-fields.js';

/** The form control that shows a problem, as fieldFor finds it, among the controls on the page. */
export function problemControl(problem: Problem, root: Document = document): HTMLElement | undefined {
  const missing = /required property ["']([^"']+)["']/.exec(problem.message)?.[1];
  const candidates: string[] = [];
  if (missing !== undefined) candidates.push(`${problem.pointer}/${missing.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  for (let pointer = problem.pointer; ; pointer = pointer.slice(0, pointer.lastIndexOf('/'))) {
    candidates.push(pointer);
    if (pointer === '') break;
  }
  for (const pointer of candidates) {
    const element = root.getElementById(fieldDomId(pointer));
    if (element) return element;
  }
  return undefined;
}
