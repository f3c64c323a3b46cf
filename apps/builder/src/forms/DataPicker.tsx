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
    // A field not filled in yet is not in the definition: what is in scope there is what is in scope at its nearest existing parent.
    for (let at = pointer; at !== ''; at = at.slice(0, at.lastIndexOf('/'))) {
      try {
        return scopeAt(state.definition as unknown as WorkflowDefinition, at, { catalog: design.catalog, maxDepth: 4 });
      } catch {
        // nothing at this pointer yet: try its parent
      }
    }
    return undefined;
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
