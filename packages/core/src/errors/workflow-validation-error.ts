import type { ValidationProblem } from '../definition/validation-problem.js';
import { FlowlineError } from './flowline-error.js';

/** A workflow definition was refused; `problems` lists everything wrong with it, each with a pointer. */
export class WorkflowValidationError extends FlowlineError {
  override readonly name: string = 'WorkflowValidationError';
  readonly problems: readonly ValidationProblem[];

  constructor(workflow: string, problems: readonly ValidationProblem[]) {
    const first = problems[0];
    super(
      'definition.invalid',
      `Workflow ${workflow} has ${problems.length} problem${problems.length === 1 ? '' : 's'}${first ? `; the first: ${first.pointer || '/'}: ${first.message}` : ''}`,
      { pointer: first?.pointer, hint: 'Run `flowline validate <file>` to see them all.' },
    );
    this.problems = problems;
  }
}
