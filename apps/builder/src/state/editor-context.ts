import { createContext, useContext, type Dispatch } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { Design } from '../api/use-catalog.js';
import type { Problem } from '../problems/problem-fields.js';
import type { EditorAction, EditorState } from './editor-reducer.js';

/** What every panel of the editor shares. */
export interface Editor {
  readonly state: EditorState;
  readonly dispatch: Dispatch<EditorAction>;
  readonly design: Design;
  readonly api: ApiClient;
  readonly problems: readonly Problem[];
  /** Sets the value at a pointer of the definition (undefined removes it), as one undoable edit per field. */
  readonly setField: (pointer: string, value: unknown) => void;
  /** Selects a problem's step and focuses its field. */
  readonly focusProblem: (problem: Problem) => void;
}

export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor() needs an <EditorContext.Provider>');
  return editor;
}
