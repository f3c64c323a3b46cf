import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { FlowNodeData } from './to-graph.js';

export interface NodeCallbacks {
  readonly onSelectStep: (id: string | null) => void;
  readonly onSelectList: (list: string) => void;
  readonly selected: string | null;
  readonly targetList: string | null;
  readonly problemSteps: ReadonlySet<string>;
}

type ViewData = FlowNodeData & { readonly callbacks: NodeCallbacks };

/**
 * A canvas node: a focusable button whose visible text is its accessible name ("Step upsert"),
 * and beside it what the node is (the operation's title); a click anywhere on the node selects it.
 */
function NodeBox({ name, className, pressed, onActivate, children }: { name: string; className: string; pressed: boolean; onActivate: () => void; children?: ReactNode }) {
  const keyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onActivate();
    }
  };
  return (
    <div className={`node ${className}${pressed ? ' selected' : ''}`} onClick={onActivate}>
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div role="button" tabIndex={0} aria-pressed={pressed} className="node-name" onKeyDown={keyDown}>
        {name}
      </div>
      {children}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

/** The trigger, a step, or a branch head. */
export function FlowNodeView({ data }: NodeProps) {
  const view = data as unknown as ViewData;
  const { callbacks } = view;
  if (view.kind === 'trigger') {
    return (
      <NodeBox name="Trigger" className="node-trigger" pressed={callbacks.selected === null && callbacks.targetList === null} onActivate={() => callbacks.onSelectStep(null)}>
        <span className="muted">{view.operation || 'none chosen'}</span>
      </NodeBox>
    );
  }
  if (view.kind === 'branch') {
    return (
      <NodeBox name={`Branch ${view.label} of ${view.ownerId}`} className="node-branch" pressed={callbacks.targetList === view.list} onActivate={() => callbacks.onSelectList(view.list)}>
        {view.empty ? <span className="muted">empty: select it, then add</span> : null}
      </NodeBox>
    );
  }
  const invalid = callbacks.problemSteps.has(view.stepId);
  return (
    <NodeBox name={`Step ${view.stepId}`} className={`node-step kind-${view.stepType}${invalid ? ' invalid' : ''}`} pressed={callbacks.selected === view.stepId} onActivate={() => callbacks.onSelectStep(view.stepId)}>
      <span className="muted">{view.title}</span>
      {invalid ? <span className="badge">has a problem</span> : null}
    </NodeBox>
  );
}
