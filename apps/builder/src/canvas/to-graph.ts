import type { DefinitionJson, StepJson } from '../state/definition.js';
import { getAt } from '../state/definition.js';
import { kindOf } from '../state/step-kinds.js';

/** What a canvas node shows: the trigger, a step, or the head of a nested list (an if's then, a forEach's body). */
export type FlowNodeData =
  | { readonly kind: 'trigger'; readonly title: string; readonly operation: string }
  | { readonly kind: 'step'; readonly stepId: string; readonly stepType: string; readonly title: string; readonly pointer: string }
  | { readonly kind: 'branch'; readonly label: string; readonly ownerId: string; readonly list: string; readonly empty: boolean };

export interface GraphNode {
  readonly id: string;
  readonly type: 'trigger' | 'step' | 'branch';
  readonly position: { readonly x: number; readonly y: number };
  readonly data: FlowNodeData;
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly label?: string;
}

export interface Graph {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
}

const ROW = 90;
const INDENT = 240;

/** A step's one-line title: its operation's title for an action, its kind otherwise. */
export type StepTitle = (step: StepJson) => string;

/**
 * The definition as canvas nodes and edges, laid out top to bottom: the trigger, each list's
 * steps in order, and under a step with nested lists one head node per list (indented), then
 * that list's steps. Pure: the same definition always gives the same graph.
 */
export function toGraph(definition: DefinitionJson, title: StepTitle): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  let row = 0;
  const place = (depth: number) => ({ x: depth * INDENT, y: (row++) * ROW });

  nodes.push({ id: 'trigger', type: 'trigger', position: place(0), data: { kind: 'trigger', title: 'Trigger', operation: definition.trigger?.operation ?? '' } });

  /** Lays out a list after `from` (a node id); answers the id of its last node. */
  const layList = (steps: unknown, list: string, depth: number, from: string, label?: string): string => {
    let previous = from;
    let first = true;
    (Array.isArray(steps) ? steps : []).forEach((raw, index) => {
      if (typeof raw !== 'object' || raw === null) return;
      const step = raw as StepJson;
      const pointer = `${list}/${index}`;
      const id = `step:${step.id}`;
      nodes.push({ id, type: 'step', position: place(depth), data: { kind: 'step', stepId: step.id, stepType: step.type, title: title(step), pointer } });
      edges.push({ id: `${previous}->${id}`, source: previous, target: id, ...(first && label ? { label } : {}) });
      first = false;
      previous = id;
      for (const nested of kindOf(step.type).lists(step)) {
        const headId = `branch:${pointer}${nested.path}`;
        const inner = getAt(step, nested.path);
        nodes.push({
          id: headId,
          type: 'branch',
          position: place(depth + 1),
          data: { kind: 'branch', label: nested.label, ownerId: step.id, list: pointer + nested.path, empty: !Array.isArray(inner) || inner.length === 0 },
        });
        edges.push({ id: `${id}->${headId}`, source: id, target: headId });
        layList(inner, pointer + nested.path, depth + 1, headId);
      }
    });
    return previous;
  };
  layList(definition.steps, '/steps', 0, 'trigger');
  return { nodes, edges };
}
