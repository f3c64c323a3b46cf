import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { KeyboardEvent } from 'react';
import type { FlowNodeData } from './to-graph.js';

export interface NodeCallbacks {
  readonly onSelectStep: (id: string | null) => void;
  readonly onSelectList: (list: string) => void;
  readonly selected: string | null;
  readonly targetList: string | null;
  readonly problemSteps: ReadonlySet<string>;
}

const activate = (run: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    run();
  }
};

type ViewData = FlowNodeData & { readonly callbacks: NodeCallbacks };

/** The trigger, a step, or a branch head: a focusable button on the canvas. */
export function FlowNodeView({ data }: NodeProps) {
  const view = data as unknown as ViewData;
  const { callbacks } = view;
  if (view.kind === 'trigger') {
    const selected = callbacks.selected === null && callbacks.targetList === null;
    return (
      <div role="button" tabIndex={0} aria-label="Trigger" aria-pressed={selected} className={`node node-trigger${selected ? ' selected' : ''}`} onClick={() => callbacks.onSelectStep(null)} onKeyDown={activate(() => callbacks.onSelectStep(null))}>
        <strong>Trigger</strong>
        <span className="muted">{view.operation || 'none chosen'}</span>
        <Handle type="source" position={Position.Bottom} isConnectable={false} />
      </div>
    );
  }
  if (view.kind === 'branch') {
    const selected = callbacks.targetList === view.list;
    return (
      <div role="button" tabIndex={0} aria-label={`Branch ${view.label} of ${view.ownerId}`} aria-pressed={selected} className={`node node-branch${selected ? ' selected' : ''}`} onClick={() => callbacks.onSelectList(view.list)} onKeyDown={activate(() => callbacks.onSelectList(view.list))}>
        <Handle type="target" position={Position.Top} isConnectable={false} />
        <span>{view.label}</span>
        {view.empty ? <span className="muted"> (empty: select, then add)</span> : null}
        <Handle type="source" position={Position.Bottom} isConnectable={false} />
      </div>
    );
  }
  const selected = callbacks.selected === view.stepId;
  const invalid = callbacks.problemSteps.has(view.stepId);
  return (
    <div role="button" tabIndex={0} aria-label={`Step ${view.stepId}`} aria-pressed={selected} className={`node node-step kind-${view.stepType}${selected ? ' selected' : ''}${invalid ? ' invalid' : ''}`} onClick={() => callbacks.onSelectStep(view.stepId)} onKeyDown={activate(() => callbacks.onSelectStep(view.stepId))}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <strong>{view.stepId}</strong>
      <span className="muted">{view.title}</span>
      {invalid ? <span className="badge">problem</span> : null}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}
