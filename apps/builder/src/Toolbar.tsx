import { useEditor } from './state/editor-context.js';

export type PanelName = 'test' | 'publish' | 'runs' | null;

/** The workflow's commands. */
export function Toolbar({ onValidate, onPanel, onPublish, panel }: { onValidate: () => void; onPanel: (panel: PanelName) => void; onPublish: () => void; panel: PanelName }) {
  const { state, dispatch } = useEditor();
  const stepSelected = state.selected !== null;
  return (
    <div role="toolbar" aria-label="Workflow" className="toolbar">
      <button type="button" onClick={() => dispatch({ type: 'undo' })} disabled={state.past.length === 0}>
        Undo
      </button>
      <button type="button" onClick={() => dispatch({ type: 'redo' })} disabled={state.future.length === 0}>
        Redo
      </button>
      <button type="button" onClick={() => dispatch({ type: 'move', delta: -1 })} disabled={!stepSelected}>
        Move up
      </button>
      <button type="button" onClick={() => dispatch({ type: 'move', delta: 1 })} disabled={!stepSelected}>
        Move down
      </button>
      <button type="button" onClick={() => dispatch({ type: 'delete' })} disabled={!stepSelected}>
        Delete step
      </button>
      <span className="separator" />
      <button type="button" onClick={onValidate}>
        Validate
      </button>
      <button type="button" aria-pressed={panel === 'test'} onClick={() => onPanel(panel === 'test' ? null : 'test')}>
        Test run
      </button>
      <button type="button" onClick={onPublish}>
        Publish
      </button>
      <button type="button" aria-pressed={panel === 'runs'} onClick={() => onPanel(panel === 'runs' ? null : 'runs')}>
        Runs
      </button>
    </div>
  );
}
