import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { renderWorkflowFiles } from './workflow-files.js';

for (const file of await renderWorkflowFiles()) {
  const path = fileURLToPath(file.url);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, file.content);
  console.log(`wrote ${path}`);
}
