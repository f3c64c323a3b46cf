import { useMemo, useState } from 'react';
import { useEditor } from '../state/editor-context.js';
import { STEP_KINDS } from '../state/step-kinds.js';
import { freshId } from '../state/step-tree.js';

/** A step id from an operation id: `ghl.contacts.upsert-contact` → `upsertContact`. */
function idFromOperation(operation: string): string {
  const last = operation.split('.').pop() ?? 'step';
  return last.replace(/[-_]+([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The catalog's actions with a search, and the other step kinds. */
export function Palette() {
  const { state, dispatch, design } = useEditor();
  const [text, setText] = useState('');
  const actions = useMemo(() => design.catalog.list({ kind: 'action', text }), [design, text]);
  const addAction = (operation: string, connector: string) =>
    dispatch({ type: 'add', step: { id: freshId(state.definition, idFromOperation(operation)), type: 'action', operation, connection: connector, input: {} } });
  return (
    <section className="panel palette" aria-label="Palette">
      <h2>Add a step</h2>
      <div className="kinds">
        {STEP_KINDS.map((kind) => (
          <button key={kind.type} type="button" onClick={() => dispatch({ type: 'add', step: kind.create(freshId(state.definition, kind.type)) })}>
            Add {kind.label}
          </button>
        ))}
      </div>
      <label htmlFor="palette-search">Search actions</label>
      <input id="palette-search" type="search" value={text} onChange={(event) => setText(event.target.value)} placeholder="e.g. contact" />
      <ul className="operations">
        {actions.map((operation) => (
          <li key={operation.id}>
            <button type="button" onClick={() => addAction(operation.id, operation.connector)}>
              {operation.title} <span className="muted">({operation.id})</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
