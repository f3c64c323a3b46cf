import { useMemo } from 'react';
import { scopeAt, type ScopeNode, type WorkflowDefinition } from '@flowline/core/design';
import { useEditor } from '../state/editor-context.js';

function sampleText(sample: unknown): string {
  if (sample === undefined) return '';
  const text = JSON.stringify(sample);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function PickerNode({ node, onPick }: { node: ScopeNode; onPick: (path: string) => void }) {
  const children = [...(node.children ?? []), ...(node.items ? [node.items] : [])];
  return (
    <li>
      <button type="button" className="pick" onClick={() => onPick(node.path)}>
        <span>{node.name}</span> <code className="muted">{node.path}</code>
        <span className="muted"> {node.type}{node.certain ? '' : ', maybe unset'}{node.sample === undefined ? '' : `: ${sampleText(node.sample)}`}</span>
      </button>
      {children.length > 0 ? (
        <ul>
          {children.map((child) => (
            <PickerNode key={child.path} node={child} onPick={onPick} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** What is in scope at a field (scopeAt): choosing a name puts `=<path>` in the field. */
export function DataPicker({ pointer, title, onPick }: { pointer: string; title: string; onPick: (expression: string) => void }) {
  const { state, design } = useEditor();
  const scope = useMemo(() => {
    try {
      return scopeAt(state.definition as unknown as WorkflowDefinition, pointer, { catalog: design.catalog, maxDepth: 4 });
    } catch {
      return undefined;
    }
  }, [state.definition, pointer, design]);
  return (
    <div className="picker" role="group" aria-label={`Data for ${title}`}>
      {scope ? (
        <ul>
          {scope.names.map((node) => (
            <PickerNode key={node.path} node={node} onPick={(path) => onPick(`=${path}`)} />
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing in scope here.</p>
      )}
    </div>
  );
}
