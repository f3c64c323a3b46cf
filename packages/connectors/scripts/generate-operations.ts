/**
 * Generates one JSON file per catalog operation under schemas/operations/, the catalog module
 * src/generated/operations.ts and the TypeScript types in src/generated/, from the
 * reference documents in packages/connectors/reference/. Run with `pnpm generate`.
 */
import { fileURLToPath } from 'node:url';
import { buildOperations } from './operations/build-descriptors.js';
import { renderGeneratedFiles, writeGeneratedFiles } from './operations/write-generated.js';

const referenceDir = new URL('../reference/', import.meta.url);
const schemasDir = fileURLToPath(new URL('../../../schemas/operations/', import.meta.url));
const generatedDir = fileURLToPath(new URL('../src/generated/', import.meta.url));

const operations = buildOperations(referenceDir);
const written = await writeGeneratedFiles(await renderGeneratedFiles(operations), { schemasDir, generatedDir });
for (const operation of operations) {
  for (const note of operation.notes) console.warn(`note: ${String(operation.descriptor['id'])}: ${note}`);
}
console.log(`wrote ${written.length} files (${operations.length} operations)`);
