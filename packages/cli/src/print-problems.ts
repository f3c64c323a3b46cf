import type { ValidationProblem } from '@flowline/core';

/** One line per problem: `file: /pointer: message (suggestion)`. */
export function formatProblems(file: string, problems: readonly ValidationProblem[]): string {
  return problems
    .map((problem) => `${file}: ${problem.pointer || '/'}: ${problem.message}${problem.suggestion ? `\n    ${problem.suggestion}` : ''}`)
    .join('\n');
}
