import { Background, Controls, ReactFlow, useReactFlow, type Edge, type Node } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { placeOf } from '../problems/problem-fields.js';
import { useEditor } from '../state/editor-context.js';
import type { StepJson } from '../state/definition.js';
import { FlowNodeView, type NodeCallbacks } from './node-views.js';
import { toGraph } from './to-graph.js';

const NODE_TYPES = { trigger: FlowNodeView, step: FlowNodeView, branch: FlowNodeView };

/** Fits the view when steps are added or removed, so every node stays in sight. */
function FitOnChange({ count }: { count: number }) {
  const flow = useReactFlow();
  useEffect(() => {
    const frame = requestAnimationFrame(() => void flow.fitView({ maxZoom: 1 }));
    return () => cancelAnimationFrame(frame);
  }, [count, flow]);
  return null;
}

/** The workflow drawn: the trigger, then its steps, with if branches and forEach bodies as nested lists. */
export function Canvas() {
  const { state, dispatch, design, problems } = useEditor();
  const { definition } = state;
  const title = useMemo(
    () => (step: StepJson) => (step.type === 'action' && typeof step.operation === 'string' ? (design.catalog.describe(step.operation)?.title ?? step.operation) : step.type),
    [design],
  );
  const graph = useMemo(() => toGraph(definition, title), [definition, title]);
  const problemSteps = useMemo(() => new Set(problems.map((problem) => placeOf(definition, problem).stepId).filter((id): id is string => id !== null)), [problems, definition]);
  const callbacks: NodeCallbacks = useMemo(
    () => ({
      onSelectStep: (id) => dispatch({ type: 'select', id }),
      onSelectList: (list) => dispatch({ type: 'target', list }),
      selected: state.selected,
      targetList: state.targetList,
      problemSteps,
    }),
    [dispatch, state.selected, state.targetList, problemSteps],
  );
  const nodes: Node[] = useMemo(() => graph.nodes.map((node) => ({ id: node.id, type: node.type, position: { ...node.position }, data: { ...node.data, callbacks } })), [graph, callbacks]);
  const edges: Edge[] = useMemo(() => graph.edges.map((edge) => ({ ...edge })), [graph]);
  return (
    <section className="canvas" aria-label="Canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
        minZoom={0.2}
      >
        <FitOnChange count={nodes.length} />
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </section>
  );
}
