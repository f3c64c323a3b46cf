import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The command line of a generator: when `moduleUrl` is the script node was started with, writes
 * `build()`'s text to `outputFile`, or with `--check` exits 1 when the committed file differs.
 */
export async function runGenerator(moduleUrl: string, outputFile: string, build: () => Promise<string>): Promise<void> {
  if (process.argv[1] === undefined || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const text = await build();
  if (!process.argv.includes('--check')) {
    await writeFile(outputFile, text);
    return;
  }
  const current = await readFile(outputFile, 'utf8').catch(() => '');
  if (current !== text) {
    process.stderr.write(`${outputFile} is out of date; rebuild it.\n`);
    process.exit(1);
  }
}
