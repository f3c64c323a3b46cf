import { readFile } from 'node:fs/promises';
import { FlowlineError, parseJson } from '@flowline/core';

/** Files the CLI reads are refused above this size. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Reads and parses a JSON file, with errors that name the file and the place. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FlowlineError('cli.unreadable-file', code === 'ENOENT' ? `${path} does not exist` : `${path} cannot be read (${code ?? 'error'})`, { cause: error });
  }
  return parseJson(text, { maxBytes: MAX_FILE_BYTES, source: path });
}
