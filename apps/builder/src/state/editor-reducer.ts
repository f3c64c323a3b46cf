import { emptyDefinition, type DefinitionJson, type StepJson } from './definition.js';
import { findStep, insertStep, moveStep, removeStep } from './step-tree.js';

/** The undo history kept at most. */
const HISTORY = 100;

export interface EditorState {
  readonly definition: DefinitionJson;
  /** The selected step's id; null: the trigger (or nothing). */
  readonly selected: string | null;
  /** A list chosen on the canvas (e.g. `/steps/1/then`) to add steps to; null: the selected step's list. */
  readonly targetList: string | null;
  readonly past: readonly DefinitionJson[];
  readonly future: readonly DefinitionJson[];
  /** The key of the last edit, so typing into one field is one undo step. */
  readonly lastEdit: string | null;
}

export type EditorAction =
  | { readonly type: 'load'; readonly definition: DefinitionJson }
  | { readonly type: 'edit'; readonly definition: DefinitionJson; readonly key?: string }
  | { readonly type: 'add'; readonly step: StepJson }
  | { readonly type: 'delete' }
  | { readonly type: 'move'; readonly delta: number }
  | { readonly type: 'select'; readonly id: string | null }
  | { readonly type: 'target'; readonly list: string }
  | { readonly type: 'undo' }
  | { readonly type: 'redo' };

export function initialState(definition: DefinitionJson = emptyDefinition()): EditorState {
  return { definition, selected: null, targetList: null, past: [], future: [], lastEdit: null };
}

function change(state: EditorState, definition: DefinitionJson, key: string | null = null): EditorState {
  if (definition === state.definition) return state;
  const merge = key !== null && key === state.lastEdit;
  return {
    ...state,
    definition,
    past: merge ? state.past : [...state.past, state.definition].slice(-HISTORY),
    future: [],
    lastEdit: key,
  };
}

/** Where an added step goes: the list chosen on the canvas, else the selected step's list, else the main list. */
export function addTarget(state: EditorState): string {
  if (state.targetList !== null) return state.targetList;
  if (state.selected !== null) {
    const placed = findStep(state.definition, state.selected);
    if (placed) return placed.list;
  }
  return '/steps';
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load':
      return initialState(action.definition);
    case 'edit':
      return change(state, action.definition, action.key ?? null);
    case 'add': {
      const next = change(state, insertStep(state.definition, addTarget(state), action.step));
      return { ...next, selected: action.step.id };
    }
    case 'delete': {
      const placed = state.selected === null ? undefined : findStep(state.definition, state.selected);
      if (!placed) return state;
      return { ...change(state, removeStep(state.definition, placed.pointer)), selected: null, targetList: null };
    }
    case 'move': {
      const placed = state.selected === null ? undefined : findStep(state.definition, state.selected);
      if (!placed) return state;
      return change(state, moveStep(state.definition, placed.pointer, action.delta));
    }
    case 'select':
      return { ...state, selected: action.id, targetList: null, lastEdit: null };
    case 'target':
      return { ...state, targetList: action.list, selected: null, lastEdit: null };
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      const selected = state.selected !== null && findStep(previous, state.selected) ? state.selected : null;
      return { ...state, definition: previous, past: state.past.slice(0, -1), future: [state.definition, ...state.future], lastEdit: null, selected };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      const selected = state.selected !== null && findStep(next, state.selected) ? state.selected : null;
      return { ...state, definition: next, past: [...state.past, state.definition], future: rest, lastEdit: null, selected };
    }
  }
}
