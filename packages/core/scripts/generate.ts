import { writeFile } from 'node:fs/promises';
import { WORKFLOW_TYPES_URL, renderWorkflowTypes } from './workflow-types.js';

await writeFile(WORKFLOW_TYPES_URL, await renderWorkflowTypes());
console.log(`wrote ${WORKFLOW_TYPES_URL.pathname}`);
