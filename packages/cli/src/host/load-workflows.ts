import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFile } from '../read-json-file.js';

export const WORKFLOW_SUFFIX = '.workflow.json';

/** The workflow files named: files as given, directories searched (one level) for `*.workflow.json`. */
export async function workflowFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const names = (await readdir(path)).filter((name) => name.endsWith(WORKFLOW_SUFFIX)).sort();
      files.push(...names.map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  return files;
}

/** Reads every workflow file named (see `workflowFiles`), keeping the file name for messages. */
export async function loadWorkflows(paths: readonly string[]): Promise<Array<{ file: string; definition: unknown }>> {
  const files = await workflowFiles(paths);
  return Promise.all(files.map(async (file) => ({ file, definition: await readJsonFile(file) })));
}
