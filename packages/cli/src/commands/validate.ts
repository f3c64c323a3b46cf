import { createEngine, FlowlineError, type ValidationProblem } from '@flowline/core';
import { engineOptions, loadHostConfig } from '../host-config.js';
import { formatProblems } from '../print-problems.js';
import { readJsonFile } from '../read-json-file.js';
import type { CommandIo } from './command-io.js';

export interface ValidateArgs {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly config: string | undefined;
}

/**
 * `flowline validate <file>...`: exit 0 when every file is valid, else 1 with every problem and
 * its JSON pointer. Connections are checked only when a configuration names them.
 */
export async function validateCommand(args: ValidateArgs, io: CommandIo): Promise<number> {
  if (args.files.length === 0) {
    io.err('usage: flowline validate <workflow.json>... [--json] [--config flowline.config.json]');
    return 2;
  }
  const config = await loadHostConfig(args.config);
  const engine = createEngine(engineOptions(config));
  const results: Array<{ file: string; valid: boolean; problems: readonly ValidationProblem[] }> = [];
  for (const file of args.files) {
    let problems: readonly ValidationProblem[];
    try {
      const definition = await readJsonFile(file);
      problems = engine.validate(definition).problems;
      if (!config.connections) problems = problems.filter((problem) => problem.code !== 'connection.unknown');
    } catch (error) {
      if (!(error instanceof FlowlineError)) throw error;
      problems = [{ pointer: '', code: error.code, message: error.message, ...(error.hint ? { suggestion: error.hint } : {}) }];
    }
    results.push({ file, valid: problems.length === 0, problems });
  }
  if (args.json) {
    io.out(JSON.stringify(results, null, 2));
  } else {
    for (const result of results) io.out(result.valid ? `${result.file}: valid` : formatProblems(result.file, result.problems));
  }
  return results.every((result) => result.valid) ? 0 : 1;
}
