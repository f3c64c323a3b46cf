import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOperations } from '../../scripts/operations/build-descriptors.js';
import { renderGeneratedFiles, writeGeneratedFiles } from '../../scripts/operations/write-generated.js';

const committed = {
  schemasDir: fileURLToPath(new URL('../../../../schemas/operations/', import.meta.url)),
  generatedDir: fileURLToPath(new URL('../../src/generated/', import.meta.url)),
};

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const STALE = 'is out of date: run `pnpm generate` (packages/connectors/scripts/generate-operations.ts) and commit the result';

describe('generated operation files', () => {
  let tmp: string | undefined;
  afterAll(async () => {
    if (tmp !== undefined) await rm(tmp, { recursive: true, force: true });
  });

  it('regenerate to exactly the committed JSON files and TypeScript types', { timeout: 120_000 }, async () => {
    tmp = await mkdtemp(join(tmpdir(), 'flowline-operations-'));
    const fresh = { schemasDir: join(tmp, 'schemas'), generatedDir: join(tmp, 'generated') };
    const operations = buildOperations(new URL('../../reference/', import.meta.url));
    await writeGeneratedFiles(await renderGeneratedFiles(operations), fresh);
    for (const key of ['schemasDir', 'generatedDir'] as const) {
      const expected = await listFiles(fresh[key]);
      expect(await listFiles(committed[key]), `the file list of ${committed[key]} ${STALE}`).toEqual(expected);
      for (const file of expected) {
        const want = await readFile(join(fresh[key], file), 'utf8');
        const have = await readFile(join(committed[key], file), 'utf8');
        expect(have === want, `${join(committed[key], file)} ${STALE}`).toBe(true);
      }
    }
  });
});
