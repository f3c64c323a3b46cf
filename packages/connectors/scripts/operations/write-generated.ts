import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GeneratedOperation } from './build-descriptors.js';
import { renderCatalogModule } from './render-catalog-module.js';
import { formatJson } from './stable-json.js';
import { renderOperationTypes } from './render-types.js';

export interface GeneratedTargets {
  /** Where the per-operation JSON files go (the repository's `schemas/operations`). */
  readonly schemasDir: string;
  /** Where the catalog module and TypeScript types go (`packages/connectors/src/generated`). */
  readonly generatedDir: string;
}

/** Every generated file, keyed by its path relative to the two target folders (`schemas/…`, `generated/…`). */
export async function renderGeneratedFiles(operations: readonly GeneratedOperation[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const operation of operations) files.set(`schemas/${operation.file}`, formatJson(operation.descriptor));
  files.set('generated/operations.ts', renderCatalogModule(operations));
  for (const [name, content] of await renderOperationTypes(operations)) files.set(`generated/${name}`, content);
  return files;
}

/** Replaces the contents of both target folders with the generated files (stale files disappear). */
export async function writeGeneratedFiles(files: ReadonlyMap<string, string>, targets: GeneratedTargets): Promise<string[]> {
  if (typeof targets.schemasDir !== 'string' || typeof targets.generatedDir !== 'string') {
    throw new TypeError('writeGeneratedFiles: expected { schemasDir: string, generatedDir: string }');
  }
  await rm(targets.schemasDir, { recursive: true, force: true });
  await rm(targets.generatedDir, { recursive: true, force: true });
  const written: string[] = [];
  for (const [name, content] of files) {
    const target = name.startsWith('schemas/')
      ? join(targets.schemasDir, name.slice('schemas/'.length))
      : join(targets.generatedDir, name.slice('generated/'.length));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    written.push(target);
  }
  return written;
}
