import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadWorkflows } from '../host/load-workflows.js';

/** The repository's `examples/` folder: the five seed flows and their shared configuration. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../../examples/', import.meta.url));

/** The seed flows, in the order the demo deploys them. */
export const FLOW_NAMES = ['contact-sync', 'task-sync', 'note-sync', 'appointment-sync', 'lead-pipeline'] as const;
export type FlowName = (typeof FLOW_NAMES)[number];

/** `examples/flowline.config.json`: connections and `$config` the flows expect (sandbox defaults). */
export const EXAMPLES_CONFIG_FILE = join(EXAMPLES_DIR, 'flowline.config.json');

/** Every `*.workflow.json` of the named flows, with its file name. */
export async function loadFlowWorkflows(flows: readonly FlowName[] = FLOW_NAMES): Promise<Array<{ file: string; definition: unknown }>> {
  for (const flow of flows) {
    if (!(FLOW_NAMES as readonly string[]).includes(flow)) {
      throw new TypeError(`Expected a flow name among ${FLOW_NAMES.join(', ')}, got ${String(flow)}`);
    }
  }
  return loadWorkflows(flows.map((flow) => join(EXAMPLES_DIR, flow)));
}
